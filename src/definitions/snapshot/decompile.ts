/**
 * Compiled resources back to minimal FHIR resources, so that definitions loaded at run time (--load) can
 * derive from shipped profiles (FR Core, TDDUI…) when their snapshots are generated: the snapshot
 * generator needs the parents as StructureDefinitions with snapshots.
 */
import type { CompiledCodeSystem, CompiledResource, CompiledStructure, CompiledValueSet } from '../compiled-types.js';
import type { CodeSystem, ElementDefinition, FhirResource, StructureDefinition, ValueSet } from '../fhir-types.js';
import { suffixOfType } from '../fhir-primitive-types.js';

export function decompile(r: CompiledResource): FhirResource | undefined {
  switch (r.resourceType) {
    case 'StructureDefinition':
      return decompileStructure(r);
    case 'ValueSet':
      return decompileValueSet(r);
    case 'CodeSystem':
      return decompileCodeSystem(r);
    default:
      return undefined;
  }
}

function decompileStructure(s: CompiledStructure): StructureDefinition {
  const element: ElementDefinition[] = s.elements.map((e) => {
    const max = e.max < 0 ? '*' : String(e.max);
    const out: ElementDefinition = { id: e.id, path: e.path, min: e.min, max, base: { path: e.path, min: e.min, max: e.array ? '*' : '1' } };
    if (e.sliceName) out.sliceName = e.sliceName;
    if (e.types) out.type = e.types.map((t) => ({ code: t.code, ...(t.profiles ? { profile: t.profiles } : {}), ...(t.targetProfiles ? { targetProfile: t.targetProfiles } : {}) }));
    if (e.contentReference) out.contentReference = e.contentReference;
    if (e.fixed) out[`fixed${suffixOfType(e.fixed.type)}`] = e.fixed.value;
    if (e.pattern) out[`pattern${suffixOfType(e.pattern.type)}`] = e.pattern.value;
    if (e.binding) out.binding = { ...e.binding };
    if (e.constraints) out.constraint = e.constraints.map((c) => ({ key: c.key, severity: c.severity, human: c.human ?? c.key, expression: c.expression, source: c.source }));
    if (e.slicing) out.slicing = { discriminator: e.slicing.discriminators, rules: e.slicing.rules, ordered: e.slicing.ordered };
    if (e.isModifier) out.isModifier = true;
    if (e.mustSupport) out.mustSupport = true;
    if (e.maxLength) out.maxLength = e.maxLength;
    if (e.xmlAttr) out.representation = ['xmlAttr'];
    return out;
  });
  return {
    resourceType: 'StructureDefinition', id: s.id, url: s.url, version: s.version, name: s.name ?? s.id, status: 'active',
    kind: s.kind, abstract: s.abstract, type: s.type, baseDefinition: s.baseDefinition, derivation: s.derivation,
    // The generator walks the base chain applying differentials: the full element list is a valid one.
    ...(s.context ? { context: s.context } : {}), snapshot: { element }, differential: { element },
  };
}

function decompileValueSet(v: CompiledValueSet): ValueSet {
  const contains = v.systems.flatMap((s) => (s.codes ?? []).map((code) => ({ system: s.system, code })));
  return { resourceType: 'ValueSet', id: v.id, url: v.url, version: v.version, status: 'active', expansion: { contains } };
}

function decompileCodeSystem(c: CompiledCodeSystem): CodeSystem {
  return {
    resourceType: 'CodeSystem', id: c.id, url: c.url, version: c.version, status: 'active', content: c.content, caseSensitive: c.caseSensitive,
    concept: Object.entries(c.concepts).map(([code, displays]) => ({ code, ...(displays[0] ? { display: displays[0] } : {}) })),
  };
}
