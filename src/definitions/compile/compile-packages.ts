/**
 * The compile pipeline: sources → snapshots (when missing) → compiled structures, value set expansions,
 * code systems and questionnaires, plus diagnostics for everything that could not be resolved.
 * Used by `npm run profiles:build` (writes profiles/) and by `--load` (in memory).
 */
import type { CodeSystem, FhirResource, StructureDefinition, ValueSet } from '../fhir-types.js';
import type { BuildDiagnostic, CompiledResource, CompiledStructure, PackageRef } from '../compiled-types.js';
import type { ConformanceSource } from '../sources/conformance-source.js';
import { generateMissingSnapshots, sdKey } from '../snapshot/generate-snapshots.js';
import { compileStructure, DefinitionError } from './compile-structure.js';
import { compileCodeSystem, compileValueSet, type TerminologyLookup } from './compile-terminology.js';
import { compileQuestionnaire } from './compile-questionnaire.js';

export interface CompileOptions {
  /** Definitions already available (e.g. the shipped compiled packages) used to resolve canonicals. */
  known?: (canonical: string) => boolean;
  /** Terminology already available as raw resources (core) for expanding the sources' value sets. */
  cacheDir: string;
  /** Compile the whole of R4 core too (profiles:build) or only use it for resolution (--load). */
  includeCore: boolean;
  /** Packages available to resolve canonicals and derive snapshots from, but not compiled again. */
  dependencies?: ConformanceSource[];
}

export interface CompileResult {
  resources: CompiledResource[];
  diagnostics: BuildDiagnostic[];
}

const BINDING_STRENGTHS_COMPILED = new Set(['required', 'extensible', 'preferred']);

export const stripVersion = (canonical: string) => canonical.split('|')[0];

export async function compilePackages(core: ConformanceSource, sources: ConformanceSource[], opts: CompileOptions): Promise<CompileResult> {
  const deps = opts.dependencies ?? [];
  const { generated, diagnostics } = await generateMissingSnapshots(core, [...deps, ...sources], opts.cacheDir);
  const out: CompiledResource[] = [];
  const byUrl = new Map<string, FhirResource[]>();
  const all = [core, ...deps, ...sources];
  for (const s of all) for (const r of s.resources) if (r.url) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
  const find = <T extends FhirResource>(type: string, canonical: string): T | undefined => {
    const [url, version] = canonical.split('|');
    const candidates = (byUrl.get(url) ?? []).filter((r) => r.resourceType === type);
    return (candidates.find((r) => !version || r.version === version) ?? candidates[candidates.length - 1]) as T | undefined;
  };
  const lookup: TerminologyLookup = { valueSet: (c) => find<ValueSet>('ValueSet', c), codeSystem: (c) => find<CodeSystem>('CodeSystem', c) };

  const structures: CompiledStructure[] = [];
  for (const s of opts.includeCore ? all : sources) {
    const pkg: PackageRef = { id: s.packageId, version: s.version };
    const keepHuman = s === core;
    for (const r of s.resources) {
      if (r.resourceType !== 'StructureDefinition') continue;
      const sd = r as StructureDefinition;
      if (sd.kind === 'logical') continue;
      const withSnapshot = sd.snapshot ? sd : generated.get(sdKey(sd));
      if (!withSnapshot) continue; // already reported by the snapshot step
      try {
        structures.push(compileStructure(withSnapshot, pkg, keepHuman));
      } catch (e) {
        if (!(e instanceof DefinitionError)) throw e;
        diagnostics.push({ severity: 'error', package: `${pkg.id}#${pkg.version}`, resource: sd.url, message: e.message });
      }
    }
  }
  out.push(...structures);

  // Value sets: every one a source defines, plus every one a compiled element binds (transitively included).
  const wanted = new Map<string, PackageRef>();
  for (const s of sources) for (const r of s.resources) if (r.resourceType === 'ValueSet' && r.url) wanted.set(r.url, { id: s.packageId, version: s.version });
  for (const st of structures) {
    for (const e of st.elements) {
      if (e.binding?.valueSet && BINDING_STRENGTHS_COMPILED.has(e.binding.strength)) {
        const url = stripVersion(e.binding.valueSet);
        if (!wanted.has(url) && !opts.known?.(url) && find('ValueSet', url)) wanted.set(url, packageOf(all, find('ValueSet', url)!));
      }
    }
  }
  for (const s of sources) for (const r of s.resources) if (r.resourceType === 'Questionnaire') collectAnswerValueSets((r.item as unknown[]) ?? [], (url) => {
    if (!wanted.has(url) && !opts.known?.(url) && find('ValueSet', url)) wanted.set(url, packageOf(all, find('ValueSet', url)!));
  });

  const systemsUsed = new Set<string>();
  for (const url of [...wanted.keys()].sort()) {
    const vs = find<ValueSet>('ValueSet', url)!;
    const compiled = compileValueSet(vs, wanted.get(url)!, lookup);
    out.push(compiled);
    for (const s of compiled.systems) {
      if (s.system) systemsUsed.add(s.system);
      if (s.open) diagnostics.push({ severity: 'information', package: `${compiled.package.id}#${compiled.package.version}`, resource: url, message: `extension locale partielle (${s.reason?.code}) : ${s.reason?.detail}` });
    }
  }

  const csWanted = new Map<string, PackageRef>();
  for (const s of sources) for (const r of s.resources) if (r.resourceType === 'CodeSystem' && r.url) csWanted.set(r.url, { id: s.packageId, version: s.version });
  for (const system of systemsUsed) {
    const cs = find<CodeSystem>('CodeSystem', system);
    if (cs && !csWanted.has(system) && !opts.known?.(system)) csWanted.set(system, packageOf(all, cs));
  }
  for (const url of [...csWanted.keys()].sort()) {
    const cs = find<CodeSystem>('CodeSystem', url)!;
    if (cs.content === 'not-present' || cs.supplements) continue;
    out.push(compileCodeSystem(cs, csWanted.get(url)!));
  }

  for (const s of sources) for (const r of s.resources) if (r.resourceType === 'Questionnaire' && r.url) out.push(compileQuestionnaire(r, { id: s.packageId, version: s.version }));

  diagnostics.push(...unresolvedCanonicals(structures, (c) => !!find('StructureDefinition', c) || !!opts.known?.(c), (c) => !!find('ValueSet', c) || !!opts.known?.(c)));
  return { resources: out, diagnostics };
}

