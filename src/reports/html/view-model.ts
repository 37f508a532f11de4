/**
 * The report model → what the HTML templates show. Every computation (grouping, counting, chart
 * geometry, formatting) happens here, so the Handlebars templates stay free of logic.
 */
import { SEVERITIES, type Severity } from '../../validation/finding.js';
import type { Lang } from '../messages.js';
import type { CheckReport, EntrySummary, FileReport, ReportIssue, Summary } from '../report-model.js';
import { barChart, type BarChart } from './bar-chart.js';
import { LABELS, type ReportLabels } from './labels.js';

export interface SeverityCount {
  severity: Severity;
  label: string;
  count: number;
}

export interface FindingView {
  severity: Severity;
  severityLabel: string;
  ruleId: string;
  specUrl: string;
  message: string;
  hint?: string;
  path: string;
  where?: string;
  expected?: string;
  found?: string;
}

export interface GroupView {
  id: string;
  heading: string;
  resourceType?: string;
  profile?: string;
  profileShort?: string;
  businessId?: string;
  fullUrl?: string;
  counts: string;
  findings: FindingView[];
}

export interface InputView {
  id: string;
  file: string;
  format: string;
  size: string;
  sha256: string;
  entryCount?: number;
  pass: boolean;
  verdictLabel: string;
  severities: SeverityCount[];
  total: number;
  byRule: { ruleId: string; severity: Severity; severityLabel: string; count: number; specUrl: string }[];
  byProfile: { profile: string; short: string; counts: SeverityCount[]; total: number }[];
  chart?: BarChart;
  groups: GroupView[];
  cleanEntries?: number;
  scenario?: {
    id: string; title: string; version: string;
    requirements: { ruleId: string; title: string; pass: boolean; statusLabel: string; findings: number }[];
  };
  fidelity?: {
    dataset: string; sha256: string; score: string;
    byType: { resourceType: string; expected: number; matched: number; lost: number; altered: number; score: string }[];
    losses: GroupView[];
  };
}

export interface HtmlView {
  t: ReportLabels;
  lang: Lang;
  tool: string;
  runId?: string;
  date?: string;
  pass: boolean;
  verdictLabel: string;
  verdictText: string;
  severities: SeverityCount[];
  inputs: InputView[];
  pins: { name: string; value: string }[];
  annotations?: { author: string; decision: string; decisionClass: string; comment: string; at: string }[];
}

export function buildHtmlView(report: CheckReport): HtmlView {
  const lang = report.lang;
  const t = LABELS[lang];
  const pass = report.verdict === 'pass';
  return {
    t,
    lang,
    tool: `${report.tool.name} ${report.tool.version}`,
    runId: report.run?.id,
    date: report.run ? formatDate(report.run.finishedAt, lang) : undefined,
    pass,
    verdictLabel: pass ? t.verdictPass : t.verdictFail,
    verdictText: pass ? t.verdictPassText : t.verdictFailText,
    severities: severityCounts(report.summary, t),
    inputs: report.results.map((r, n) => inputView(r, n, t, lang)),
    pins: Object.entries(report.pins).map(([name, value]) => ({ name, value })),
    annotations: report.annotations?.length
      ? report.annotations.map((a) => ({ author: a.author, decision: t.decisions[a.decision], decisionClass: a.decision, comment: a.comment, at: formatDate(a.at, lang) }))
      : undefined,
  };
}

