/**
 * Reference checks: literal format, allowed target types, resolution inside the Bundle (recorded for the
 * TDDUI rules), and target profiles (the resolved target must conform to one of them).
 * See http://hl7.org/fhir/R4/references.html and http://hl7.org/fhir/R4/bundle.html#references
 */
import type { CompiledType } from '../definitions/compiled-types.js';
import { REFERENCE_FORMAT, referencedType } from './bundle-index.js';
import type { Loc } from './finding.js';
import { isObject, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import { ReferenceRecord, type InstanceWalker } from './walker.js';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';

export function checkReference(w: InstanceWalker, ref: JsonObject, type: CompiledType, loc: Loc, scope: Scope): void {
  const reference = typeof ref.reference === 'string' ? ref.reference : undefined;
  const { allowedTypes } = targetsOf(w, type);
  const refLoc = loc.child('reference');
  const fromEntry = w.run.entryOf.get(scope.resource);

  if (reference !== undefined) {
    if (!REFERENCE_FORMAT.test(reference)) {
      scope.sink.add(finding('FHIR-REF-FORMAT', refLoc, { reference }, scope.profile));
      return;
    }
    if (reference.startsWith('#')) return; // ref-1 (invariant of Reference) checks contained targets
  }
  const fromReference = reference ? referencedType(reference) : undefined;
  const declared = fromReference ?? (typeof ref.type === 'string' ? ref.type : undefined);
  if (declared && allowedTypes && !allowedTypes.includes(declared)) {
    // Located where the type is read: the literal reference, else Reference.type (there may be no `reference`).
    scope.sink.add(finding('FHIR-REF-TYPE', fromReference ? refLoc : loc.child('type'), { found: declared, allowed: allowedTypes.join(', ') }, scope.profile));
  }
  if (!reference || !scope.bundle) return;

  const res = scope.bundle.resolve(reference, scope.fullUrl);
  if (!res.found) {
    w.run.references.push(new ReferenceRecord(refLoc, reference, fromEntry, res.kind));
    scope.sink.add(finding('FHIR-REF-UNRESOLVED', refLoc, { reference }, scope.profile));
    return;
  }
  const target = res.entry.resource;
  if (!target) return;
  const targetType = typeof target.resourceType === 'string' ? target.resourceType : '?';
  if (allowedTypes && !allowedTypes.includes(targetType)) {
    if (!declared) scope.sink.add(finding('FHIR-REF-TYPE', refLoc, { found: targetType, allowed: allowedTypes.join(', ') }, scope.profile));
    return;
  }
  // Target profiles beyond the base resource (constraints, including those HL7 publishes under the core
  // prefix, e.g. vitalsigns or cholesterol): the target must conform to at least one of them.
  let profiled = constraintTargets(w, type, targetType);
  // Profiles the target claims first: one conforming claimed profile answers without walking the others.
  const claims = isObject(target.meta) && Array.isArray(target.meta.profile) ? target.meta.profile : [];
  if (profiled.length > 1 && claims.length) profiled = [...profiled].sort((a, b) => Number(claims.includes(b)) - Number(claims.includes(a)));
  if (profiled.length === 0 || !scope.bundleLoc) return;
  const targetLoc = scope.bundleLoc.child('entry').at(res.entry.index).child('resource');
  const targetScope: Scope = { ...scope, resource: target, rootResource: target, resourceLoc: targetLoc, fullUrl: res.entry.fullUrl };
  if (!profiled.some((p) => w.conforms(target, p, targetLoc, targetScope))) {
    scope.sink.add(finding('FHIR-REF-PROFILE', refLoc, { reference, allowed: profiled.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(' | ') }, scope.profile));
  }
}

const targetCache = new WeakMap<CompiledType, { targets: string[]; allowedTypes?: string[]; byType?: Map<string, string[]> }>();

/** The target profiles that constrain a given resource type (computed once per type and target type). */
function constraintTargets(w: InstanceWalker, type: CompiledType, targetType: string): string[] {
  const t = targetsOf(w, type) as { targets: string[]; byType?: Map<string, string[]> };
  t.byType ??= new Map();
  let list = t.byType.get(targetType);
  if (!list) {
    list = t.targets.filter((p) => {
      const def = w.ctx.structure(p)?.def;
      return def?.derivation === 'constraint' && def.type === targetType;
    });
    t.byType.set(targetType, list);
  }
  return list;
}

/** Target profiles of a Reference type and the resource types they allow (undefined = any), computed once. */
function targetsOf(w: InstanceWalker, type: CompiledType): { targets: string[]; allowedTypes?: string[] } {
  let t = targetCache.get(type);
  if (!t) {
    const targets = (type.targetProfiles ?? []).map((p) => p.split('|')[0]);
    const allowedTypes = targets.length && !targets.includes(`${CORE}Resource`) ? [...new Set(targets.map((p) => w.ctx.structure(p)?.def.type ?? p.slice(p.lastIndexOf('/') + 1)))] : undefined;
    targetCache.set(type, (t = { targets, allowedTypes }));
  }
  return t;
}
