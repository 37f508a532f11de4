/**
 * The embedded store: one SQLite file (better-sqlite3, WAL) under the data directory, created on first
 * open, with numbered migrations recorded in `schema_migrations`. Runs and annotations are immutable
 * records: SQLite triggers refuse any UPDATE of their content and any DELETE except the retention purge
 * (which opens `purge_gate` with a cutoff inside its own transaction).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export const DB_FILE = 'tddui-bench.sqlite';

/** Append only: never edit a released migration, add the next one. */
const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'comptes, exécutions, annotations, ressources reçues',
    sql: `
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('vendor', 'reviewer', 'admin')),
  secret_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('check', 'fhir-transaction', 'fhir-validate')),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  token_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  created_at TEXT NOT NULL,
  finished_at TEXT,
  input_name TEXT NOT NULL,
  input_media_type TEXT,
  input_sha256 TEXT NOT NULL,
  input_bytes BLOB NOT NULL,
  options_json TEXT NOT NULL,
  verdict TEXT CHECK (verdict IN ('pass', 'fail')),
  summary_json TEXT,
  report_json TEXT,
  pins_json TEXT,
  exchange_json TEXT,
  error TEXT
);
CREATE INDEX runs_by_org ON runs(org_id, created_at);
CREATE INDEX runs_by_date ON runs(created_at);
CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs(id),
  author TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'comment')),
  comment TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX annotations_by_run ON annotations(run_id);
CREATE TABLE fhir_resources (
  id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  version_id TEXT NOT NULL,
  run_id TEXT NOT NULL REFERENCES runs(id),
  org_id INTEGER NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (resource_type, id, version_id)
);
CREATE INDEX fhir_resources_by_run ON fhir_resources(run_id);
CREATE TABLE purge_gate (only INTEGER PRIMARY KEY CHECK (only = 1), cutoff TEXT);
INSERT INTO purge_gate (only, cutoff) VALUES (1, NULL);

-- A pending run (asynchronous check) is completed once; nothing else ever changes.
CREATE TRIGGER runs_immutable BEFORE UPDATE ON runs
WHEN OLD.status <> 'pending'
  OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.org_id IS NOT OLD.org_id OR NEW.token_id IS NOT OLD.token_id
  OR NEW.created_at IS NOT OLD.created_at OR NEW.input_name IS NOT OLD.input_name OR NEW.input_media_type IS NOT OLD.input_media_type
  OR NEW.input_sha256 IS NOT OLD.input_sha256 OR NEW.input_bytes IS NOT OLD.input_bytes OR NEW.options_json IS NOT OLD.options_json
BEGIN SELECT RAISE(ABORT, 'exécution immuable'); END;
CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs
WHEN NOT (OLD.created_at < COALESCE((SELECT cutoff FROM purge_gate), ''))
BEGIN SELECT RAISE(ABORT, 'exécution immuable : seule la purge de rétention supprime'); END;
CREATE TRIGGER annotations_immutable BEFORE UPDATE ON annotations
BEGIN SELECT RAISE(ABORT, 'annotation immuable'); END;
CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations
WHEN (SELECT cutoff FROM purge_gate) IS NULL
BEGIN SELECT RAISE(ABORT, 'annotation immuable : seule la purge de rétention supprime'); END;
CREATE TRIGGER resources_immutable BEFORE UPDATE ON fhir_resources
BEGIN SELECT RAISE(ABORT, 'ressource reçue immuable'); END;
CREATE TRIGGER resources_no_delete BEFORE DELETE ON fhir_resources
WHEN (SELECT cutoff FROM purge_gate) IS NULL
BEGIN SELECT RAISE(ABORT, 'ressource reçue immuable : seule la purge de rétention supprime'); END;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  // A run stores an export and its report (megabytes each): with 64 KiB pages a 20 MB run is ~340 pages, under
  // the 1,000-page WAL auto-checkpoint, instead of 5,000 4-KiB pages and a checkpoint per run (5× slower inserts).
  // Effective when the file is created only (an existing database keeps its page size).
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: the database stays consistent on a crash and commits no longer wait for fsync (a run
  // stores the export and its report, megabytes each); only the last commits may be lost on power loss.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
}

/** Retention purge: deletes runs created before the cutoff, with their annotations and stored resources. */
export function purgeBefore(db: Db, cutoffIso: string): number {
  return db.transaction(() => {
    db.prepare('UPDATE purge_gate SET cutoff = ?').run(cutoffIso);
    try {
      const old = 'SELECT id FROM runs WHERE created_at < ?';
      db.prepare(`DELETE FROM annotations WHERE run_id IN (${old})`).run(cutoffIso);
      db.prepare(`DELETE FROM fhir_resources WHERE run_id IN (${old})`).run(cutoffIso);
      return db.prepare('DELETE FROM runs WHERE created_at < ?').run(cutoffIso).changes;
    } finally {
      db.prepare('UPDATE purge_gate SET cutoff = NULL').run();
    }
  })();
}
