/**
 * Reference checks: literal format, allowed target types, resolution inside the Bundle (recorded for the
 * TDDUI rules), and target profiles (the resolved target must conform to one of them).
 * See http://hl7.org/fhir/R4/references.html and http://hl7.org/fhir/R4/bundle.html#references
 */
import type { CompiledType } from '../definitions/compiled-types.js';
import { REFERENCE_FORMAT, referencedType } from './bundle-index.js';
import type { Loc } from './finding.js';
import type { JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import type { InstanceWalker } from './walker.js';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';

export function checkReference(w: InstanceWalker, ref: JsonObject, type: CompiledType, loc: Loc, scope: Scope): void {
  const reference = typeof ref.reference === 'string' ? ref.reference : undefined;
  const targets = (type.targetProfiles ?? []).map((p) => p.split('|')[0]);
  const allowedTypes = targets.length && !targets.includes(`${CORE}Resource`) ? [...new Set(targets.map((p) => w.ctx.structure(p)?.def.type ?? p.slice(p.lastIndexOf('/') + 1)))] : undefined;
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
  const record = { path: refLoc.toString(), reference, fromEntry };
  if (!res.found) {
    w.run.references.push({ ...record, kind: res.kind });
    scope.sink.add(finding('FHIR-REF-UNRESOLVED', refLoc, { reference }, scope.profile));
    return;
  }
  w.run.references.push({ ...record, kind: 'resolved', resolvedEntry: res.entry.index });
  const target = res.entry.resource;
  if (!target) return;
  const targetType = typeof target.resourceType === 'string' ? target.resourceType : '?';
  if (allowedTypes && !allowedTypes.includes(targetType)) {
    if (!declared) scope.sink.add(finding('FHIR-REF-TYPE', refLoc, { found: targetType, allowed: allowedTypes.join(', ') }, scope.profile));
    return;
  }
  // Target profiles beyond the base resource (constraints, including those HL7 publishes under the core
  // prefix, e.g. vitalsigns or cholesterol): the target must conform to at least one of them.
  const profiled = targets.filter((p) => {
    const def = w.ctx.structure(p)?.def;
    return def?.derivation === 'constraint' && def.type === targetType;
  });
  if (profiled.length === 0 || !scope.bundleLoc) return;
  const targetLoc = scope.bundleLoc.child('entry').at(res.entry.index).child('resource');
  const targetScope: Scope = { ...scope, resource: target, rootResource: target, resourceLoc: targetLoc, fullUrl: res.entry.fullUrl };
  if (!profiled.some((p) => w.conforms(target, p, targetLoc, targetScope))) {
    scope.sink.add(finding('FHIR-REF-PROFILE', refLoc, { reference, allowed: profiled.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(' | ') }, scope.profile));
  }
}
