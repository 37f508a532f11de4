/**
 * The web interface (French first, `?lang=en`): server-rendered pages and plain forms, usable without
 * JavaScript. Sign-in exchanges a token for an HttpOnly, SameSite=Strict cookie holding it, checked again on
 * every request (revocation applies at once); state-changing forms also require a same-origin `Origin`.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { label, type WebLang } from './labels.js';
import { renderPage, WEB_CSS, type PageFrame, type PageName } from './pages.js';
import type { WebBackend, WebUser } from './web-backend.js';

const SESSION_COOKIE = 'tddui_bench_session';
const LANG_COOKIE = 'tddui_bench_lang';
const PAGE_SIZE = 25;
const FINDINGS_SHOWN = 500;

interface WebLocals {
  lang: WebLang;
  user?: WebUser;
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

const locals = (res: Response): WebLocals => res.locals as WebLocals;

function frame(req: Request, res: Response, title: string, section?: string): PageFrame {
  const { lang, user } = locals(res);
  return { lang, path: req.path, title, section, ...(user ? { user: { org: user.org, role: user.role } } : {}) };
}

function page(req: Request, res: Response, name: PageName, titleKey: Parameters<typeof label>[0], section: string | undefined, model: object = {}, status = 200): void {
  const f = frame(req, res, label(titleKey, locals(res).lang, (model as { titleParams?: Record<string, string> }).titleParams), section);
  res.status(status).type('html').send(renderPage(name, f, model));
}

function errorPage(req: Request, res: Response, status: number, messageKey: 'error.notFound' | 'error.forbidden' | 'error.internal', message?: string): void {
  page(req, res, 'error', 'error.title', undefined, { status, message: message ?? label(messageKey, locals(res).lang) }, status);
}

function requireUser(req: Request, res: Response): WebUser | undefined {
  const user = locals(res).user;
  if (!user) res.redirect(303, `/connexion?lang=${locals(res).lang}&next=${encodeURIComponent(req.originalUrl)}`);
  return user;
}

const reportHref = (id: string, ext: string, lang: WebLang) => `/executions/${encodeURIComponent(id)}/rapport.${ext}?lang=${lang}`;

/** Only local paths are accepted as the post-login target (no open redirect). */
const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/executions');

