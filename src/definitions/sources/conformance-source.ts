/**
 * Conformance sources: where StructureDefinitions, ValueSets, CodeSystems and Questionnaires come from.
 * A source is one FHIR package (id + version) and the conformance resources read from it.
 */
import type { FhirResource } from '../fhir-types.js';

/** Resource types the compiler keeps; everything else in a package (examples, IG resource…) is ignored. */
export const CONFORMANCE_TYPES = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem', 'Questionnaire']);

export interface ConformanceSource {
  packageId: string;
  version: string;
  /** Where it was read from (file, folder or .tgz), for diagnostics only. */
  origin: string;
  resources: FhirResource[];
}

/** Keeps conformance resources; unpacks Bundles of definitions. */
export function collectConformanceResources(value: unknown, into: FhirResource[]): void {
  if (!value || typeof value !== 'object') return;
  const r = value as FhirResource;
  if (r.resourceType === 'Bundle' && Array.isArray(r.entry)) {
    for (const e of r.entry as { resource?: unknown }[]) collectConformanceResources(e?.resource, into);
  } else if (typeof r.resourceType === 'string' && CONFORMANCE_TYPES.has(r.resourceType)) {
    into.push(r);
  }
}
