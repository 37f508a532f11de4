/**
 * `tddui-bench cda import-schemas <dir|zip>`: copies the official CDA XSD set (a folder holding
 * CDA_extended.xsd, e.g. TestContenuCDA-3-0/infrastructure/cda, or a zip of it) into the data folder and
 * records its hash, so later checks find it without an option.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { CDA_SCHEMA_ENTRY, importedSchemaDir, loadSchemaSet } from './schema-set.js';

export interface ImportResult {
  dir: string;
  files: number;
  sha256: string;
}

/** The .xsd entries of a zip (stored or deflated), named relative to the folder holding CDA_extended.xsd. */
export function readZipXsd(zip: Buffer): { name: string; data: Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('archive zip illisible (fin de répertoire absente)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('archive zip illisible (répertoire central)');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (!name.endsWith('.xsd') || name.includes('..')) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`méthode de compression zip non prise en charge (${method}) : ${name}`);
    out.push({ name, data: method === 8 ? inflateRawSync(raw, { maxOutputLength: 64 * 1024 * 1024 }) : Buffer.from(raw) });
  }
  const entry = out.find((f) => f.name === CDA_SCHEMA_ENTRY || f.name.endsWith(`/${CDA_SCHEMA_ENTRY}`));
  if (!entry) throw new Error(`${CDA_SCHEMA_ENTRY} absent de l’archive`);
  const prefix = entry.name.slice(0, entry.name.length - CDA_SCHEMA_ENTRY.length);
  return out.filter((f) => f.name.startsWith(prefix)).map((f) => ({ name: f.name.slice(prefix.length), data: f.data }));
}

export function importSchemas(source: string, env: NodeJS.ProcessEnv = process.env): ImportResult {
  const target = importedSchemaDir(env);
  let files: { name: string; data: Buffer }[];
  if (statSync(source).isDirectory()) {
    const set = loadSchemaSet(source);
    files = [set.entry, ...set.preload].map((f) => ({ name: f.fileName, data: Buffer.from(f.contents, 'utf8') }));
  } else {
    files = readZipXsd(readFileSync(source));
  }
  rmSync(target, { recursive: true, force: true });
  for (const f of files) {
    const p = join(target, f.name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.data);
  }
  const set = loadSchemaSet(target);
  writeFileSync(join(target, 'import.json'), `${JSON.stringify({ source, sha256: set.sha256, files: files.length, importedAt: new Date().toISOString() }, null, 2)}\n`);
  return { dir: target, files: files.length, sha256: set.sha256 };
}