export function webRouter(backend: WebBackend): Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: backend.maxUploadBytes, files: 2, fields: 10 } });
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  router.use((req, res, next) => {
    const jar = cookies(req);
    const asked = req.query.lang;
    const lang: WebLang = asked === 'en' || asked === 'fr' ? asked : jar[LANG_COOKIE] === 'en' ? 'en' : 'fr';
    if (asked === 'en' || asked === 'fr') res.cookie(LANG_COOKIE, lang, { sameSite: 'lax', path: '/', maxAge: 365 * 86400_000 });
    const token = jar[SESSION_COOKIE];
    res.locals.web = true;
    res.locals.lang = lang;
    res.locals.user = token ? backend.authenticate(token) : undefined;
    next();
  });

  // Forms post only from our own pages: a cross-site POST carries a foreign Origin (and no cookie, SameSite).
  router.post(/.*/, (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) return errorPage(req, res, 403, 'error.forbidden');
    next();
  });

  router.get('/static/web.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'public, max-age=3600').send(WEB_CSS());
  });

  router.get('/', (req, res) => {
    page(req, res, 'home', 'nav.home', 'nav.home', { fhirBase: backend.fhirBase({ protocol: req.protocol, host: req.get('host') ?? 'localhost' }) });
  });

  router.get('/connexion', (req, res) => page(req, res, 'login', 'login.title', 'nav.login', { next: safeNext(req.query.next) }));

  router.post('/connexion', form, (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
    const user = token ? backend.authenticate(token) : undefined;
    if (!user) return page(req, res, 'login', 'login.title', 'nav.login', { invalid: true, next: safeNext(req.body?.next) }, 401);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: 12 * 3600_000 });
    res.redirect(303, safeNext(req.body?.next));
  });

  router.post('/deconnexion', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/');
  });

  router.get('/tester', async (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    if (!backend.maySubmit(user)) return errorPage(req, res, 403, 'error.forbidden', label('check.forbidden', locals(res).lang));
    page(req, res, 'check', 'check.title', 'nav.check', { scenarios: await backend.scenarios() });
  });

  router.post('/tester', (req, res, next) => {
    const user = requireUser(req, res);
    if (!user) return;
    if (!backend.maySubmit(user)) return errorPage(req, res, 403, 'error.forbidden', label('check.forbidden', locals(res).lang));
    upload.fields([{ name: 'export', maxCount: 1 }, { name: 'expect', maxCount: 1 }])(req, res, (err: unknown) => {
      const lang = locals(res).lang;
      const again = (message: string, status: number) => {
        backend.scenarios().then((scenarios) => page(req, res, 'check', 'check.title', 'nav.check', { scenarios, error: message }, status), next);
      };
      if (err) return again(err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE' ? (lang === 'en' ? `File larger than ${backend.maxUploadBytes} bytes.` : `Fichier de plus de ${backend.maxUploadBytes} octets.`) : String((err as Error).message), 413);
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
      const exported = files.export?.[0];
      if (!exported || exported.size === 0) return again(label('check.missingFile', lang), 400);
      const expected = files.expect?.[0];
      const scenario = typeof req.body?.scenario === 'string' && req.body.scenario ? req.body.scenario : undefined;
      backend
        .submitCheck(user, {
          export: { name: exported.originalname, bytes: exported.buffer },
          ...(scenario ? { scenario } : {}),
          ...(expected && expected.size > 0 ? { expect: { name: expected.originalname, bytes: expected.buffer } } : {}),
          lang,
        })
        .then((id) => res.redirect(303, `/executions/${encodeURIComponent(id)}?lang=${lang}`))
        .catch((e: unknown) => (e instanceof UserFacingError ? again(e.message, 400) : next(e)));
    });
  });

  router.get('/executions', (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    const q = req.query;
    const verdict = q.verdict === 'pass' || q.verdict === 'fail' ? q.verdict : undefined;
    const since = typeof q.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.since) ? q.since : undefined;
    const org = typeof q.org === 'string' && q.org ? q.org : undefined;
    const pageNo = Math.max(1, Number.parseInt(String(q.page ?? '1'), 10) || 1);
    const { runs, total } = backend.listRuns(user, { verdict, since, org, page: pageNo, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (p: number) => `/executions?${new URLSearchParams({ lang: locals(res).lang, ...(verdict ? { verdict } : {}), ...(since ? { since } : {}), ...(org ? { org } : {}), page: String(p) })}`;
    page(req, res, 'runs', 'runs.title', 'nav.runs', {
      runs: runs.map((r) => ({ ...r, errors: r.summary ? r.summary.fatal + r.summary.error : '—', warnings: r.summary?.warning ?? '—' })),
      filter: { verdict, since, org },
      filtered: Boolean(verdict || since || org),
      organisations: user.role === 'reviewer' ? backend.organisations(user) : [],
      page: pageNo,
      pages,
      prevHref: pageNo > 1 ? link(pageNo - 1) : undefined,
      nextHref: pageNo < pages ? link(pageNo + 1) : undefined,
    });
  });

  router.get('/executions/:id', (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    const found = backend.getRun(user, req.params.id);
    if (!found) return errorPage(req, res, 404, 'error.notFound');
    const lang = locals(res).lang;
    const { run, report } = found;
    const shown = (report?.results ?? []).flatMap((r) =>
      r.issues.filter((i) => i.severity !== 'information').map((i) => ({ ...i, file: report!.results.length > 1 ? r.input.file : undefined })),
    );
    page(req, res, 'run', 'run.title', 'nav.runs', {
      titleParams: { id: run.id },
      run,
      summary: report?.summary ?? run.summary,
      downloads: backend.reportExtensions().map((ext) => ({ label: ext.toUpperCase(), href: reportHref(run.id, ext, lang) })),
      reportHref: reportHref(run.id, 'html', lang),
      findings: shown.slice(0, FINDINGS_SHOWN).map((i) => ({ ...i, severityLabel: label(`severity1.${i.severity}`, lang) })),
      findingsTotal: shown.length,
      capped: shown.length > FINDINGS_SHOWN,
      annotations: (report?.annotations ?? []).map((a) => ({ ...a, decisionLabel: label(`decision.${a.decision}`, lang) })),
      canAnnotate: user.role === 'reviewer',
    });
  });

  router.get('/executions/:id/:file', async (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    const file = req.params.file as string;
    const ext = file.startsWith('rapport.') ? file.slice('rapport.'.length) : '';
    const rendered = backend.reportExtensions().includes(ext) ? await backend.renderReport(user, req.params.id as string, ext) : undefined;
    if (!rendered) return errorPage(req, res, 404, 'error.notFound');
    res.type(rendered.mediaType);
    if (ext !== 'html') res.attachment(`rapport-${req.params.id}.${ext}`);
    res.send(rendered.body);
  });

  router.post('/executions/:id/avis', form, (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    if (user.role !== 'reviewer') return errorPage(req, res, 403, 'error.forbidden');
    if (!backend.getRun(user, req.params.id)) return errorPage(req, res, 404, 'error.notFound');
    const decision = req.body?.decision;
    if (decision !== 'accept' && decision !== 'reject' && decision !== 'comment') return errorPage(req, res, 400, 'error.forbidden', 'décision inconnue');
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.slice(0, 4000) : '';
    backend.annotate(user, req.params.id, { decision, comment });
    res.redirect(303, `/executions/${encodeURIComponent(req.params.id)}?lang=${locals(res).lang}#h-annotations`);
  });

  router.get('/scenarios', async (req, res) => {
    page(req, res, 'scenarios', 'scenarios.title', 'nav.scenarios', { scenarios: backend.writeDataset ? await backend.scenarios() : [], maxUsagers: backend.maxDatasetUsagers });
  });

  router.get('/scenarios/:id/jeu-de-donnees', async (req, res) => {
    if (!requireUser(req, res)) return;
    const seed = Number(req.query.seed);
    const usagers = Number(req.query.usagers);
    const format = req.query.format === 'xml' ? 'xml' : 'json';
    const known = (await backend.scenarios()).some((s) => s.id === req.params.id);
    if (!backend.writeDataset || !known) return errorPage(req, res, 404, 'error.notFound');
    if (!Number.isSafeInteger(seed) || seed < 0 || !Number.isInteger(usagers) || usagers < 1 || usagers > backend.maxDatasetUsagers) {
      return errorPage(req, res, 400, 'error.notFound', locals(res).lang === 'en' ? `Seed: integer ≥ 0; usagers: 1 to ${backend.maxDatasetUsagers}.` : `Graine : entier ≥ 0 ; usagers : de 1 à ${backend.maxDatasetUsagers}.`);
    }
    res.type(format === 'xml' ? 'application/fhir+xml' : 'application/fhir+json');
    res.attachment(`${req.params.id}-graine${seed}-${usagers}usagers.${format}`);
    await backend.writeDataset(req.params.id, { seed, usagers, format }, res);
    res.end();
  });

  // Errors of the web pages answer a French page, never a stack trace.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent || !res.locals.web) return next(err);
    errorPage(req, res, 500, 'error.internal');
  });

  return router;
}

/** A message the person who submitted can act on (shown on the form), as opposed to an internal error. */
export class UserFacingError extends Error {}
