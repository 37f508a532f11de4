/**
 * JUnit XML: one testsuite per input; one testcase per (resource, rule) that reported something, plus one
 * "conformité" testcase per resource so clean resources show as passing tests. Errors and fatals fail.
 */
import { isBlocking } from '../validation/finding.js';
import type { CheckReport, ReportIssue } from './report-model.js';

export function formatJunit(report: CheckReport): string {
  const suites = report.results.map((r) => {
    const byResource = new Map<string, ReportIssue[]>();
    for (const i of r.issues) {
      const res = resourceOf(i.path);
      byResource.set(res, [...(byResource.get(res) ?? []), i]);
    }
    const cases: string[] = [];
    let failures = 0;
    for (const [res, issues] of [...byResource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const blocking = issues.filter((i) => isBlocking(i.severity));
      if (blocking.length) failures++;
      cases.push(testcase(`${res} — conformité`, r.input.file, blocking, issues));
      const byRule = new Map<string, ReportIssue[]>();
      for (const i of issues) byRule.set(i.ruleId, [...(byRule.get(i.ruleId) ?? []), i]);
      for (const [rule, list] of byRule) {
        const b = list.filter((i) => isBlocking(i.severity));
        if (b.length) failures++;
        cases.push(testcase(`${res} — ${rule}`, r.input.file, b, list));
      }
    }
    if (byResource.size === 0) cases.push(`    <testcase name="${esc(`${r.input.file} — conformité`)}" classname="${esc(r.input.file)}"/>`);
    const tests = cases.length;
    return `  <testsuite name="${esc(r.input.file)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = report.results.reduce((n, r) => n + r.issues.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(`${report.tool.name} ${report.tool.version}`)}" tests="${suites.length}" failures="${report.verdict === 'fail' ? 1 : 0}" issues="${total}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testcase(name: string, file: string, blocking: ReportIssue[], all: ReportIssue[]): string {
  const head = `    <testcase name="${esc(name)}" classname="${esc(file)}"`;
  const out = all.filter((i) => !isBlocking(i.severity)).map(line);
  if (!blocking.length && !out.length) return `${head}/>`;
  const failure = blocking.length ? `\n      <failure message="${esc(blocking[0].message)}" type="${esc(blocking[0].ruleId)}">${esc(blocking.map(line).join('\n'))}</failure>` : '';
  const sysout = out.length ? `\n      <system-out>${esc(out.join('\n'))}</system-out>` : '';
  return `${head}>${failure}${sysout}\n    </testcase>`;
}

function line(i: ReportIssue): string {
  return `[${i.severity}] ${i.ruleId} ${i.path}${i.line !== undefined ? ` (${i.line}:${i.column})` : ''} : ${i.message}`;
}

/** The resource an issue belongs to: "Bundle.entry[3].resource…" → "Bundle.entry[3]", else the root. */
function resourceOf(path: string): string {
  return /^Bundle\.entry\[\d+\]/.exec(path)?.[0] ?? path.split(/[.[]/)[0];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
