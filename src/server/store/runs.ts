/**
 * Runs: the immutable record of every check and FHIR exchange (input bytes, sha256, report, pins, who,
 * when), reviewer annotations, and the FHIR resources accepted by a transaction.
 */
import type { CheckReport, Summary } from '../../reports/report-model.js';
import type { Db } from './database.js';

export type RunKind = 'check' | 'fhir-transaction' | 'fhir-validate';
export type RunStatus = 'pending' | 'done' | 'failed';

/** What was said on the wire (FHIR endpoint): the headers that matter, the response status and body. */
export interface WireExchange {
  request: { method: string; path: string; headers: Record<string, string> };
  response: { status: number; contentType: string; body: string };
}

export interface NewRun {
  id: string;
  kind: RunKind;
  orgId: number;
  tokenId: string;
  inputName: string;
  inputMediaType?: string;
  inputSha256: string;
  inputBytes: Buffer;
  options: Record<string, unknown>;
}

export interface RunOutcome {
  report?: CheckReport;
  exchange?: WireExchange;
  error?: string;
}

export interface RunRecord {
  id: string;
  kind: RunKind;
  orgId: number;
  org: string;
  tokenId: string;
  status: RunStatus;
  createdAt: string;
  finishedAt?: string;
  input: { name: string; mediaType?: string; sha256: string; bytes: number };
  options: Record<string, unknown>;
  verdict?: 'pass' | 'fail';
  summary?: Summary;
  pins?: Record<string, string>;
  error?: string;
}

export interface StoredResource {
  resourceType: string;
  id: string;
  versionId: string;
  json: string;
}

export interface Annotation {
  id: number;
  runId: string;
  author: string;
  decision: 'accept' | 'reject' | 'comment';
  comment: string;
  at: string;
}

interface RunRow {
  id: string; kind: RunKind; org_id: number; org: string; token_id: string; status: RunStatus; created_at: string; finished_at: string | null;
  input_name: string; input_media_type: string | null; input_sha256: string; input_size: number; options_json: string;
  verdict: 'pass' | 'fail' | null; summary_json: string | null; pins_json: string | null; error: string | null;
}

const RUN_SELECT = `SELECT r.id, r.kind, r.org_id, o.name AS org, r.token_id, r.status, r.created_at, r.finished_at, r.input_name,
  r.input_media_type, r.input_sha256, length(r.input_bytes) AS input_size, r.options_json, r.verdict, r.summary_json, r.pins_json, r.error
  FROM runs r JOIN organisations o ON o.id = r.org_id`;

function toRecord(row: RunRow): RunRecord {
  const rec: RunRecord = {
    id: row.id, kind: row.kind, orgId: row.org_id, org: row.org, tokenId: row.token_id, status: row.status, createdAt: row.created_at,
    input: { name: row.input_name, ...(row.input_media_type ? { mediaType: row.input_media_type } : {}), sha256: row.input_sha256, bytes: row.input_size },
    options: JSON.parse(row.options_json) as Record<string, unknown>,
  };
  if (row.finished_at) rec.finishedAt = row.finished_at;
  if (row.verdict) rec.verdict = row.verdict;
  if (row.summary_json) rec.summary = JSON.parse(row.summary_json) as Summary;
  if (row.pins_json) rec.pins = JSON.parse(row.pins_json) as Record<string, string>;
  if (row.error) rec.error = row.error;
  return rec;
}

export class RunStore {
  constructor(readonly db: Db) {}

