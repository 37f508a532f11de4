/** Organisations and API tokens (hashed secrets), shared by the admin CLI and the admin API. */
import { generateToken, parseToken, secretMatches } from '../tokens.js';
import type { Db } from './database.js';

export const ROLES = ['vendor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  id: number;
  name: string;
  createdAt: string;
}

export interface TokenInfo {
  id: string;
  org: string;
  orgId: number;
  role: Role;
  createdAt: string;
  revokedAt?: string;
}

/** Who is calling, once the bearer token has been checked. */
export interface Principal {
  tokenId: string;
  orgId: number;
  org: string;
  role: Role;
}

export class AccountError extends Error {
  constructor(message: string, readonly status: number = 400) {
    super(message);
  }
}

const ORG_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,99}$/u;

export function createOrganisation(db: Db, name: string): Organisation {
  const clean = name.trim();
  if (!ORG_NAME.test(clean)) throw new AccountError(`nom d’organisation invalide : « ${name} » (1 à 100 lettres, chiffres, espaces, . _ ' -)`);
  if (findOrganisation(db, clean)) throw new AccountError(`l’organisation « ${clean} » existe déjà`, 409);
  const createdAt = new Date().toISOString();
  const id = Number(db.prepare('INSERT INTO organisations (name, created_at) VALUES (?, ?)').run(clean, createdAt).lastInsertRowid);
  return { id, name: clean, createdAt };
}

export function findOrganisation(db: Db, name: string): Organisation | undefined {
  const row = db.prepare('SELECT id, name, created_at AS createdAt FROM organisations WHERE name = ?').get(name.trim()) as Organisation | undefined;
  return row;
}

export function listOrganisations(db: Db): Organisation[] {
  return db.prepare('SELECT id, name, created_at AS createdAt FROM organisations ORDER BY name').all() as Organisation[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Creates a token; the returned `token` is the only time the secret exists in clear. */
export function createToken(db: Db, orgName: string, role: string): { info: TokenInfo; token: string } {
  if (!isRole(role)) throw new AccountError(`rôle inconnu : « ${role} » (attendu : ${ROLES.join(', ')})`);
  const org = findOrganisation(db, orgName);
  if (!org) throw new AccountError(`organisation inconnue : « ${orgName} » (créez-la avec admin create-org)`, 404);
  const t = generateToken();
  const createdAt = new Date().toISOString();
  db.prepare('INSERT INTO tokens (id, org_id, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(t.tokenId, org.id, role, t.secretHash, createdAt);
  return { info: { id: t.tokenId, org: org.name, orgId: org.id, role, createdAt }, token: t.token };
}

export function revokeToken(db: Db, tokenId: string): TokenInfo {
  const existing = getToken(db, tokenId);
  if (!existing) throw new AccountError(`jeton inconnu : « ${tokenId} »`, 404);
  if (existing.revokedAt) return existing;
  const at = new Date().toISOString();
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, tokenId);
  return { ...existing, revokedAt: at };
}

const TOKEN_SELECT = `SELECT t.id, o.name AS org, t.org_id AS orgId, t.role, t.created_at AS createdAt, t.revoked_at AS revokedAt
  FROM tokens t JOIN organisations o ON o.id = t.org_id`;

function cleanToken(row: TokenInfo & { revokedAt: string | null }): TokenInfo {
  const { revokedAt, ...rest } = row;
  return revokedAt ? { ...rest, revokedAt } : rest;
}

export function getToken(db: Db, tokenId: string): TokenInfo | undefined {
  const row = db.prepare(`${TOKEN_SELECT} WHERE t.id = ?`).get(tokenId) as (TokenInfo & { revokedAt: string | null }) | undefined;
  return row ? cleanToken(row) : undefined;
}

export function listTokens(db: Db): TokenInfo[] {
  return (db.prepare(`${TOKEN_SELECT} ORDER BY o.name, t.created_at, t.id`).all() as (TokenInfo & { revokedAt: string | null })[]).map(cleanToken);
}

/** The principal of a bearer token, or undefined when malformed, unknown, revoked or wrong. */
export function authenticate(db: Db, bearer: string): Principal | undefined {
  const parsed = parseToken(bearer);
  if (!parsed) return undefined;
  const row = db.prepare('SELECT t.id, t.org_id AS orgId, o.name AS org, t.role, t.secret_hash AS secretHash, t.revoked_at AS revokedAt FROM tokens t JOIN organisations o ON o.id = t.org_id WHERE t.id = ?')
    .get(parsed.tokenId) as { id: string; orgId: number; org: string; role: Role; secretHash: string; revokedAt: string | null } | undefined;
  if (!row || row.revokedAt || !secretMatches(parsed.secret, row.secretHash)) return undefined;
  return { tokenId: row.id, orgId: row.orgId, org: row.org, role: row.role };
}
