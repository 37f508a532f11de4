/**
 * `tddui-bench profiles import <package .tgz|folder>`: keeps the official conformance resources of a FHIR
 * package (as published, byte for byte) under `<data>/published/<package>/`, so the server publishes
 * them instead of its compiled view. Only the published types are kept; examples are not.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';

export const PUBLISHED_TYPES = ['StructureDefinition', 'ValueSet', 'CodeSystem', 'Questionnaire', 'CapabilityStatement'] as const;
export type PublishedType = (typeof PUBLISHED_TYPES)[number];

export interface ImportedPackage {
  id: string;
  version: string;
  source: string;
  importedAt: string;
  counts: Record<string, number>;
}

export class ImportError extends Error {}

const SAFE_ID = /^[A-Za-z0-9\-.]{1,64}$/;

async function readTgzJson(file: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.type === 'file' && header.name.endsWith('.json') && header.name.startsWith('package/')) files.set(header.name.slice('package/'.length), Buffer.concat(chunks).toString('utf8'));
        next();
      });
      stream.on('error', reject);
    });
    extract.on('finish', resolve);
    extract.on('error', (e) => reject(new ImportError(`${file} : archive illisible (${e.message})`)));
    const gunzip = createGunzip();
    gunzip.on('error', (e) => reject(new ImportError(`${file} : archive illisible (${e.message})`)));
    createReadStream(file).on('error', reject).pipe(gunzip).pipe(extract);
  });
  return files;
}

function readFolderJson(dir: string): Map<string, string> {
  const root = existsSync(join(dir, 'package', 'package.json')) ? join(dir, 'package') : dir;
  const files = new Map<string, string>();
  for (const name of readdirSync(root).sort()) {
    const p = join(root, name);
    if (name.endsWith('.json') && statSync(p).isFile()) files.set(name, readFileSync(p, 'utf8'));
  }
  return files;
}

/** Imports a package into `<dataDir>/published/`, replacing a previous import of the same package. */
export async function importPackage(path: string, dataDir: string): Promise<ImportedPackage> {
  if (!existsSync(path)) throw new ImportError(`introuvable : ${path}`);
  const files = statSync(path).isDirectory() ? readFolderJson(path) : await readTgzJson(path);
  let manifest: { name?: string; version?: string } = {};
  if (files.has('package.json')) {
    try {
      manifest = JSON.parse(files.get('package.json')!) as typeof manifest;
    } catch {
      throw new ImportError('package.json illisible');
    }
  }
  const id = manifest.name ?? `local.${basename(path).replace(/\.(tgz|tar\.gz)$/, '')}`;
  if (!SAFE_ID.test(id)) throw new ImportError(`identifiant de paquet invalide : « ${id} »`);
  const out = join(dataDir, 'published', id);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const counts: Record<string, number> = {};
  mkdirSync(join(out, 'examples'));
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name === 'package.json' || basename(name).startsWith('.')) continue;
    let r: { resourceType?: unknown; id?: unknown; meta?: { profile?: unknown } };
    try {
      r = JSON.parse(text) as typeof r;
    } catch {
      continue; // not a resource: nothing to publish
    }
    if (typeof r.resourceType !== 'string' || !/^[A-Za-z]+$/.test(r.resourceType) || typeof r.id !== 'string' || !SAFE_ID.test(r.id)) continue;
    if (!name.includes('/') && PUBLISHED_TYPES.includes(r.resourceType as PublishedType)) {
      writeFileSync(join(out, `${r.resourceType}-${r.id}.json`), text);
      counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    } else if (Array.isArray(r.meta?.profile)) {
      // An instance claiming a profile: shown as the example of that profile's page.
      writeFileSync(join(out, 'examples', `${r.resourceType}-${r.id}.json`), text);
      counts.exemples = (counts.exemples ?? 0) + 1;
    }
  }
  if (!Object.keys(counts).some((k) => k !== 'exemples')) throw new ImportError(`${path} : aucune ressource de conformité (StructureDefinition, ValueSet, CodeSystem, Questionnaire, CapabilityStatement)`);
  const info: ImportedPackage = { id, version: manifest.version ?? 'local', source: path, importedAt: new Date().toISOString(), counts };
  writeFileSync(join(out, 'imported.json'), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
