/**
 * `npm run cda:facts`: compiles the computable facts of the CDA variant from the official material
 * (../shared/spec/tddui-cda, or the folder given as first argument) into src/cda/facts/cda-facts.json:
 * for each rule-set version, each value set's OID, name and (code, code system) pairs. Only facts are
 * kept (no display names, no prose). A test rebuilds it and compares, so the committed file stays fresh.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SPEC_DIR } from '../../definitions/paths.js';

export const CDA_FACTS_FILE = fileURLToPath(new URL('./cda-facts.json', import.meta.url));

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

/** A constraint of a 1.1.0 transport profile's differential (cardinality, pattern). */
export interface ElementFact {
  path: string;
  min?: number;
  max?: string;
  pattern?: string;
}

export interface TransportFacts {
  documentReference: { url: string; elements: ElementFact[] };
  bundle: { url: string; elements: ElementFact[]; slices: { name: string; min: number; max: string; resourceProfile?: string; elements: ElementFact[] }[] };
}

export interface CdaFacts {
  versions: Record<string, Record<string, CdaValueSetFacts>>;
  /** TDDUI 1.1.0 FHIR transport profiles (their canonicals are reused by the 2.x guide, so they are not compiled into profiles/). */
  transport: TransportFacts;
}

interface SdElement {
  id: string;
  path: string;
  min?: number;
  max?: string;
  type?: { code: string; profile?: string[] }[];
  [k: string]: unknown;
}

function elementFact(e: SdElement, path: string): ElementFact | undefined {
  const pattern = Object.entries(e).find(([k]) => k.startsWith('pattern') || k.startsWith('fixed'))?.[1];
  if (e.min === undefined && e.max === undefined && pattern === undefined) return undefined;
  return { path, ...(e.min !== undefined ? { min: e.min } : {}), ...(e.max !== undefined ? { max: e.max } : {}), ...(typeof pattern === 'string' ? { pattern } : {}) };
}

function readSd(specDir: string, name: string): { url: string; elements: SdElement[] } {
  const sd = JSON.parse(readFileSync(join(specDir, 'tddui-cda/fhir-1.1.0', name), 'utf8'));
  return { url: sd.url, elements: sd.differential.element };
}

function buildTransportFacts(specDir: string): TransportFacts {
  const dr = readSd(specDir, 'StructureDefinition-tddui-documentreference.json');
  const bundle = readSd(specDir, 'StructureDefinition-tddui-bundle.json');
  const slices: TransportFacts['bundle']['slices'] = [];
  const bundleElements: ElementFact[] = [];
  for (const e of bundle.elements) {
    const m = /^Bundle\.entry:([^.]+)(?:\.(.*))?$/.exec(e.id);
    if (!m) {
      const fact = elementFact(e, e.path);
      if (fact && e.path !== 'Bundle.entry') bundleElements.push(fact);
      continue;
    }
    if (!m[2]) {
      slices.push({ name: m[1], min: e.min ?? 0, max: e.max ?? '*', elements: [] });
      continue;
    }
    const slice = slices.find((s) => s.name === m[1])!;
    if (m[2] === 'resource') slice.resourceProfile = e.type?.[0]?.profile?.[0];
    const fact = elementFact(e, m[2]);
    if (fact) slice.elements.push(fact);
  }
  return {
    documentReference: { url: dr.url, elements: dr.elements.map((e) => elementFact(e, e.path)).filter((x): x is ElementFact => !!x) },
    bundle: { url: bundle.url, elements: bundleElements, slices },
  };
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
  return { versions, transport: buildTransportFacts(specDir) };
}

export function serialiseCdaFacts(facts: CdaFacts): string {
  return `${JSON.stringify(facts, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const facts = buildCdaFacts(process.argv[2] ?? DEFAULT_SPEC_DIR);
  writeFileSync(CDA_FACTS_FILE, serialiseCdaFacts(facts));
  console.log(`faits CDA : ${Object.entries(facts.versions).map(([v, s]) => `${v} ${Object.keys(s).length} jeux de valeurs`).join(', ')} → ${CDA_FACTS_FILE}`);
}
