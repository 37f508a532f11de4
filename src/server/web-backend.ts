/**
 * The web interface's view of the server: the same store, access matrix and check pool as the API, so a
 * page never shows what the API would refuse (a vendor sees only its organisation's runs).
 */
import type { Writable } from 'node:stream';
import { renderReport, REPORT_MEDIA_TYPES } from '../reports/render-report.js';
import type { RunCheckOptions } from '../reports/run-check.js';
import { isScenarioId } from '../scenarios/scenario-store.js';
import type { WebBackend, WebRun, WebUser } from '../web/web-backend.js';
import { UserFacingError } from '../web/web-routes.js';
import { ACCESS, type RouteId } from './auth.js';
import type { ServerContext } from './context.js';
import { submitCheck } from './submit-check.js';
import { HttpError } from './errors.js';
import { REPORT_EXTENSIONS } from './routes/checks.js';
import { authenticate } from './store/accounts.js';
import type { RunRecord } from './store/runs.js';

/** Web users carry the organisation id the store filters on. */
type ServerWebUser = WebUser & { orgId: number };

const KIND_LABELS: Record<RunRecord['kind'], string> = { 'check': 'contrôle', 'fhir-transaction': 'transaction FHIR', 'fhir-validate': '$validate' };
/** Download order on the run page: what people open first. */
const DOWNLOAD_ORDER = ['html', 'pdf', 'json', 'junit.xml', 'sarif', 'gazelle.json', 'txt'];

function scopeOf(user: WebUser, route: RouteId): 'own' | 'all' | undefined {
  const access = ACCESS[route];
  return access === 'public' ? 'all' : (access as Partial<Record<WebUser['role'], 'own' | 'all'>>)[user.role];
}

function webRun(rec: RunRecord): WebRun {
  return {
    id: rec.id, createdAt: rec.createdAt, org: rec.org, kind: KIND_LABELS[rec.kind], inputName: rec.input.name, bytes: rec.input.bytes,
    sha256: rec.input.sha256, verdict: rec.status === 'pending' ? 'pending' : (rec.verdict ?? 'fail'), ...(rec.summary ? { summary: rec.summary } : {}),
  };
}

export function serverWebBackend(ctx: ServerContext): WebBackend {
  const visible = (user: WebUser, id: string): RunRecord | undefined => {
    const scope = scopeOf(user, 'checks.read');
    const rec = ctx.runs.get(id);
    if (!rec || !scope || (scope === 'own' && rec.orgId !== (user as ServerWebUser).orgId)) return undefined;
    return rec;
  };
  const annotated = (id: string) => ctx.runs.annotations(id).map(({ author, decision, comment, at }) => ({ author, decision, comment, at }));

  return {
    maxUploadBytes: ctx.config.maxBodyBytes,
    maxDatasetUsagers: 100_000,
    authenticate(token) {
      const p = authenticate(ctx.db, token);
      return p ? ({ tokenId: p.tokenId, org: p.org, orgId: p.orgId, role: p.role } satisfies ServerWebUser) : undefined;
    },
    maySubmit: (user) => scopeOf(user, 'checks.create') !== undefined,
    listRuns(user, filter) {
      const scope = scopeOf(user, 'checks.list');
      if (!scope) return { runs: [], total: 0 };
      const { items, total } = ctx.runs.list({
        ...(scope === 'own' ? { orgId: (user as ServerWebUser).orgId } : filter.org ? { org: filter.org } : {}),
        verdict: filter.verdict, since: filter.since ? `${filter.since}T00:00:00.000Z` : undefined,
        limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize,
      });
      return { runs: items.map(webRun), total };
    },
    organisations: (user) => (scopeOf(user, 'checks.list') === 'all' ? [...new Set(ctx.runs.list({ limit: 1000, offset: 0 }).items.map((r) => r.org))].sort() : []),
    getRun(user, id) {
      const rec = visible(user, id);
      if (!rec) return undefined;
      const report = ctx.runs.report(id);
      const annotations = annotated(id);
      return { run: webRun(rec), ...(report ? { report: annotations.length ? { ...report, annotations } : report } : {}) };
    },
    async submitCheck(user, input) {
      if (scopeOf(user, 'checks.create') === undefined) throw new UserFacingError('rôle sans droit de dépôt');
      const options: RunCheckOptions = { lang: input.lang };
      if (input.scenario) {
        if (!isScenarioId(input.scenario)) throw new UserFacingError(`scénario inconnu : ${input.scenario}`);
        options.scenario = input.scenario;
      }
      const expect = input.expect ? { name: input.expect.name, source: input.expect.bytes } : undefined;
      try {
        const submission = { orgId: (user as ServerWebUser).orgId, tokenId: user.tokenId, name: input.export.name, bytes: input.export.bytes, options, expect, recorded: { via: 'web' } };
        return (await submitCheck(ctx, submission, true)).id;
      } catch (e) {
        throw e instanceof HttpError && e.status === 400 ? new UserFacingError(e.message) : e;
      }
    },
    annotate(user, runId, a) {
      ctx.runs.annotate(runId, `${user.org} (jeton ${user.tokenId})`, a.decision, a.comment);
    },
    reportExtensions: () => DOWNLOAD_ORDER.filter((ext) => Object.hasOwn(REPORT_EXTENSIONS, ext)),
    async renderReport(user, runId, extension) {
      const rec = visible(user, runId);
      const report = rec ? ctx.runs.report(runId) : undefined;
      const format = REPORT_EXTENSIONS[extension];
      if (!report || !format) return undefined;
      const annotations = annotated(runId);
      const body = await renderReport({ ...report, ...(annotations.length ? { annotations } : {}) }, format, { pdfPrinter: ctx.pdfPrinter });
      return { mediaType: REPORT_MEDIA_TYPES[format], body };
    },
    async scenarios() {
      if (!ctx.scenarios) return [];
      return (await ctx.scenarios.list()).map((s) => ({ id: s.id, title: s.title, description: typeof s.description === 'string' ? s.description : '' }));
    },
    ...(ctx.scenarios
      ? { writeDataset: async (id: string, o: { seed: number; usagers: number; format: 'json' | 'xml' }, out: Writable) => { await ctx.scenarios!.writeDataset(id, o, out); } }
      : {}),
    fhirBase: (req) => `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}/fhir`,
  };
}
