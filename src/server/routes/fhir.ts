/**
 * The FHIR endpoint: the bench plays the TDDUI Consommateur. `POST /fhir` receives a transaction Bundle
 * (stored atomically when it has no error, refused with an OperationOutcome otherwise), `$validate`
 * answers an OperationOutcome, and conformance resources are published for reading. Every POST is
 * recorded as a run with its wire exchange.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { ReportIssue, CheckReport } from '../../reports/report-model.js';
import { sha256 } from '../../reports/report-model.js';
import type { JsonObject } from '../../validation/json-values.js';
import { isObject } from '../../validation/json-values.js';
import { parseFhirXml } from '../../validation/parse/xml-to-json.js';
import { authorize, callerOf } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { benchCapabilityStatement } from '../fhir/capability.js';
import { FHIR_MEDIA_TYPES, operationOutcome, requestFormat, responseFormat, serialise, type FhirFormat, type OutcomeIssue } from '../fhir/fhir-format.js';
import { acceptTransaction } from '../fhir/transaction.js';
import { baseUrl, many, rawBody, single } from '../http-input.js';
import { isPublishedType } from '../publication/publication.js';
import type { NewRun, RunKind, StoredResource, WireExchange } from '../store/runs.js';

/** Request headers worth keeping in the run record (never Authorization). */
const RECORDED_HEADERS = ['content-type', 'content-length', 'accept', 'user-agent', 'prefer', 'x-request-id'];

/** FHIR issue type of a finding. */
function issueCode(i: ReportIssue): string {
  if (i.severity === 'fatal') return 'structure';
  if (i.severity === 'information') return 'informational';
  return i.ruleId.startsWith('FHIR-') ? 'invalid' : 'business-rule';
}

export function outcomeIssues(report: CheckReport): OutcomeIssue[] {
  return report.results.flatMap((r) => r.issues).map((i) => ({
    severity: i.severity, code: issueCode(i), text: i.message, ruleId: i.ruleId, expression: i.path,
    ...(i.line !== undefined ? { line: i.line, column: i.column } : {}),
    diagnostics: i.hint ? `${i.hint} — ${i.specUrl}` : i.specUrl,
  }));
}

/** 400 when the resource itself is malformed or breaks a FHIR/profile constraint, 422 when only TDDUI business rules fail. */
export function rejectionStatus(report: CheckReport): number {
  const blocking = report.results.flatMap((r) => r.issues).filter((i) => i.severity === 'fatal' || i.severity === 'error');
  return blocking.some((i) => i.severity === 'fatal' || i.ruleId.startsWith('FHIR-')) ? 400 : 422;
}

function bodyFormat(req: Request): { format: FhirFormat; bytes: Buffer } {
  const format = requestFormat(req.headers['content-type']);
  if (!format) throw new HttpError(415, 'type-de-contenu', `type de contenu non pris en charge : « ${req.headers['content-type'] ?? 'absent'} » (attendu : application/fhir+json ou application/fhir+xml)`);
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (bytes.length === 0) throw new HttpError(400, 'corps-vide', 'corps vide : une ressource FHIR est attendue');
  return { format, bytes };
}

function recordedHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of RECORDED_HEADERS) {
    const v = req.headers[h];
    if (typeof v === 'string') out[h] = v;
  }
  return out;
}

