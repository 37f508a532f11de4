/**
 * Where findings go during a walk. Validating one value against several definitions (base type, profile,
 * slice, meta.profile) can find the same problem more than once: a sink keeps the first occurrence only.
 */
import { FHIR_RULES } from './fhir-rules.js';
import type { Finding, FindingParams, Loc, Severity } from './finding.js';

const DEFAULT_SEVERITY = new Map(FHIR_RULES.map((r) => [r.id, r.severity] as const));

export class Sink {
  readonly findings: Finding[] = [];
  private readonly keys = new Set<string>();

  add(f: Finding): void {
    const key = `${f.ruleId}\u0000${f.path}\u0000${JSON.stringify(f.params)}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.findings.push(f);
  }

  addAll(fs: readonly Finding[]): void {
    for (const f of fs) this.add(f);
  }

  hasBlocking(): boolean {
    return this.findings.some((f) => f.severity === 'error' || f.severity === 'fatal');
  }
}

export function finding(ruleId: string, loc: Loc | string, params: FindingParams, profile?: string, severity?: Severity): Finding {
  const sev = severity ?? DEFAULT_SEVERITY.get(ruleId);
  if (!sev) throw new Error(`règle inconnue ${ruleId}`); // a bug, not a finding
  const f: Finding = { ruleId, severity: sev, path: typeof loc === 'string' ? loc : loc.toString(), params };
  if (profile) f.profile = profile;
  return f;
}
