/**
 * The check API for CI: submit an export (raw body or multipart), get the verdict synchronously or
 * later (`?wait=false` → 202 + Location), list runs, download reports, annotate (reviewers).
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { renderReport, REPORT_MEDIA_TYPES, type ReportFormat } from '../../reports/render-report.js';
import { sha256, type CheckReport } from '../../reports/report-model.js';
import type { RunCheckOptions } from '../../reports/run-check.js';
import { authorize, callerOf } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { baseUrl, boolParam, intParam, many, rawBody, single, smallJson } from '../http-input.js';
import type { RunRecord } from '../store/runs.js';

/** Report downloads: file extension → format of renderReport. Formats added there plug in with one line here. */
export const REPORT_EXTENSIONS: Record<string, ReportFormat> = {
  'json': 'json',
  'junit.xml': 'junit',
  'sarif': 'sarif',
  'txt': 'text',
};

/**
 * Options runCheck does not take yet: `scenario` and `expect` belong to the scenarios stage. They are
 * rejected with 501 until wired (add the name here once runCheck accepts it: it is then passed through).
 */
export const PASS_THROUGH_OPTIONS = ['scenario', 'expect'] as const;
export const WIRED_OPTIONS = new Set<string>();

const DECISIONS = ['accept', 'reject', 'comment'] as const;

function links(req: Request, id: string): Record<string, unknown> {
  const self = `${baseUrl(req)}/api/v1/checks/${id}`;
  return { self, reports: Object.fromEntries(Object.keys(REPORT_EXTENSIONS).map((ext) => [ext, `${self}/report.${ext}`])) };
}

function issuesOf(report: CheckReport) {
  return report.results.flatMap((r) => r.issues.map((i) => (report.results.length > 1 ? { file: r.input.file, ...i } : i)));
}

/** The CLI's JSON model, reduced to what a CI needs. */
function checkAnswer(req: Request, id: string, report: CheckReport) {
  return { id, verdict: report.verdict, summary: report.summary, issues: issuesOf(report), pins: report.pins, links: links(req, id) };
}

function runView(req: Request, ctx: ServerContext, rec: RunRecord) {
  const report = ctx.runs.report(rec.id);
  const exchange = ctx.runs.exchange(rec.id);
  return {
    ...rec,
    ...(report ? { issues: issuesOf(report) } : {}),
    ...(exchange ? { exchange } : {}),
    annotations: ctx.runs.annotations(rec.id),
    links: links(req, rec.id),
  };
}

/** The run, if the caller may see it (a vendor's foreign run is answered 404, as if absent). */
function visibleRun(ctx: ServerContext, res: Response, id: string): RunRecord {
  const rec = ctx.runs.get(id);
  const { principal, scope } = callerOf(res);
  if (!rec || (scope === 'own' && rec.orgId !== principal.orgId)) throw new HttpError(404, 'introuvable', `exécution introuvable : ${id}`);
  return rec;
}

function checkOptions(fields: Record<string, unknown>): RunCheckOptions & Record<string, unknown> {
  const options: RunCheckOptions & Record<string, unknown> = {};
  const profiles = many(fields.profile, 'profile');
  if (profiles.length) options.profiles = profiles;
  const fhirOnly = boolParam(fields.fhirOnly, 'fhirOnly');
  if (fhirOnly) options.fhirOnly = true;
  const lang = single(fields.lang, 'lang');
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') throw new HttpError(400, 'parametre-invalide', `paramètre « lang » : fr ou en attendu, reçu « ${lang} »`);
  if (lang) options.lang = lang;
  for (const name of PASS_THROUGH_OPTIONS) {
    const value = single(fields[name], name);
    if (value === undefined) continue;
    if (!WIRED_OPTIONS.has(name)) throw new HttpError(501, 'non-implemente', `option « ${name} » : pas encore prise en charge par ce serveur (les scénarios ne sont pas branchés)`);
    options[name] = value;
  }
  return options;
}

