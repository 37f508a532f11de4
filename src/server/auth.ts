/**
 * Who may call what: the access matrix as a table (route × role), least privilege. A vendor sees and
 * creates only its organisation's runs; a reviewer reads every run and annotates it, never creates one;
 * an admin manages organisations and tokens and reads no run. Without a token only health, the
 * CapabilityStatement, profile publication and the API description are reachable.
 */
import type { NextFunction, Request, Response } from 'express';
import { authenticate, type Principal, type Role } from './store/accounts.js';
import type { Db } from './store/database.js';
import { HttpError } from './errors.js';

/** `own`: limited to the caller's organisation; `all`: every organisation. */
export type Scope = 'own' | 'all';
export type Access = 'public' | Partial<Record<Role, Scope>>;

export const ACCESS = {
  'health': 'public',
  'fhir.metadata': 'public',
  'fhir.conformance.read': 'public',
  'profiles.pages': 'public',
  'api.openapi': 'public',
  'fhir.transaction': { vendor: 'own' },
  'fhir.validate': { vendor: 'own' },
  'checks.create': { vendor: 'own' },
  'checks.list': { vendor: 'own', reviewer: 'all' },
  'checks.read': { vendor: 'own', reviewer: 'all' },
  'checks.report': { vendor: 'own', reviewer: 'all' },
  'checks.annotate': { reviewer: 'all' },
  'scenarios.read': { vendor: 'all', reviewer: 'all' },
  'admin.organisations': { admin: 'all' },
  'admin.tokens': { admin: 'all' },
} as const satisfies Record<string, Access>;

export type RouteId = keyof typeof ACCESS;

export interface Caller {
  principal: Principal;
  scope: Scope;
}

/** Bearer token of a request, if any (also used as the rate-limit key). */
export function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : '';
}

export function authorize(db: Db, route: RouteId) {
  const access: Access = ACCESS[route];
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access === 'public') return next();
    const bearer = bearerOf(req);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="tddui-bench"' };
    if (bearer === undefined) throw new HttpError(401, 'non-authentifie', 'jeton requis : en-tête « Authorization: Bearer <jeton> »', challenge);
    const principal = bearer ? authenticate(db, bearer) : undefined;
    if (!principal) throw new HttpError(401, 'non-authentifie', 'jeton invalide ou révoqué', challenge);
    const scope = access[principal.role];
    if (!scope) throw new HttpError(403, 'interdit', `le rôle « ${principal.role} » n’a pas accès à cette opération`);
    res.locals.caller = { principal, scope } satisfies Caller;
    next();
  };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}