function packageOf(all: ConformanceSource[], r: FhirResource): PackageRef {
  const s = all.find((x) => x.resources.includes(r))!;
  return { id: s.packageId, version: s.version };
}

function collectAnswerValueSets(items: unknown[], add: (url: string) => void): void {
  for (const it of items as { answerValueSet?: string; item?: unknown[] }[]) {
    if (it.answerValueSet) add(stripVersion(it.answerValueSet));
    if (it.item) collectAnswerValueSets(it.item, add);
  }
}

/** Canonicals a compiled structure points at that nothing loaded defines: reported, not fatal. */
function unresolvedCanonicals(structures: CompiledStructure[], sdKnown: (c: string) => boolean, vsKnown: (c: string) => boolean): BuildDiagnostic[] {
  const seen = new Map<string, BuildDiagnostic>();
  const report = (st: CompiledStructure, what: string, canonical: string, severity: BuildDiagnostic['severity']) => {
    const key = `${st.package.id}|${what}|${canonical}`;
    if (!seen.has(key)) seen.set(key, { severity, package: `${st.package.id}#${st.package.version}`, resource: st.url, message: `${what} non résolu : ${canonical}` });
  };
  for (const st of structures) {
    if (st.baseDefinition && !sdKnown(stripVersion(st.baseDefinition))) report(st, 'profil de base', st.baseDefinition, 'error');
    for (const e of st.elements) {
      for (const t of e.types ?? []) {
        for (const p of t.profiles ?? []) if (!sdKnown(stripVersion(p))) report(st, 'profil de type', p, 'warning');
        for (const p of t.targetProfiles ?? []) if (!sdKnown(stripVersion(p))) report(st, 'profil cible', p, 'warning');
      }
      const b = e.binding;
      if (b?.valueSet && (b.strength === 'required' || b.strength === 'extensible') && !vsKnown(stripVersion(b.valueSet))) report(st, `jeu de valeurs (${b.strength})`, b.valueSet, 'information');
    }
  }
  return [...seen.values()];
}