function inputView(r: FileReport, n: number, t: ReportLabels, lang: Lang): InputView {
  const entries = new Map((r.entries ?? []).map((e) => [e.index, e] as const));
  const profileOf = (i: ReportIssue) => i.profile ?? (i.entry !== undefined ? entries.get(i.entry)?.profile : undefined);

  const byRule = new Map<string, { issue: ReportIssue; count: number }>();
  const byProfile = new Map<string, Summary>();
  for (const i of r.issues) {
    const rule = byRule.get(i.ruleId);
    if (rule) rule.count++;
    else byRule.set(i.ruleId, { issue: i, count: 1 });
    const p = profileOf(i) ?? '';
    let s = byProfile.get(p);
    if (!s) byProfile.set(p, (s = { fatal: 0, error: 0, warning: 0, information: 0 }));
    s[i.severity]++;
  }

  const profiles = [...byProfile]
    .map(([profile, s]) => ({ profile, short: profile ? shortName(profile) : t.noProfile, counts: severityCounts(s, t), total: s.fatal + s.error + s.warning + s.information }))
    .sort((a, b) => b.total - a.total || (a.short < b.short ? -1 : a.short > b.short ? 1 : 0));

  const id = `f${n + 1}`;
  return {
    id,
    file: r.input.file,
    format: r.input.format ?? '?',
    size: `${formatNumber(r.input.bytes, lang)} ${t.bytes}`,
    sha256: r.input.sha256,
    entryCount: r.entries?.length,
    pass: r.verdict === 'pass',
    verdictLabel: r.verdict === 'pass' ? t.verdictPass : t.verdictFail,
    severities: severityCounts(r.summary, t),
    total: r.issues.length,
    byRule: [...byRule.values()]
      .sort((a, b) => b.count - a.count || (a.issue.ruleId < b.issue.ruleId ? -1 : 1))
      .map(({ issue, count }) => ({ ruleId: issue.ruleId, severity: issue.severity, severityLabel: t.severities[issue.severity], count, specUrl: issue.specUrl })),
    byProfile: profiles,
    chart: profiles.length ? barChart(profiles, t) : undefined,
    groups: groupByEntry(id, r.issues, entries, t, lang),
    cleanEntries: r.entries ? r.entries.length - new Set(r.issues.map((i) => i.entry).filter((e) => e !== undefined)).size : undefined,
    scenario: r.scenario && {
      id: r.scenario.id, title: r.scenario.title, version: r.scenario.version,
      requirements: r.scenario.requirements.map((q) => ({ ...q, pass: q.status === 'pass', statusLabel: q.status === 'pass' ? t.pass : t.fail })),
    },
    fidelity: r.fidelity && {
      dataset: [r.fidelity.dataset.name, r.fidelity.dataset.scenario, r.fidelity.dataset.seed !== undefined ? `${t.seed} ${r.fidelity.dataset.seed}` : undefined,
        r.fidelity.dataset.usagers !== undefined ? `${r.fidelity.dataset.usagers} ${t.usagers}` : undefined].filter(Boolean).join(' · '),
      sha256: r.fidelity.dataset.sha256,
      score: percent(r.fidelity.score, lang),
      byType: r.fidelity.byType.map((b) => ({ ...b, score: percent(b.score, lang) })),
      losses: groupByEntry(`${id}-loss`, r.issues.filter((i) => i.ruleId.startsWith('FIDELITY-')), entries, t, lang),
    },
  };
}

/** Findings grouped by Bundle entry, document-level findings first, then entries in order. */
function groupByEntry(prefix: string, issues: readonly ReportIssue[], entries: Map<number, EntrySummary>, t: ReportLabels, lang: Lang): GroupView[] {
  const groups = new Map<number, ReportIssue[]>();
  for (const i of issues) {
    const key = i.entry ?? -1;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([entry, list]) => groupView(prefix, entry, entries.get(entry), list, t, lang));
}

function groupView(inputId: string, entry: number, summary: EntrySummary | undefined, issues: ReportIssue[], t: ReportLabels, lang: Lang): GroupView {
  const counts = severityCounts(countOf(issues), t).filter((c) => c.count).map((c) => `${c.count} ${c.label.toLowerCase()}`).join(', ');
  const findings = issues.map((i) => findingView(i, t, lang));
  if (entry < 0) return { id: `${inputId}-root`, heading: t.rootGroup, counts, findings };
  return {
    id: `${inputId}-e${entry}`,
    heading: `${t.entry} ${entry}`,
    resourceType: summary?.resourceType,
    profile: summary?.profile,
    profileShort: summary?.profile ? shortName(summary.profile) : undefined,
    businessId: summary?.businessId,
    fullUrl: summary?.fullUrl,
    counts,
    findings,
  };
}

function findingView(i: ReportIssue, t: ReportLabels, lang: Lang): FindingView {
  const { expected, found } = expectedFound(i, lang);
  return {
    severity: i.severity,
    severityLabel: t.severities[i.severity],
    ruleId: i.ruleId,
    specUrl: i.specUrl,
    message: i.message,
    hint: i.hint,
    path: i.path,
    where: i.line !== undefined ? `${t.line} ${i.line}:${i.column}` : undefined,
    expected,
    found,
  };
}

/** Expected vs found, from the finding's parameters (English variants win in English). */
function expectedFound(i: ReportIssue, lang: Lang): { expected?: string; found?: string } {
  const p = (name: string) => {
    const v = (lang === 'en' ? i.params[`${name}_en`] : undefined) ?? i.params[name];
    return v === undefined || v === '' ? undefined : String(v);
  };
  let expected = p('expected');
  if (expected === undefined && p('min') !== undefined) expected = `≥ ${p('min')}`;
  if (expected === undefined && p('max') !== undefined) expected = `≤ ${p('max')}`;
  const found = p('found') ?? (expected !== undefined ? p('count') : undefined);
  return { expected, found };
}

function countOf(issues: readonly ReportIssue[]): Summary {
  const s: Summary = { fatal: 0, error: 0, warning: 0, information: 0 };
  for (const i of issues) s[i.severity]++;
  return s;
}

function severityCounts(s: Summary, t: ReportLabels): SeverityCount[] {
  return SEVERITIES.map((severity) => ({ severity, label: t.severities[severity], count: s[severity] }));
}

/** Last segment of a canonical URL (the profile id), without version. */
export function shortName(canonical: string): string {
  const url = canonical.split('|')[0];
  return url.slice(url.lastIndexOf('/') + 1) || url;
}

function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

function percent(n: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(n)} %`;
}

/** Dates in UTC, so that the same report gives the same bytes on every machine. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }).format(d)} UTC`;
}
