/**
 * Writes compiled resources to a profiles/ directory: one file per resource plus index.json.
 * The output is deterministic (sorted, stable key order, one element per line) so that a fresh
 * build can be compared byte for byte with the committed one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_FORMAT_VERSION, type BuildDiagnostic, type CompiledIndex, type CompiledIndexEntry, type CompiledResource } from '../compiled-types.js';

export function compiledFileName(r: CompiledResource): string {
  const safe = r.id.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${r.package.id}/${r.resourceType}-${safe}.json`;
}

export function buildIndex(resources: CompiledResource[], packages: CompiledIndex['packages'], diagnostics: BuildDiagnostic[]): CompiledIndex {
  const entries: CompiledIndexEntry[] = resources.map((r) => ({
    resourceType: r.resourceType,
    url: r.url,
    ...(r.version ? { version: r.version } : {}),
    id: r.id,
    package: r.package.id,
    ...(r.resourceType === 'StructureDefinition' ? { kind: r.kind, type: r.type, ...(r.derivation ? { derivation: r.derivation } : {}) } : {}),
    file: compiledFileName(r),
  }));
  entries.sort((a, b) => cmp(a.file, b.file));
  const diags = [...diagnostics].sort((a, b) => cmp(`${a.package}|${a.resource}|${a.message}`, `${b.package}|${b.resource}|${b.message}`));
  return { format: COMPILED_FORMAT_VERSION, packages, resources: entries, diagnostics: diags };
}

export function writeCompiled(dir: string, resources: CompiledResource[], index: CompiledIndex): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names = new Set<string>();
  for (const r of resources) {
    const name = compiledFileName(r);
    if (names.has(name)) throw new Error(`deux ressources compilées vers ${name}`);
    names.add(name);
    mkdirSync(join(dir, r.package.id), { recursive: true });
    writeFileSync(join(dir, name), serialise(r));
  }
  writeFileSync(join(dir, 'index.json'), serialiseIndex(index));
}

/** JSON with the big arrays (elements, systems, resources) one item per line. */
export function serialise(r: CompiledResource): string {
  if (r.resourceType === 'StructureDefinition') {
    const { elements, ...head } = r;
    return `${JSON.stringify(head).slice(0, -1)},"elements":[\n${elements.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  }
  if (r.resourceType === 'ValueSet') {
    const { systems, ...head } = r;
    return `${JSON.stringify(head).slice(0, -1)},"systems":[\n${systems.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
  }
  if (r.resourceType === 'CodeSystem') {
    const { concepts, ...head } = r;
    const lines = Object.keys(concepts).sort(cmp).map((k) => `${JSON.stringify(k)}:${JSON.stringify(concepts[k])}`);
    return `${JSON.stringify(head).slice(0, -1)},"concepts":{\n${lines.join(',\n')}\n}}\n`;
  }
  return `${JSON.stringify(r)}\n`;
}

function serialiseIndex(index: CompiledIndex): string {
  const lines = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join(',\n');
  return `{"format":${index.format},\n"packages":[\n${lines(index.packages)}\n],\n"resources":[\n${lines(index.resources)}\n],\n"diagnostics":[\n${lines(index.diagnostics)}\n]}\n`;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
