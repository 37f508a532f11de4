/**
 * Local ValueSet expansion and CodeSystem compilation.
 * A ValueSet is "complete" when every included system could be enumerated from local CodeSystems
 * or explicit concept lists; otherwise the systems that could not be enumerated are marked `open`
 * and bindings to them are reported as "not checked" by the validator, never as a silent pass.
 * See http://hl7.org/fhir/R4/valueset.html#compositions
 */
import type { CodeSystem, CodeSystemConcept, ExpansionContains, ValueSet, ValueSetInclude } from '../fhir-types.js';
import type { CompiledCodeSystem, CompiledValueSet, CompiledValueSetSystem, OpenReason, PackageRef } from '../compiled-types.js';
import { dropUndefined } from './compile-structure.js';

export interface TerminologyLookup {
  valueSet(canonical: string): ValueSet | undefined;
  codeSystem(canonical: string): CodeSystem | undefined;
}

/** system → codes (undefined set = all codes, not enumerable) plus why it is open. */
type Expansion = Map<string, { codes?: Set<string>; open: boolean; reason?: OpenReason }>;

export function compileValueSet(vs: ValueSet, pkg: PackageRef, lookup: TerminologyLookup): CompiledValueSet {
  const expansion = expand(vs, lookup, new Set());
  const systems: CompiledValueSetSystem[] = [...expansion.keys()].sort().map((system) => {
    const s = expansion.get(system)!;
    return dropUndefined({ system, codes: s.codes ? [...s.codes].sort() : undefined, open: s.open || undefined, reason: s.reason });
  });
  return {
    resourceType: 'ValueSet',
    url: vs.url!,
    ...(vs.version ? { version: vs.version } : {}),
    id: vs.id ?? vs.url!,
    package: pkg,
    complete: systems.every((s) => !s.open),
    systems,
  };
}

function expand(vs: ValueSet, lookup: TerminologyLookup, visiting: Set<string>): Expansion {
  const result: Expansion = new Map();
  if (visiting.has(vs.url!)) return openAll(result, '', { code: 'valueset-recursive', detail: vs.url! });
  visiting.add(vs.url!);
  try {
    if (!vs.compose && vs.expansion?.contains) {
      addContains(result, vs.expansion.contains);
      return result;
    }
    for (const inc of vs.compose?.include ?? []) union(result, expandInclude(inc, lookup, visiting));
    for (const exc of vs.compose?.exclude ?? []) subtract(result, expandInclude(exc, lookup, visiting));
    return result;
  } finally {
    visiting.delete(vs.url!);
  }
}

function addContains(result: Expansion, contains: ExpansionContains[]): void {
  for (const c of contains) {
    if (c.system && c.code && !c.abstract) {
      const s = result.get(c.system) ?? { codes: new Set<string>(), open: false };
      s.codes?.add(c.code);
      result.set(c.system, s);
    }
    if (c.contains) addContains(result, c.contains);
  }
}

function expandInclude(inc: ValueSetInclude, lookup: TerminologyLookup, visiting: Set<string>): Expansion {
  let part: Expansion | undefined;
  if (inc.system) part = expandSystemPart(inc, lookup);
  for (const ref of inc.valueSet ?? []) {
    const other = lookup.valueSet(ref);
    const sub = other ? expand(other, lookup, visiting) : openAll(new Map(), inc.system ?? '', { code: 'valueset-unavailable', detail: ref });
    part = part ? intersect(part, sub) : sub;
  }
  return part ?? new Map();
}

function expandSystemPart(inc: ValueSetInclude, lookup: TerminologyLookup): Expansion {
  const system = inc.system!;
  if (inc.concept?.length && !inc.filter?.length) return new Map([[system, { codes: new Set(inc.concept.map((c) => c.code)), open: false }]]);
  const cs = lookup.codeSystem(system);
  if (!cs) return new Map([[system, { open: true, reason: { code: 'codesystem-unavailable', detail: system } }]]);
  if (cs.content !== 'complete') return new Map([[system, { open: true, reason: { code: 'codesystem-incomplete', detail: `${system} (content=${cs.content ?? '?'})` } }]]);
  const all = flatten(cs.concept ?? []);
  let codes = new Set(all.map((c) => c.concept.code));
  for (const f of inc.filter ?? []) {
    const selected = applyFilter(all, f);
    if (!selected) return new Map([[system, { open: true, reason: { code: 'filter-unsupported', detail: `${f.property} ${f.op} ${f.value}` } }]]);
    codes = new Set([...codes].filter((c) => selected.has(c)));
  }
  if (inc.concept?.length) codes = new Set([...codes].filter((c) => inc.concept!.some((k) => k.code === c)));
  return new Map([[system, { codes, open: false }]]);
}