export function checksRouter(ctx: ServerContext): Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.maxBodyBytes, files: 1, fields: 20, fieldSize: 64 * 1024 } });
  const raw = rawBody(ctx.config.maxBodyBytes);

  router.post('/api/v1/checks', authorize(ctx.db, 'checks.create'), (req, res, next) => {
    if (req.is('multipart/form-data')) upload.single('file')(req, res, next);
    else raw(req, res, next);
  }, async (req, res) => {
    const { principal } = callerOf(res);
    const multipart = Boolean(req.is('multipart/form-data'));
    const file = req.file;
    if (multipart && !file) throw new HttpError(400, 'corps-invalide', 'envoi multipart : champ fichier « file » attendu');
    const bytes: Buffer = file ? file.buffer : Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (bytes.length === 0) throw new HttpError(400, 'corps-vide', 'corps vide : envoyez l’export (JSON ou XML) en corps de requête ou en multipart (champ « file »)');
    const fields: Record<string, unknown> = { ...(multipart ? (req.body as Record<string, unknown>) : {}), ...req.query };
    const options = checkOptions(fields);
    const wait = boolParam(fields.wait, 'wait') ?? true;
    const name = file?.originalname || single(fields.name, 'name') || 'export';
    const id = randomUUID();
    const run = {
      id, kind: 'check' as const, orgId: principal.orgId, tokenId: principal.tokenId, inputName: name,
      inputMediaType: file?.mimetype ?? req.headers['content-type'], inputSha256: sha256(bytes), inputBytes: bytes, options,
    };
    const check = () => ctx.pool.run([{ name, bytes }], { ...options, runId: id });
    if (!wait) {
      ctx.runs.insert(run);
      const done = check().then(
        (report) => ctx.runs.complete(id, { report }),
        (e: Error) => {
          ctx.logger.log('error', 'check-failed', { run: id, message: e.message });
          ctx.runs.complete(id, { error: e.message });
        },
      ).finally(() => ctx.background.delete(done));
      ctx.background.add(done);
      res.status(202).location(`${baseUrl(req)}/api/v1/checks/${id}`).json({ id, status: 'pending', links: links(req, id) });
      return;
    }
    let report: CheckReport;
    try {
      report = await check();
    } catch (e) {
      ctx.runs.insert(run, { error: (e as Error).message });
      throw e;
    }
    ctx.runs.insert(run, { report });
    res.status(201).location(`${baseUrl(req)}/api/v1/checks/${id}`).json(checkAnswer(req, id, report));
  });

  router.get('/api/v1/checks', authorize(ctx.db, 'checks.list'), (req, res) => {
    const { principal, scope } = callerOf(res);
    const org = single(req.query.org, 'org');
    if (scope === 'own' && org !== undefined && org !== principal.org) throw new HttpError(403, 'interdit', 'un éditeur ne voit que les exécutions de son organisation');
    const verdict = single(req.query.verdict, 'verdict');
    if (verdict !== undefined && verdict !== 'pass' && verdict !== 'fail') throw new HttpError(400, 'parametre-invalide', `paramètre « verdict » : pass ou fail attendu, reçu « ${verdict} »`);
    const sinceRaw = single(req.query.since, 'since');
    let since: string | undefined;
    if (sinceRaw !== undefined) {
      const t = Date.parse(sinceRaw);
      if (Number.isNaN(t)) throw new HttpError(400, 'parametre-invalide', `paramètre « since » : date ISO 8601 attendue, reçu « ${sinceRaw} »`);
      since = new Date(t).toISOString();
    }
    const limit = intParam(req.query.limit, 'limit', 50, 1, 200);
    const offset = intParam(req.query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const { items, total } = ctx.runs.list({ ...(scope === 'own' ? { orgId: principal.orgId } : org !== undefined ? { org } : {}), verdict, since, limit, offset });
    const page: Record<string, unknown> = { items: items.map((r) => ({ ...r, links: links(req, r.id) })), total, limit, offset };
    if (offset + items.length < total) {
      const next = new URLSearchParams({ ...(org ? { org } : {}), ...(verdict ? { verdict } : {}), ...(sinceRaw ? { since: sinceRaw } : {}), limit: String(limit), offset: String(offset + limit) });
      page.next = `${baseUrl(req)}/api/v1/checks?${next}`;
    }
    res.json(page);
  });

  router.get('/api/v1/checks/:id', authorize(ctx.db, 'checks.read'), (req, res) => {
    res.json(runView(req, ctx, visibleRun(ctx, res, req.params.id as string)));
  });

  router.get('/api/v1/checks/:id/:file', authorize(ctx.db, 'checks.report'), async (req, res) => {
    const file = req.params.file as string;
    const ext = file.startsWith('report.') ? file.slice('report.'.length) : undefined;
    const format = ext !== undefined ? REPORT_EXTENSIONS[ext] : undefined;
    if (!format || !Object.hasOwn(REPORT_EXTENSIONS, ext!)) {
      throw new HttpError(404, 'introuvable', `rapport inconnu : « ${file} » (disponibles : ${Object.keys(REPORT_EXTENSIONS).map((e) => `report.${e}`).join(', ')})`);
    }
    const rec = visibleRun(ctx, res, req.params.id as string);
    const report = ctx.runs.report(rec.id);
    if (!report) {
      if (rec.status === 'pending') throw new HttpError(409, 'en-cours', 'vérification en cours : rapport pas encore disponible');
      throw new HttpError(404, 'introuvable', `aucun rapport pour cette exécution (${rec.error ?? rec.status})`);
    }
    const annotations = ctx.runs.annotations(rec.id).map(({ author, decision, comment, at }) => ({ author, decision, comment, at }));
    const body = await renderReport(annotations.length ? { ...report, annotations } : report, format);
    res.type(REPORT_MEDIA_TYPES[format]).send(body);
  });

  router.post('/api/v1/checks/:id/annotations', authorize(ctx.db, 'checks.annotate'), smallJson(ctx.config.maxJsonBytes, ctx.config.maxJsonDepth), (req, res) => {
    const rec = visibleRun(ctx, res, req.params.id as string);
    const body = req.body as Record<string, unknown>;
    const decision = body.decision;
    if (!DECISIONS.includes(decision as (typeof DECISIONS)[number])) throw new HttpError(400, 'corps-invalide', `« decision » : ${DECISIONS.join(', ')} attendu`);
    const comment = body.comment ?? '';
    if (typeof comment !== 'string' || comment.length > 10_000) throw new HttpError(400, 'corps-invalide', '« comment » : texte de 10 000 caractères au plus attendu');
    if (decision === 'comment' && !comment.trim()) throw new HttpError(400, 'corps-invalide', '« comment » : texte requis pour un commentaire');
    const { principal } = callerOf(res);
    const annotation = ctx.runs.annotate(rec.id, `${principal.org} (jeton ${principal.tokenId})`, decision as (typeof DECISIONS)[number], comment);
    res.status(201).json(annotation);
  });

  return router;
}
