/**
 * Findings are data: a stable rule id, a severity, a location and parameters. Messages are rendered
 * from the rule catalogue at the edge (reports), never built here.
 */

export type Severity = 'fatal' | 'error' | 'warning' | 'information';

export const SEVERITY_RANK: Record<Severity, number> = { fatal: 3, error: 2, warning: 1, information: 0 };

export const SEVERITIES: Severity[] = ['fatal', 'error', 'warning', 'information'];

export type ParamValue = string | number | boolean;
export type FindingParams = Record<string, ParamValue>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** FHIRPath-style location with indexes, e.g. Bundle.entry[3].resource.identifier[0].system */
  path: string;
  params: FindingParams;
  /** Canonical of the profile being validated when the finding was made. */
  profile?: string;
  line?: number;
  column?: number;
}

/** A rule as the catalogue describes it; families such as invariants share one definition. */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** Message templates; `{name}` is replaced by the finding's parameter of that name. */
  message: { fr: string; en: string };
  /** Spec page; may use `{param}` placeholders filled from the finding (e.g. the profile page). */
  specUrl: string;
  /** Short fix hint shown in reports. */
  hint?: { fr: string; en: string };
  /** Which catalogue section the rule belongs to. */
  category: string;
}

/**
 * Location in an instance, built as a linked list so that paths are only turned into strings
 * when a finding is made.
 */
export class Loc {
  private text?: string;

  private constructor(readonly parent: Loc | undefined, readonly name: string, readonly index: number | undefined) {}

  static root(name: string): Loc {
    return new Loc(undefined, name, undefined);
  }

  /** "Bundle.entry[3].resource" → the same location as built by the walker. */
  static parse(path: string): Loc {
    const parts = path.split('.');
    let loc: Loc | undefined;
    for (const part of parts) {
      const m = /^(.*?)(?:\[(\d+)\])?$/.exec(part)!;
      loc = loc ? loc.child(m[1]) : Loc.root(m[1]);
      if (m[2] !== undefined) loc = loc.at(Number(m[2]));
    }
    return loc!;
  }

  child(name: string): Loc {
    return new Loc(this, name, undefined);
  }

  /** The same element, one array item of it. */
  at(index: number): Loc {
    return new Loc(this.parent, this.name, index);
  }

  /**
   * The path as one flat string. Joining the segments (rather than appending to the parent's text) matters
   * for memory: concatenation makes a chain of V8 cons strings per finding, five times the flat size.
   */
  toString(): string {
    if (this.text === undefined) {
      const segments: string[] = [];
      for (let l: Loc | undefined = this; l; l = l.parent) segments.push(l.index === undefined ? l.name : `${l.name}[${l.index}]`);
      this.text = segments.reverse().join('.');
    }
    return this.text;
  }
}

export function maxSeverity(findings: readonly Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (!best || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  return best;
}

export function isBlocking(severity: Severity): boolean {
  return severity === 'error' || severity === 'fatal';
}
