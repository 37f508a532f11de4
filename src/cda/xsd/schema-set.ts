/**
 * The CDA XSD set (CDA_extended.xsd with the ANS extensions and its includes). It is official material
 * the project may not ship: it is read from a folder given by `--cda-schemas`, `TDDUI_BENCH_CDA_SCHEMAS`,
 * or the copy made by `tddui-bench cda import-schemas` in the data folder. No folder → undefined, and the
 * report says the XSD was not checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';

export const CDA_SCHEMA_ENTRY = 'CDA_extended.xsd';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export interface CdaSchemaSet {
  dir: string;
  entry: SchemaFile;
  preload: SchemaFile[];
  /** SHA-256 over the files (sorted names and contents): pins the schema version in reports. */
  sha256: string;
}

/** Data folder of the bench, as the server sees it (`TDDUI_BENCH_DATA`, default `./data`): one place for the database and imports. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TDDUI_BENCH_DATA || './data');
}

/** Where `cda import-schemas` puts the schemas. */
export function importedSchemaDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'cda-schemas');
}

/** The folder to use: the option, then the environment, then the imported copy (if present). */
export function resolveSchemaDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (option) return option;
  if (env.TDDUI_BENCH_CDA_SCHEMAS) return env.TDDUI_BENCH_CDA_SCHEMAS;
  const imported = importedSchemaDir(env);
  return existsSync(join(imported, CDA_SCHEMA_ENTRY)) ? imported : undefined;
}

function listXsd(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listXsd(p));
    else if (e.name.endsWith('.xsd')) out.push(p);
  }
  return out;
}

/** Reads every .xsd of the folder, named by its path relative to the folder (as the includes name them). */
export function loadSchemaSet(dir: string): CdaSchemaSet {
  if (!existsSync(join(dir, CDA_SCHEMA_ENTRY))) throw new Error(`${CDA_SCHEMA_ENTRY} introuvable dans ${dir}`);
  const files = listXsd(dir)
    .map((p) => ({ fileName: relative(dir, p).split(sep).join('/'), contents: readFileSync(p, 'utf8') }))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.fileName).update('\0').update(f.contents).update('\0');
  const entry = files.find((f) => f.fileName === CDA_SCHEMA_ENTRY)!;
  return { dir, entry, preload: files.filter((f) => f !== entry), sha256: hash.digest('hex') };
}
