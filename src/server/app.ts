/** The Express application: hardening, rate limit, routes, and one error handler (no stack trace to clients). */
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import multer from 'multer';
import { bearerOf } from './auth.js';
import type { ServerContext } from './context.js';
import { HttpError, sendError } from './errors.js';
import { parseToken } from './tokens.js';
import { adminRouter } from './routes/admin.js';
import { checksRouter } from './routes/checks.js';
import { fhirRouter } from './routes/fhir.js';
import { openapiRouter } from './routes/openapi.js';
import { profilePagesRouter } from './routes/profile-pages.js';
import { scenariosRouter } from './routes/scenarios.js';
import { webRouter } from '../web/web-routes.js';
import { serverWebBackend } from './web-backend.js';

/** Body-parser and multer failures → client errors with a clear message. */
function clientError(err: unknown, ctx: ServerContext): HttpError | undefined {
  if (err instanceof HttpError) return err;
  const e = err as { type?: string; status?: number; code?: string; message?: string };
  if (e.type === 'entity.too.large' || (err instanceof multer.MulterError && e.code === 'LIMIT_FILE_SIZE')) {
    const limit = (err as { limit?: number }).limit ?? ctx.config.maxBodyBytes;
    return new HttpError(413, 'corps-trop-gros', `corps trop volumineux (limite : ${limit} octets ; exports : variable TDDUI_BENCH_MAX_BODY_MB)`);
  }
  if (e.type === 'entity.parse.failed') return new HttpError(400, 'corps-invalide', 'JSON invalide dans le corps de la requête');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new HttpError(415, 'type-de-contenu', 'encodage non pris en charge (UTF-8 attendu)');
  if (err instanceof multer.MulterError) return new HttpError(400, 'corps-invalide', `envoi multipart invalide : ${e.code ?? ''} ${e.message ?? ''}`.trim());
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'requete-invalide', 'requête invalide');
  return undefined;
}

export function buildApp(ctx: ServerContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.locals.definitions = ctx.definitions;
  app.locals.publicUrl = ctx.config.publicUrl;
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'none'"] } } }));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const token = parseToken(bearerOf(req) ?? '')?.tokenId;
      ctx.logger.log('info', 'request', {
        method: req.method, path: req.path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        ...(token ? { token } : {}),
      });
    });
    next();
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', checksInFlight: ctx.pool.inFlight });
  });

  app.use(rateLimit({
    windowMs: 60_000,
    limit: ctx.config.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const token = parseToken(bearerOf(req) ?? '');
      return token ? `jeton:${token.tokenId}` : ipKeyGenerator(req.ip ?? '');
    },
    handler: (req, res) => sendError(req, res, new HttpError(429, 'trop-de-requetes', `trop de requêtes : ${ctx.config.rateLimitPerMinute} par minute au plus (variable TDDUI_BENCH_RATE_LIMIT)`)),
  }));

  app.use(fhirRouter(ctx));
  app.use(checksRouter(ctx));
  app.use(scenariosRouter(ctx));
  app.use(adminRouter(ctx));
  app.use(openapiRouter());
  app.use(profilePagesRouter(ctx));
  // The web pages come last: API and FHIR requests never reach them, and their error page is theirs only.
  app.use(webRouter(serverWebBackend(ctx)));

  app.use((req, _res, next) => next(new HttpError(404, 'introuvable', `aucune ressource à cette adresse : ${req.method} ${req.path}`)));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = clientError(err, ctx);
    if (!known) ctx.logger.log('error', 'internal-error', { method: req.method, path: req.path, message: (err as Error)?.message, stack: (err as Error)?.stack });
    if (res.headersSent) return;
    sendError(req, res, known ?? new HttpError(500, 'erreur-interne', 'erreur interne du serveur (consignée dans le journal)'));
  });
  return app;
}
