/**
 * Reads conformance resources from what a user points the bench at: a FHIR package folder
 * (`package/package.json` layout or a plain folder of JSON files), a FHIR package `.tgz`,
 * or a single JSON file (a resource or a Bundle of resources).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { FhirResource } from '../fhir-types.js';
import { collectConformanceResources, type ConformanceSource } from './conformance-source.js';

export class SourceReadError extends Error {}

interface PackageManifest { name?: string; version?: string }

export async function readConformanceSource(path: string, fallbackId?: { packageId: string; version: string }): Promise<ConformanceSource> {
  if (!existsSync(path)) throw new SourceReadError(`introuvable : ${path}`);
  const st = statSync(path);
  if (st.isDirectory()) return readFolder(path, fallbackId);
  if (path.endsWith('.tgz') || path.endsWith('.tar.gz')) return readTgz(path, fallbackId);
  const resources: FhirResource[] = [];
  collectConformanceResources(parseJsonFile(path, readFileSync(path, 'utf8')), resources);
  const id = fallbackId ?? { packageId: `local.${basename(path, extname(path))}`, version: 'local' };
  return { ...id, origin: path, resources };
}

function parseJsonFile(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SourceReadError(`${name} : JSON invalide (${(e as Error).message})`);
  }
}

function readFolder(dir: string, fallbackId?: { packageId: string; version: string }): ConformanceSource {
  const root = existsSync(join(dir, 'package', 'package.json')) ? join(dir, 'package') : dir;
  let manifest: PackageManifest = {};
  if (existsSync(join(root, 'package.json'))) manifest = parseJsonFile('package.json', readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;
  const resources: FhirResource[] = [];
  for (const file of listJsonFiles(root)) {
    if (basename(file) === 'package.json' || basename(file).startsWith('.')) continue;
    collectConformanceResources(parseJsonFile(file, readFileSync(file, 'utf8')), resources);
  }
  return {
    packageId: manifest.name ?? fallbackId?.packageId ?? `local.${basename(dir)}`,
    version: manifest.version ?? fallbackId?.version ?? 'local',
    origin: dir,
    resources,
  };
}

/** Recursive, sorted listing so that reads are deterministic. */
function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'node_modules' || name === 'other' || name === 'openapi') continue;
      out.push(...listJsonFiles(p));
    } else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Every .json file of a package .tgz, by its path in the archive (e.g. `package/StructureDefinition-x.json`). */
export async function readTgzJsonFiles(file: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const unreadable = (e: Error) => new SourceReadError(`${file} : archive illisible (${e.message})`);
  await new Promise<void>((resolve, reject) => {
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.type === 'file' && header.name.endsWith('.json')) files.set(header.name, Buffer.concat(chunks).toString('utf8'));
        next();
      });
      stream.on('error', reject);
    });
    extract.on('finish', resolve);
    extract.on('error', (e) => reject(unreadable(e)));
    const input = createReadStream(file);
    input.on('error', reject);
    const gunzip = createGunzip();
    gunzip.on('error', (e) => reject(unreadable(e)));
    input.pipe(gunzip).pipe(extract);
  });
  return files;
}

async function readTgz(file: string, fallbackId?: { packageId: string; version: string }): Promise<ConformanceSource> {
  const files = await readTgzJsonFiles(file);
  const manifestText = files.get('package/package.json');
  const manifest = manifestText ? (parseJsonFile('package.json', manifestText) as PackageManifest) : {};
  const resources: FhirResource[] = [];
  for (const name of [...files.keys()].sort()) {
    const base = basename(name);
    if (!name.startsWith('package/') || base === 'package.json' || base.startsWith('.')) continue;
    if (name.startsWith('package/other/') || name.startsWith('package/openapi/')) continue;
    collectConformanceResources(parseJsonFile(name, files.get(name)!), resources);
  }
  return {
    packageId: manifest.name ?? fallbackId?.packageId ?? `local.${basename(file, '.tgz')}`,
    version: manifest.version ?? fallbackId?.version ?? 'local',
    origin: file,
    resources,
  };
}
