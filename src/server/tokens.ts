/**
 * API tokens: `tdb_<tokenId>_<secret>`. The id is public (listed, revoked by it); the secret is 256 random
 * bits shown once and stored only as its SHA-256 (a hash of a high-entropy secret needs no slow KDF).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^tdb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewToken {
  tokenId: string;
  token: string;
  secretHash: string;
}

export function generateToken(): NewToken {
  const tokenId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { tokenId, token: `tdb_${tokenId}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string): { tokenId: string; secret: string } | undefined {
  const m = TOKEN.exec(token);
  return m ? { tokenId: m[1], secret: m[2] } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