interface FlatConcept { concept: CodeSystemConcept; ancestors: string[] }

function flatten(concepts: CodeSystemConcept[], ancestors: string[] = [], out: FlatConcept[] = []): FlatConcept[] {
  for (const c of concepts) {
    out.push({ concept: c, ancestors });
    if (c.concept) flatten(c.concept, [...ancestors, c.code], out);
  }
  return out;
}

function propertyValues(c: CodeSystemConcept, property: string): string[] {
  if (property === 'concept' || property === 'code') return [c.code];
  return (c.property ?? [])
    .filter((p) => p.code === property)
    .map((p) => String(p.valueCode ?? p.valueString ?? p.valueBoolean ?? p.valueInteger ?? p.valueDateTime ?? p.valueCoding?.code ?? ''));
}

/** Returns the selected codes, or undefined when the filter cannot be evaluated locally. */
function applyFilter(all: FlatConcept[], f: { property: string; op: string; value: string }): Set<string> | undefined {
  const pick = (pred: (c: FlatConcept) => boolean) => new Set(all.filter(pred).map((c) => c.concept.code));
  switch (f.op) {
    case 'is-a':
      return pick((c) => c.concept.code === f.value || c.ancestors.includes(f.value));
    case 'descendent-of':
      return pick((c) => c.ancestors.includes(f.value));
    case 'is-not-a':
      return pick((c) => c.concept.code !== f.value && !c.ancestors.includes(f.value));
    case '=':
      return pick((c) => propertyValues(c.concept, f.property).includes(f.value));
    case 'in': {
      const values = f.value.split(',').map((v) => v.trim());
      return pick((c) => propertyValues(c.concept, f.property).some((v) => values.includes(v)));
    }
    case 'not-in': {
      const values = f.value.split(',').map((v) => v.trim());
      return pick((c) => !propertyValues(c.concept, f.property).some((v) => values.includes(v)));
    }
    case 'regex': {
      const re = new RegExp(`^(?:${f.value})$`);
      return pick((c) => propertyValues(c.concept, f.property).some((v) => re.test(v)));
    }
    case 'exists':
      return pick((c) => (propertyValues(c.concept, f.property).length > 0) === (f.value === 'true'));
    default:
      return undefined;
  }
}

function openAll(result: Expansion, system: string, reason: OpenReason): Expansion {
  result.set(system, { open: true, reason });
  return result;
}

function union(into: Expansion, part: Expansion): void {
  for (const [system, s] of part) {
    const cur = into.get(system);
    if (!cur) {
      into.set(system, { codes: s.codes ? new Set(s.codes) : undefined, open: s.open, reason: s.reason });
      continue;
    }
    if (cur.codes && s.codes) for (const c of s.codes) cur.codes.add(c);
    else if (!s.codes && !s.open) cur.codes = undefined;
    if (s.open) {
      cur.open = true;
      cur.reason = cur.reason ?? s.reason;
    }
  }
}

function intersect(a: Expansion, b: Expansion): Expansion {
  const out: Expansion = new Map();
  for (const [system, sa] of a) {
    const sb = b.get(system) ?? b.get('');
    if (!sb) continue;
    const codes = sa.codes && sb.codes ? new Set([...sa.codes].filter((c) => sb.codes!.has(c))) : (sa.codes ?? sb.codes);
    out.set(system, { codes, open: sa.open || sb.open, reason: sa.reason ?? sb.reason });
  }
  if (a.size === 0) for (const [system, s] of b) out.set(system, s);
  return out;
}

function subtract(from: Expansion, part: Expansion): void {
  for (const [system, s] of part) {
    const cur = from.get(system);
    if (!cur) continue;
    if (s.open) {
      cur.open = true;
      cur.reason = cur.reason ?? { code: 'exclusion-open', detail: s.reason?.detail ?? system };
    } else if (cur.codes && s.codes) for (const c of s.codes) cur.codes.delete(c);
  }
}

export function compileCodeSystem(cs: CodeSystem, pkg: PackageRef): CompiledCodeSystem {
  const concepts: Record<string, string[]> = {};
  for (const { concept } of flatten(cs.concept ?? [])) {
    const displays = [concept.display, ...(concept.designation ?? []).map((d) => d.value)].filter((d): d is string => !!d);
    concepts[concept.code] = [...new Set(displays)];
  }
  return {
    resourceType: 'CodeSystem',
    url: cs.url!,
    ...(cs.version ? { version: cs.version } : {}),
    id: cs.id ?? cs.url!,
    package: pkg,
    content: cs.content ?? 'complete',
    caseSensitive: cs.caseSensitive ?? true,
    concepts,
  };
}
