/**
 * The report model shared by every output (the CLI's JSON contract). Deterministic: the same inputs and
 * pins give the same bytes, except the `run` block (id, timestamps) kept apart at the end.
 */
import { createHash } from 'node:crypto';
import { SEVERITIES, type Finding, type Severity } from '../validation/finding.js';
import { renderHint, renderMessage, specUrl, type Lang } from './messages.js';

export interface Summary {
  fatal: number;
  error: number;
  warning: number;
  information: number;
}

export interface ReportIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  line?: number;
  column?: number;
  profile?: string;
  specUrl: string;
  hint?: string;
  /** Bundle entry the issue belongs to (from the path). */
  entry?: number;
  params: Finding['params'];
}

/** One Bundle entry as the report groups findings by it (resource type, claimed profile, business identifier). */
export interface EntrySummary {
  index: number;
  resourceType: string;
  fullUrl?: string;
  profile?: string;
  /** The business identifier a person recognises the object by (e.g. an INS, a TDDUI identifier value). */
  businessId?: string;
}

/** Use-case checklist of a scenario check (`--scenario`): one line per requirement of the rule pack. */
export interface ScenarioChecklist {
  id: string;
  title: string;
  version: string;
  requirements: { ruleId: string; title: string; status: 'pass' | 'fail'; findings: number }[];
}

/**
 * Round-trip fidelity (`--expect`): scores in percent (rounded down: 100 only when nothing is lost) of the
 * dataset's fields (primitive values) the export kept unchanged; each loss or alteration is also an issue
 * (FIDELITY-…). Object counts: `altered` = matched with at least one finding; `extra` = not in the dataset.
 */
export interface FidelityReport {
  dataset: { name: string; sha256: string; scenario?: string; seed?: number; usagers?: number };
  score: number;
  byType: {
    resourceType: string; expected: number; matched: number; lost: number; altered: number; score: number;
    extra: number; expectedFields: number; keptFields: number;
  }[];
}

/** A reviewer's annotation of a stored run (server); never part of the deterministic check output. */
export interface Annotation {
  author: string;
  decision: 'accept' | 'reject' | 'comment';
  comment: string;
  at: string;
}

export interface FileReport {
  input: { file: string; sha256: string; bytes: number; format?: string };
  verdict: 'pass' | 'fail';
  summary: Summary;
  issues: ReportIssue[];
  entries?: EntrySummary[];
  scenario?: ScenarioChecklist;
  fidelity?: FidelityReport;
}

export interface CheckReport {
  tool: { name: string; version: string };
  pins: Record<string, string>;
  summary: Summary;
  verdict: 'pass' | 'fail';
  lang: Lang;
  results: FileReport[];
  /** Reviewer annotations (server reports only). */
  annotations?: Annotation[];
  /** Volatile fields, excluded from determinism guarantees. */
  run?: { id: string; startedAt: string; finishedAt: string };
}

export function emptySummary(): Summary {
  return { fatal: 0, error: 0, warning: 0, information: 0 };
}

export function summarise(findings: readonly { severity: Severity }[]): Summary {
  const s = emptySummary();
  for (const f of findings) s[f.severity]++;
  return s;
}

export function verdictOf(s: Summary): 'pass' | 'fail' {
  return s.fatal + s.error > 0 ? 'fail' : 'pass';
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const ENTRY = /^Bundle\.entry\[(\d+)\]/;

export function toIssue(f: Finding, lang: Lang): ReportIssue {
  const entry = ENTRY.exec(f.path);
  const hint = renderHint(f, lang);
  // Key order is part of the output contract: keep it stable.
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: renderMessage(f, lang),
    path: f.path,
    ...(f.line !== undefined ? { line: f.line, column: f.column } : {}),
    ...(f.profile ? { profile: f.profile } : {}),
    specUrl: specUrl(f),
    ...(hint ? { hint } : {}),
    ...(entry ? { entry: Number(entry[1]) } : {}),
    params: f.params,
  };
}

export function fileReport(input: FileReport['input'], findings: readonly Finding[], lang: Lang): FileReport {
  const summary = summarise(findings);
  return { input, verdict: verdictOf(summary), summary, issues: findings.map((f) => toIssue(f, lang)) };
}

export function buildReport(tool: CheckReport['tool'], pins: Record<string, string>, results: FileReport[], lang: Lang, run?: CheckReport['run']): CheckReport {
  const summary = emptySummary();
  for (const r of results) for (const s of SEVERITIES) summary[s] += r.summary[s];
  const report: CheckReport = { tool, pins, summary, verdict: verdictOf(summary), lang, results };
  if (run) report.run = run;
  return report;
}
