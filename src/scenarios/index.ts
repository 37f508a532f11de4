/**
 * Public face of the scenarios stage, shared by the CLI and the server: the scenario list, dataset
 * generation streamed to any writable stream, and in-memory regeneration (round-trip fidelity).
 */
import { PassThrough } from 'node:stream';
import { PROFILES_DIR } from '../definitions/paths.js';
import { DiskCompiledStore } from '../definitions/store/compiled-store.js';
import { DefinitionContext } from '../definitions/context/definition-context.js';
import type { JsonObject } from '../validation/json-values.js';
import { TOOL } from '../reports/tool-info.js';
import type { BuiltEntry } from './builders/common.js';
import { JsonBundleWriter, XmlBundleWriter, type BundleWriter, type DatasetFormat } from './bundle-writer.js';
import { DatasetBuilder, datasetParameters, type UsagerSummary } from './dataset.js';
import { DefectInjector, type InjectedDefect } from './defects.js';
import { loadScenarios, scenarioById } from './scenario-store.js';

export type { DatasetFormat } from './bundle-writer.js';
export type { Scenario, ScenarioRule } from './scenario-model.js';
export type { InjectedDefect } from './defects.js';
export { DEFECT_CATALOGUE } from './defects.js';
export { scenarioById, loadScenarios } from './scenario-store.js';

export interface ScenarioSummary {
  id: string;
  version: string;
  useCase: string;
  title: string;
  description: string;
  profiles: string[];
  rules: string[];
}

export function listScenarios(lang: 'fr' | 'en' = 'fr'): ScenarioSummary[] {
  return loadScenarios().map((s) => ({
    id: s.id, version: s.version, useCase: s.useCase, title: s.title[lang], description: s.description[lang], profiles: s.profiles, rules: s.rules.map((r) => r.id),
  }));
}

export interface DatasetOptions {
  seed: number;
  usagers?: number;
  /** YYYY-MM-DD; every date of the dataset derives from it (default: a fixed date). */
  referenceDate?: string;
  format?: DatasetFormat;
  /** Number of known defects to inject (see defects.ts). */
  defects?: number;
  /** Definitions to draw codes from and to write XML with (default: the shipped profiles/). */
  definitions?: DefinitionContext;
}

export interface ManifestObject {
  resourceType: string;
  profile: string;
  fullUrl: string;
  entry: number;
  businessId?: string;
}

export interface ManifestUsager extends UsagerSummary {
  objects: ManifestObject[];
}

/** What was generated: parameters, counts, injected defects (the per-usager objects go to the manifest file). */
export interface Manifest {
  generator: { name: string; version: string };
  scenario: { id: string; version: string };
  seed: number;
  usagers: number;
  referenceDate: string;
  format: DatasetFormat;
  essms: { finess: string; name: string };
  entries: number;
  byProfile: Record<string, number>;
  defects: InjectedDefect[];
  /** Requested defects no usager could take (see defects.ts). */
  defectsNotInjected: number;
}

let shipped: DefinitionContext | undefined;
function shippedDefinitions(): DefinitionContext {
  shipped ??= new DefinitionContext([new DiskCompiledStore(process.env.TDDUI_BENCH_PROFILES ?? PROFILES_DIR)]);
  return shipped;
}

/**
 * Generates the dataset and hands each entry to `onEntry` in order, then returns the manifest. The one loop
 * behind streaming (writeDataset) and in-memory generation (generateDataset).
 */
