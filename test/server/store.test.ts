/** The embedded store: migrations, immutable runs (SQLite triggers), retention purge, hashed tokens. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { authenticate, createOrganisation, createToken, revokeToken } from '../../src/server/store/accounts.js';
import { openDatabase, purgeBefore, SCHEMA_VERSION, type Db } from '../../src/server/store/database.js';
import { RunStore } from '../../src/server/store/runs.js';

describe('serveur : stockage SQLite', () => {
  let dir: string;
  let db: Db;
  let runs: RunStore;
  let orgId: number;

  const newRun = (id: string) => ({ id, kind: 'check' as const, orgId, tokenId: '0123456789abcdef', inputName: 'x.json', inputSha256: 'a'.repeat(64), inputBytes: Buffer.from('{}'), options: {} });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tddui-bench-store-'));
    db = openDatabase(dir);
    runs = new RunStore(db);
    orgId = createOrganisation(db, 'Editeur A').id;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('WAL, pages de 64 Kio, synchronous NORMAL ; migrations appliquées une fois (réouverture sans effet)', () => {
    expect(db.pragma('journal_mode', { simple: true })).to.equal('wal');
    expect(db.pragma('page_size', { simple: true })).to.equal(65536);
    expect(db.pragma('synchronous', { simple: true })).to.equal(1);
    db.close();
    db = openDatabase(dir);
    const versions = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    expect(versions.map((v) => v.version)).to.deep.equal([SCHEMA_VERSION]);
  });

  const REFUSED: [string, string][] = [
    ['modifier le corps reçu', "UPDATE runs SET input_bytes = x'00' WHERE id = 'r1'"],
    ['modifier le verdict', "UPDATE runs SET verdict = 'pass' WHERE id = 'r1'"],
    ['supprimer l’exécution', "DELETE FROM runs WHERE id = 'r1'"],
    ['modifier une annotation', "UPDATE annotations SET decision = 'reject'"],
    ['supprimer une annotation', 'DELETE FROM annotations'],
  ];
  for (const [what, sql] of REFUSED) {
    it(`exécution terminée immuable : ${what} est refusé par SQLite`, () => {
      runs.insert(newRun('r1'), { report: { verdict: 'fail', summary: { fatal: 0, error: 1, warning: 0, information: 0 }, pins: {} } as any });
      runs.annotate('r1', 'Relecteurs', 'comment', 'à revoir');
      expect(() => db.prepare(sql).run()).to.throw(/immuable/);
    });
  }

  it('une exécution en attente est complétée une seule fois', () => {
    runs.insert(newRun('r2'));
    runs.complete('r2', { report: { verdict: 'pass', summary: { fatal: 0, error: 0, warning: 0, information: 0 }, pins: {} } as any });
    expect(runs.get('r2')!.status).to.equal('done');
    expect(() => db.prepare("UPDATE runs SET verdict = 'fail', status = 'done' WHERE id = 'r2'").run()).to.throw(/immuable/);
    expect(() => db.prepare("UPDATE runs SET input_name = 'autre' WHERE id = 'r2'").run()).to.throw(/immuable/);
  });

  it('la purge de rétention supprime les anciennes exécutions (et seulement elles)', () => {
    runs.insert(newRun('old'), { error: 'x' });
    runs.annotate('old', 'Relecteurs', 'comment', 'ancien');
    db.prepare('INSERT INTO fhir_resources (id, resource_type, version_id, run_id, org_id, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('1', 'Patient', '1', 'old', orgId, '{}', 'x');
    const cutoff = new Date(Date.now() + 1000).toISOString();
    expect(purgeBefore(db, cutoff)).to.equal(1);
    expect(runs.get('old')).to.equal(undefined);
    runs.insert(newRun('new'), { error: 'x' });
    expect(purgeBefore(db, '2000-01-01T00:00:00.000Z')).to.equal(0);
    expect(() => db.prepare("DELETE FROM runs WHERE id = 'new'").run()).to.throw(/immuable/);
  });

  it('jetons : secret jamais stocké, empreinte seule ; révocation ; jeton falsifié refusé', () => {
    const { info, token } = createToken(db, 'Editeur A', 'vendor');
    expect(token).to.match(/^tdb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const secret = token.split('_').slice(2).join('_');
    const row = db.prepare('SELECT * FROM tokens WHERE id = ?').get(info.id) as Record<string, string>;
    expect(JSON.stringify(row)).to.not.include(secret);
    expect(authenticate(db, token)).to.deep.include({ org: 'Editeur A', role: 'vendor' });
    expect(authenticate(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).to.equal(undefined);
    revokeToken(db, info.id);
    expect(authenticate(db, token)).to.equal(undefined);
  });

  it('comptes : erreurs claires (organisation en double, inconnue, rôle inconnu, nom invalide)', () => {
    expect(() => createOrganisation(db, 'Editeur A')).to.throw(/existe déjà/);
    expect(() => createToken(db, 'Inconnue', 'vendor')).to.throw(/organisation inconnue/);
    expect(() => createToken(db, 'Editeur A', 'root')).to.throw(/rôle inconnu/);
    expect(() => createOrganisation(db, '<script>')).to.throw(/nom d’organisation invalide/);
  });
});
