/**
 * The packages tddui-bench compiles into profiles/ (npm run profiles:build), read from the official
 * conformance material beside the checkout (../shared/spec). Listed in dependency order.
 */
import { join } from 'node:path';
import { readConformanceSource } from './package-reader.js';
import type { ConformanceSource } from './conformance-source.js';

export interface ShippedPackage {
  packageId: string;
  version: string;
  /** Folders under spec/ that together make up the package. */
  folders: string[];
  note?: string;
}

export const SHIPPED_PACKAGES: ShippedPackage[] = [
  { packageId: 'hl7.fhir.uv.xver-r5.r4', version: '0.1.1', folders: ['deps/hl7.fhir.uv.xver-r5.r4/0.1.1'] },
  { packageId: 'ihe.iti.mhd', version: '4.2.3', folders: ['deps/ihe.iti.mhd/4.2.3'] },
  {
    packageId: 'ans.fr.terminologies', version: '1.10.0-partial', folders: ['terminologies'],
    note: 'collection partielle des JDV/TRE liés par TDDUI (le paquet complet n’est pas disponible localement)',
  },
  { packageId: 'hl7.fhir.fr.core', version: '2.1.0', folders: ['fr-core/2.1.0', 'deps/hl7.fhir.fr.core/2.1.0'] },
  { packageId: 'ans.fhir.fr.annuaire', version: '1.1.0', folders: ['deps/ans.fhir.fr.annuaire/1.1.0'] },
  { packageId: 'ans.fhir.fr.tddui', version: '2.4.0-ballot', folders: ['tddui-fhir/2.4.0-ballot'] },
];

export async function readShippedSources(specDir: string): Promise<ConformanceSource[]> {
  const out: ConformanceSource[] = [];
  for (const p of SHIPPED_PACKAGES) {
    const parts = await Promise.all(p.folders.map((f) => readConformanceSource(join(specDir, f), { packageId: p.packageId, version: p.version })));
    out.push({ packageId: p.packageId, version: p.version, origin: p.folders.map((f) => `spec/${f}`).join(' + '), resources: parts.flatMap((x) => x.resources) });
  }
  return out;
}
