/** A real server on an ephemeral port with a real SQLite file in a temporary directory, and its tokens. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalBundle } from '../cases/tddui-bundle.cases.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/server.js';
import type { ServerConfig } from '../../src/server/config.js';
import { silentLogger } from '../../src/server/log.js';
import { createOrganisation, createToken, revokeToken } from '../../src/server/store/accounts.js';

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  tokens: { vendor: string; vendorB: string; reviewer: string; admin: string; revoked: string };
  close(): Promise<void>;
}

export async function startTestServer(config: Partial<ServerConfig> = {}, options: Omit<StartOptions, 'config'> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tddui-bench-server-'));
  const server = await startServer({ logger: silentLogger, ...options, config: { port: 0, host: '127.0.0.1', dataDir, ...config } });
  const db = server.context.db;
  for (const name of ['Editeur A', 'Editeur B', 'Relecteurs', 'Exploitation']) createOrganisation(db, name);
  const token = (org: string, role: string) => createToken(db, org, role).token;
  const revoked = createToken(db, 'Editeur A', 'vendor');
  revokeToken(db, revoked.info.id);
  return {
    server, dataDir,
    tokens: { vendor: token('Editeur A', 'vendor'), vendorB: token('Editeur B', 'vendor'), reviewer: token('Relecteurs', 'reviewer'), admin: token('Exploitation', 'admin'), revoked: revoked.token },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}`, ...extra } : extra;
}

/** A valid TDDUI transaction: two Organizations, the second `partOf` the first through its urn:uuid fullUrl. */
export function validBundle(): Record<string, any> {
  const b = minimalBundle();
  const second = structuredClone(b.entry[0]);
  second.fullUrl = 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a02';
  second.resource.name = 'Antenne du SSIAD';
  second.resource.partOf = { reference: b.entry[0].fullUrl };
  b.entry.push(second);
  return b;
}

/** A Bundle breaking a FHIR constraint (name must be a string): refused with 400. */
export function structurallyInvalidBundle(): Record<string, any> {
  const b = validBundle();
  b.entry[1].resource.name = 42;
  return b;
}
