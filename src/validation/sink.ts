/**
 * Where findings go during a walk. Validating one value against several definitions (base type, profile,
 * slice, meta.profile) can find the same problem more than once: duplicates are removed once, when the
 * findings are sorted at the end of the check (finish), not on every add (that cost memory and time on
 * large Bundles).
 */
import { FHIR_RULES } from './fhir-rules.js';
import type { Finding, FindingParams, Loc, Severity } from './finding.js';

const DEFAULT_SEVERITY = new Map(FHIR_RULES.map((r) => [r.id, r.severity] as const));

export class Sink {
  readonly findings: Finding[] = [];

  add(f: Finding): void {
    this.findings.push(f);
  }

  addAll(fs: readonly Finding[]): void {
    for (const f of fs) this.findings.push(f);
  }
}

export function finding(ruleId: string, loc: Loc | string, params: FindingParams, profile?: string, severity?: Severity): Finding {
  const sev = severity ?? DEFAULT_SEVERITY.get(ruleId);
  if (!sev) throw new Error(`règle inconnue ${ruleId}`); // a bug, not a finding
  const f: Finding = { ruleId, severity: sev, path: typeof loc === 'string' ? loc : loc.toString(), params };
  if (profile) f.profile = profile;
  return f;
}