  /** Records a run: finished when `outcome` is given, pending otherwise; `resources` are stored in the same transaction. */
  insert(run: NewRun, outcome?: RunOutcome, resources: StoredResource[] = []): void {
    const now = new Date().toISOString();
    const report = outcome?.report;
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO runs (id, kind, org_id, token_id, status, created_at, finished_at, input_name, input_media_type, input_sha256,
        input_bytes, options_json, verdict, summary_json, report_json, pins_json, exchange_json, error)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        run.id, run.kind, run.orgId, run.tokenId, outcome ? (outcome.error ? 'failed' : 'done') : 'pending', now, outcome ? now : null,
        run.inputName, run.inputMediaType ?? null, run.inputSha256, run.inputBytes, JSON.stringify(run.options),
        report?.verdict ?? null, report ? JSON.stringify(report.summary) : null, report ? JSON.stringify(report) : null,
        report ? JSON.stringify(report.pins) : null, outcome?.exchange ? JSON.stringify(outcome.exchange) : null, outcome?.error ?? null,
      );
      const put = this.db.prepare('INSERT INTO fhir_resources (id, resource_type, version_id, run_id, org_id, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const r of resources) put.run(r.id, r.resourceType, r.versionId, run.id, run.orgId, r.json, now);
    })();
  }

  /** Completes a pending run once (the immutability trigger refuses any later change). */
  complete(id: string, outcome: RunOutcome): void {
    const report = outcome.report;
    this.db.prepare(`UPDATE runs SET status = ?, finished_at = ?, verdict = ?, summary_json = ?, report_json = ?, pins_json = ?, error = ?
      WHERE id = ? AND status = 'pending'`).run(
      outcome.error ? 'failed' : 'done', new Date().toISOString(), report?.verdict ?? null, report ? JSON.stringify(report.summary) : null,
      report ? JSON.stringify(report) : null, report ? JSON.stringify(report.pins) : null, outcome.error ?? null, id,
    );
  }

  get(id: string): RunRecord | undefined {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(id) as RunRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  report(id: string): CheckReport | undefined {
    const row = this.db.prepare('SELECT report_json FROM runs WHERE id = ?').get(id) as { report_json: string | null } | undefined;
    return row?.report_json ? (JSON.parse(row.report_json) as CheckReport) : undefined;
  }

  exchange(id: string): WireExchange | undefined {
    const row = this.db.prepare('SELECT exchange_json FROM runs WHERE id = ?').get(id) as { exchange_json: string | null } | undefined;
    return row?.exchange_json ? (JSON.parse(row.exchange_json) as WireExchange) : undefined;
  }

  list(filter: { orgId?: number; org?: string; verdict?: string; since?: string; limit: number; offset: number }): { items: RunRecord[]; total: number } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.orgId !== undefined) { where.push('r.org_id = ?'); args.push(filter.orgId); }
    if (filter.org !== undefined) { where.push('o.name = ?'); args.push(filter.org); }
    if (filter.verdict !== undefined) { where.push('r.verdict = ?'); args.push(filter.verdict); }
    if (filter.since !== undefined) { where.push('r.created_at >= ?'); args.push(filter.since); }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM runs r JOIN organisations o ON o.id = r.org_id${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`${RUN_SELECT}${clause} ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`).all(...args, filter.limit, filter.offset) as RunRow[];
    return { items: rows.map(toRecord), total };
  }

  annotate(runId: string, author: string, decision: Annotation['decision'], comment: string): Annotation {
    const at = new Date().toISOString();
    const id = Number(this.db.prepare('INSERT INTO annotations (run_id, author, decision, comment, at) VALUES (?, ?, ?, ?, ?)').run(runId, author, decision, comment, at).lastInsertRowid);
    return { id, runId, author, decision, comment, at };
  }

  annotations(runId: string): Annotation[] {
    return this.db.prepare('SELECT id, run_id AS runId, author, decision, comment, at FROM annotations WHERE run_id = ? ORDER BY id').all(runId) as Annotation[];
  }

  resourcesOf(runId: string): StoredResource[] {
    return this.db.prepare('SELECT resource_type AS resourceType, id, version_id AS versionId, json FROM fhir_resources WHERE run_id = ? ORDER BY rowid').all(runId) as StoredResource[];
  }

  countResources(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM fhir_resources').get() as { n: number }).n;
  }
}
