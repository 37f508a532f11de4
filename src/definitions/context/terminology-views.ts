/** Runtime views over compiled ValueSets and CodeSystems: membership and display lookups. */
import type { CompiledCodeSystem, CompiledValueSet, OpenReason } from '../compiled-types.js';

export type Membership =
  | { status: 'member' }
  | { status: 'not-member' }
  /** The code's system could not be enumerated locally: membership unknown. */
  | { status: 'unknown'; reason: OpenReason };

export class ValueSetView {
  private readonly systems = new Map<string, { codes?: Set<string>; open: boolean; reason?: OpenReason }>();
  private readonly anyOpen?: { reason?: OpenReason };

  constructor(readonly def: CompiledValueSet) {
    for (const s of def.systems) {
      if (s.system === '') this.anyOpen = { reason: s.reason };
      else this.systems.set(s.system, { codes: s.codes ? new Set(s.codes) : undefined, open: !!s.open, reason: s.reason });
    }
  }

  get url(): string {
    return this.def.url;
  }

  get complete(): boolean {
    return this.def.complete;
  }

  /** Complete and without a single code (e.g. compose.include intersecting disjoint value sets): nothing can conform. */
  get empty(): boolean {
    return this.def.complete && this.def.systems.every((s) => s.codes !== undefined && s.codes.length === 0);
  }

  /** The systems this value set draws codes from (for code-only bindings). */
  systemUrls(): string[] {
    return [...this.systems.keys()];
  }

  check(system: string | undefined, code: string): Membership {
    if (system === undefined) {
      // A bare code (type `code`): any system of the value set may hold it.
      let unknown: OpenReason | undefined;
      for (const [url, s] of this.systems) {
        if (s.codes?.has(code)) return { status: 'member' };
        if (s.open || !s.codes) unknown = unknown ?? s.reason ?? { code: 'codesystem-incomplete', detail: url };
      }
      if (this.anyOpen) unknown = unknown ?? this.anyOpen.reason ?? { code: 'valueset-unavailable', detail: this.def.url };
      return unknown ? { status: 'unknown', reason: unknown } : { status: 'not-member' };
    }
    const s = this.systems.get(system);
    if (!s) return this.anyOpen ? { status: 'unknown', reason: this.anyOpen.reason ?? { code: 'valueset-unavailable', detail: this.def.url } } : { status: 'not-member' };
    if (s.codes?.has(code)) return { status: 'member' };
    if (s.open || !s.codes) return { status: 'unknown', reason: s.reason ?? { code: 'codesystem-incomplete', detail: system } };
    return { status: 'not-member' };
  }
}

export class CodeSystemView {
  constructor(readonly def: CompiledCodeSystem) {}

  get complete(): boolean {
    return this.def.content === 'complete';
  }

  has(code: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.def.concepts, code);
  }

  displays(code: string): string[] | undefined {
    return this.has(code) ? this.def.concepts[code] : undefined;
  }
}