export function fhirRouter(ctx: ServerContext): Router {
  const router = express.Router();
  const raw = rawBody(ctx.config.maxBodyBytes);
  const startDate = new Date().toISOString().slice(0, 10);

  /** Answers a FHIR resource after recording the run (the record must exist before the client sees an answer). */
  function answerAndRecord(req: Request, res: Response, kind: RunKind, run: Omit<NewRun, 'kind'>, status: number, resource: JsonObject, report?: CheckReport, resources: StoredResource[] = []): void {
    const format = responseFormat(req);
    const body = serialise(resource, format, ctx.definitions);
    const exchange: WireExchange = {
      request: { method: req.method, path: req.originalUrl, headers: recordedHeaders(req) },
      response: { status, contentType: FHIR_MEDIA_TYPES[format], body },
    };
    ctx.runs.insert({ ...run, kind }, { report, exchange, ...(report ? {} : { error: `HTTP ${status}` }) }, resources);
    res.status(status).type(FHIR_MEDIA_TYPES[format]).send(body);
  }

  function newRun(req: Request, res: Response, name: string, bytes: Buffer, options: Record<string, unknown>): Omit<NewRun, 'kind'> {
    const { principal } = callerOf(res);
    return {
      id: randomUUID(), orgId: principal.orgId, tokenId: principal.tokenId, inputName: name,
      inputMediaType: req.headers['content-type'], inputSha256: sha256(bytes), inputBytes: bytes, options,
    };
  }

  router.get('/fhir/metadata', (req, res) => {
    const body = serialise(benchCapabilityStatement(startDate, `${baseUrl(req)}/fhir`), responseFormat(req), ctx.definitions);
    res.type(FHIR_MEDIA_TYPES[responseFormat(req)]).send(body);
  });

  /** A refused request (bad content type, empty body, wrong type…) is still recorded as a run, with the answer sent. */
  function recordingRefusals(kind: RunKind, handler: (req: Request, res: Response) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (e) {
        if (!(e instanceof HttpError) || res.headersSent) throw e;
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const oo = operationOutcome([{ severity: 'error', code: e.status === 415 ? 'not-supported' : e.status === 404 ? 'not-found' : 'invalid', text: e.message }]);
        answerAndRecord(req, res, kind, newRun(req, res, 'requête refusée', bytes, {}), e.status, oo);
      }
    };
  }

  router.post('/fhir', authorize(ctx.db, 'fhir.transaction'), raw, recordingRefusals('fhir-transaction', async (req, res) => {
    const { format, bytes } = bodyFormat(req);
    const run = newRun(req, res, 'transaction', bytes, {});
    const report = await ctx.pool.run([{ name: 'transaction', bytes }], { runId: run.id });
    if (report.verdict === 'fail') {
      answerAndRecord(req, res, 'fhir-transaction', run, rejectionStatus(report), operationOutcome(outcomeIssues(report)), report);
      return;
    }
    const resource = format === 'json' ? (JSON.parse(bytes.toString('utf8')) as unknown) : parseFhirXml(bytes.toString('utf8'), ctx.definitions).resource;
    if (!isObject(resource) || resource.resourceType !== 'Bundle' || resource.type !== 'transaction') {
      const oo = operationOutcome([{ severity: 'error', code: 'invalid', text: 'un Bundle de type « transaction » est attendu sur [base] (flux TDDUI)' }]);
      answerAndRecord(req, res, 'fhir-transaction', run, 400, oo, report);
      return;
    }
    const { response, resources } = acceptTransaction(resource, new Date().toISOString());
    answerAndRecord(req, res, 'fhir-transaction', run, 200, response, report, resources);
  }));

  router.post(['/fhir/$validate', '/fhir/:type/$validate'], authorize(ctx.db, 'fhir.validate'), raw, recordingRefusals('fhir-validate', async (req, res) => {
    const type = req.params.type as string | undefined;
    if (type !== undefined && !ctx.definitions.isResourceType(type)) throw new HttpError(404, 'introuvable', `type de ressource inconnu : « ${type} »`);
    let { format, bytes } = bodyFormat(req);
    const profiles = many(req.query.profile, 'profile');
    let resourceType: string | undefined;
    if (format === 'json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        parsed = undefined; // the engine reports the syntax error with its position
      }
      if (isObject(parsed) && parsed.resourceType === 'Parameters') {
        const params = (Array.isArray(parsed.parameter) ? parsed.parameter : []).filter(isObject);
        const inner = params.find((p) => p.name === 'resource')?.resource;
        if (!isObject(inner)) throw new HttpError(400, 'corps-invalide', 'Parameters : paramètre « resource » attendu');
        for (const p of params.filter((x) => x.name === 'profile')) {
          const v = p.valueUri ?? p.valueCanonical ?? p.valueString;
          if (typeof v === 'string') profiles.push(v);
        }
        bytes = Buffer.from(JSON.stringify(inner));
        parsed = inner;
      }
      if (isObject(parsed) && typeof parsed.resourceType === 'string') resourceType = parsed.resourceType;
    } else {
      resourceType = /<([A-Za-z]+)[\s>/]/.exec(bytes.toString('utf8', 0, Math.min(bytes.length, 4096)).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1];
      if (resourceType === 'Parameters') throw new HttpError(400, 'corps-invalide', 'Parameters en XML non pris en charge : envoyez la ressource elle-même (paramètre profile dans l’URL)');
    }
    if (type !== undefined && resourceType !== undefined && resourceType !== type) {
      throw new HttpError(400, 'corps-invalide', `ressource de type « ${resourceType} » envoyée à /fhir/${type}/$validate`);
    }
    const mode = single(req.query.mode, 'mode');
    const run = newRun(req, res, resourceType ?? 'ressource', bytes, { profiles, ...(mode ? { mode } : {}) });
    const report = await ctx.pool.run([{ name: resourceType ?? 'ressource', bytes }], { runId: run.id, profiles });
    const issues = outcomeIssues(report);
    const oo = operationOutcome(issues.length ? issues : [{ severity: 'information', code: 'informational', text: 'aucun problème détecté' }]);
    answerAndRecord(req, res, 'fhir-validate', run, 200, oo, report);
  }));

  router.get('/fhir/:type', authorize(ctx.db, 'fhir.conformance.read'), (req, res) => {
    const type = req.params.type as string;
    if (!isPublishedType(type)) throw new HttpError(404, 'introuvable', `type non publié : « ${type} » (publiés : StructureDefinition, ValueSet, CodeSystem, Questionnaire, CapabilityStatement)`);
    const url = single(req.query.url, 'url');
    const found = ctx.publication.search(type, url);
    const bundle: JsonObject = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: found.length,
      entry: found.map((p) => ({ fullUrl: `${baseUrl(req)}/fhir/${type}/${String(p.resource.id)}`, resource: p.resource, search: { mode: 'match' } })),
    };
    if (found.length) res.setHeader('X-Tddui-Source', [...new Set(found.map((p) => p.source))].join(', '));
    res.type(FHIR_MEDIA_TYPES[responseFormat(req)]).send(serialise(bundle, responseFormat(req), ctx.definitions));
  });

  router.get('/fhir/:type/:id', authorize(ctx.db, 'fhir.conformance.read'), (req, res) => {
    const type = req.params.type as string;
    if (!isPublishedType(type)) throw new HttpError(404, 'introuvable', `type non publié : « ${type} »`);
    const found = ctx.publication.read(type, req.params.id as string);
    if (!found) throw new HttpError(404, 'introuvable', `${type}/${req.params.id as string} introuvable`);
    res.setHeader('X-Tddui-Source', found.source);
    res.type(FHIR_MEDIA_TYPES[responseFormat(req)]).send(serialise(found.resource, responseFormat(req), ctx.definitions));
  });

  return router;
}
