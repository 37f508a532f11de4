/**
 * `npm run cda:facts`: compiles the computable facts of the CDA variant from the official material
 * (../shared/spec/tddui-cda, or the folder given as first argument) into src/cda/facts/cda-valuesets.json:
 * for each rule-set version, each value set's OID, name and (code, code system) pairs. Only facts are
 * kept (no display names, no prose). A test rebuilds it and compares, so the committed file stays fresh.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SPEC_DIR } from '../../definitions/paths.js';

export const CDA_FACTS_FILE = fileURLToPath(new URL('./cda-valuesets.json', import.meta.url));

/** Source of each rule-set version (derived JSON of the ART-DECOR exports, see the spec MANIFEST). */
const SOURCES: Record<string, string> = {
  '1.1.0': 'tddui-cda/derived/valuesets-tddui-1.1.0.json',
  '1.0.1': 'tddui-cda/derived/valuesets-cda-tddui-1.0.1.json',
};

interface SourceValueSet {
  oid: string;
  name: string;
  versionLabel?: string;
  concepts: { code: string; codeSystem: string }[];
}

export interface CdaValueSetFacts {
  name: string;
  version?: string;
  /** `code|codeSystem` pairs, sorted. */
  codes: string[];
}

export interface CdaFacts {
  versions: Record<string, Record<string, CdaValueSetFacts>>;
}

export function buildCdaFacts(specDir: string = DEFAULT_SPEC_DIR): CdaFacts {
  const versions: CdaFacts['versions'] = {};
  for (const [version, rel] of Object.entries(SOURCES)) {
    const sets = JSON.parse(readFileSync(join(specDir, rel), 'utf8')) as SourceValueSet[];
    const out: Record<string, CdaValueSetFacts> = {};
    for (const vs of [...sets].sort((a, b) => a.oid.localeCompare(b.oid))) {
      out[vs.oid] = {
        name: vs.name.replace(/\.tabs$/, ''),
        ...(vs.versionLabel ? { version: vs.versionLabel } : {}),
        codes: [...new Set(vs.concepts.map((c) => `${c.code}|${c.codeSystem}`))].sort(),
      };
    }
    versions[version] = out;
  }
  return { versions };
}

export function serialiseCdaFacts(facts: CdaFacts): string {
  return `${JSON.stringify(facts, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const facts = buildCdaFacts(process.argv[2] ?? DEFAULT_SPEC_DIR);
  writeFileSync(CDA_FACTS_FILE, serialiseCdaFacts(facts));
  console.log(`faits CDA : ${Object.entries(facts.versions).map(([v, s]) => `${v} ${Object.keys(s).length} jeux de valeurs`).join(', ')} → ${CDA_FACTS_FILE}`);
}