async function produce(
  id: string, options: DatasetOptions,
  onEntry: (e: BuiltEntry) => Promise<void> | void,
  onUsager?: (u: ManifestUsager) => Promise<void> | void,
): Promise<Manifest> {
  const scenario = scenarioById(id);
  const params = datasetParameters(scenario, options);
  const format = options.format ?? 'json';
  const builder = new DatasetBuilder(scenario, params, options.definitions ?? shippedDefinitions());
  const defects = new DefectInjector(scenario, params, options.defects ?? 0);
  const byProfile: Record<string, number> = {};
  let index = 0;
  const emit = async (e: BuiltEntry) => {
    byProfile[e.profile] = (byProfile[e.profile] ?? 0) + 1;
    await onEntry(e);
    return index++;
  };
  for (const e of builder.shared()) await emit(e);
  for (let i = 0; i < params.usagers; i++) {
    const block = builder.usager(i);
    defects.apply(block, index);
    const objects: ManifestObject[] = [];
    for (const e of block.entries) {
      const at = await emit(e);
      objects.push({ resourceType: String(e.resource.resourceType), profile: e.profile, fullUrl: e.fullUrl, entry: at, ...(e.businessId ? { businessId: e.businessId } : {}) });
    }
    await onUsager?.({ ...block.summary, objects });
  }
  const sortedProfiles = Object.fromEntries(Object.entries(byProfile).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    generator: { name: TOOL.name, version: TOOL.version },
    scenario: { id: scenario.id, version: scenario.version },
    seed: params.seed, usagers: params.usagers, referenceDate: params.referenceDate, format,
    essms: { finess: builder.ctx.finess, name: builder.ctx.essms.name },
    entries: index, byProfile: sortedProfiles, defects: defects.injected(), defectsNotInjected: defects.notInjected(),
  };
}

/**
 * Streams the dataset (one transaction Bundle) to `out`, and the full manifest (with the business identifiers
 * of every object) to `manifestOut` when given. Resolves with the manifest summary once everything is written.
 * `out` is not ended: the caller owns it.
 */
export async function writeDataset(id: string, options: DatasetOptions, out: NodeJS.WritableStream, manifestOut?: NodeJS.WritableStream): Promise<Manifest> {
  const format = options.format ?? 'json';
  const writer: BundleWriter = format === 'xml' ? new XmlBundleWriter(out, options.definitions ?? shippedDefinitions()) : new JsonBundleWriter(out);
  const usagerWriter = manifestOut ? new ManifestWriter(manifestOut) : undefined;
  await writer.begin();
  await usagerWriter?.begin();
  const manifest = await produce(id, options, (e) => writer.entry(e), usagerWriter && ((u) => usagerWriter.usager(u)));
  await writer.end();
  await usagerWriter?.end(manifest);
  return manifest;
}

/** The dataset as one in-memory Bundle (tests, round-trip fidelity): for sizes that fit in memory. */
export async function generateDataset(id: string, options: DatasetOptions): Promise<{ bundle: JsonObject; manifest: Manifest; usagers: ManifestUsager[] }> {
  const entries: JsonObject[] = [];
  const usagers: ManifestUsager[] = [];
  const manifest = await produce(id, options, (e) => {
    entries.push({ fullUrl: e.fullUrl, resource: e.resource, request: { method: 'POST', url: String(e.resource.resourceType) } });
  }, (u) => {
    usagers.push(u);
  });
  const bundle: JsonObject = { resourceType: 'Bundle', meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle'] }, type: 'transaction', entry: entries };
  return { bundle, manifest, usagers };
}

/** The dataset's bytes in memory (tests; the same bytes writeDataset streams). */
export async function datasetBytes(id: string, options: DatasetOptions): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const manifest = await writeDataset(id, options, sink);
  sink.end();
  return { bytes: Buffer.concat(chunks), manifest };
}

/** The manifest file: summary fields, then one usager per line as they are generated. */
class ManifestWriter {
  private first = true;

  constructor(private readonly out: NodeJS.WritableStream) {}

  private async write(text: string): Promise<void> {
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  async begin(): Promise<void> {
    await this.write('{"usagerRecords":[\n');
  }

  async usager(u: ManifestUsager): Promise<void> {
    await this.write(`${this.first ? '' : ',\n'}${JSON.stringify(u)}`);
    this.first = false;
  }

  async end(m: Manifest): Promise<void> {
    const summary = JSON.stringify(m, null, 2).slice(1);
    await this.write(`\n],\n${summary}\n`);
  }
}
