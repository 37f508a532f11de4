/** Administration API (admin role): organisations and tokens. Same operations as `tddui-bench admin`. */
import express, { type Router } from 'express';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { smallJson } from '../http-input.js';
import { AccountError, createOrganisation, createToken, listOrganisations, listTokens, revokeToken } from '../store/accounts.js';

function accountCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AccountError) throw new HttpError(e.status, e.status === 404 ? 'introuvable' : e.status === 409 ? 'conflit' : 'corps-invalide', e.message);
    throw e;
  }
}

function text(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || !v.trim()) throw new HttpError(400, 'corps-invalide', `« ${name} » : texte requis`);
  return v;
}

export function adminRouter(ctx: ServerContext): Router {
  const router = express.Router();
  const json = smallJson(ctx.config.maxJsonBytes, ctx.config.maxJsonDepth);
  router.get('/api/v1/admin/organisations', authorize(ctx.db, 'admin.organisations'), (_req, res) => {
    res.json({ items: listOrganisations(ctx.db) });
  });
  router.post('/api/v1/admin/organisations', authorize(ctx.db, 'admin.organisations'), json, (req, res) => {
    const body = req.body as Record<string, unknown>;
    res.status(201).json(accountCall(() => createOrganisation(ctx.db, text(body, 'name'))));
  });
  router.get('/api/v1/admin/tokens', authorize(ctx.db, 'admin.tokens'), (_req, res) => {
    res.json({ items: listTokens(ctx.db) });
  });
  router.post('/api/v1/admin/tokens', authorize(ctx.db, 'admin.tokens'), json, (req, res) => {
    const body = req.body as Record<string, unknown>;
    const { info, token } = accountCall(() => createToken(ctx.db, text(body, 'org'), text(body, 'role')));
    res.status(201).json({ ...info, token, notice: 'jeton affiché une seule fois : conservez-le' });
  });
  router.delete('/api/v1/admin/tokens/:id', authorize(ctx.db, 'admin.tokens'), (req, res) => {
    res.json(accountCall(() => revokeToken(ctx.db, req.params.id as string)));
  });
  return router;
}
