/** Assertions on findings: by rule id and path (never by message text). */
import { expect } from 'chai';
import type { Finding, FindingParams, Severity } from '../../src/validation/finding.js';

export interface ExpectedFinding {
  ruleId: string;
  path: string;
  severity?: Severity;
  /** Parameters the finding must carry (those listed only), e.g. the aggregated `count`. */
  params?: FindingParams;
}

const show = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.path}`).join('\n      ');

export function expectFinding(findings: readonly Finding[], e: ExpectedFinding): Finding {
  const params = Object.entries(e.params ?? {});
  const hit = findings.find((f) => f.ruleId === e.ruleId && f.path === e.path && (!e.severity || f.severity === e.severity)
    && params.every(([k, v]) => f.params[k] === v));
  const wanted = params.length ? ` ${JSON.stringify(e.params)}` : '';
  expect(hit, `attendu ${e.severity ?? ''} ${e.ruleId} @ ${e.path}${wanted}, trouvé :\n      ${show(findings)}`).to.not.equal(undefined);
  return hit!;
}

export function expectNoFinding(findings: readonly Finding[], ruleId: string, path?: string): void {
  const hit = findings.filter((f) => f.ruleId === ruleId && (path === undefined || f.path === path));
  expect(hit, `inattendu ${ruleId}${path ? ` @ ${path}` : ''} :\n      ${show(hit)}`).to.have.length(0);
}

export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'fatal');
}
