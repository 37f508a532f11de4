/**
 * One check run, shared by the CLI and the server: inputs (name + bytes) → the report model. Callers own
 * the definitions and the Checker (built once per process and reused across runs).
 */
import { randomUUID } from 'node:crypto';
import { checkCdaInput, type CdaRunOptions } from '../cda/cda-input.js';
import type { Checker } from '../rules/checker.js';
import { scenarioChecklist } from '../scenarios/checklist.js';
import { scenarioCheckRules } from '../scenarios/rule-pack.js';
import { scenarioById } from '../scenarios/scenario-store.js';
import { compareWithDataset, FidelityDataset, fidelityReport, type BundleSource } from '../scenarios/fidelity/compare-exports.js';
import { finish } from '../validation/validate.js';
import { summariseEntries } from './entries.js';
import type { Lang } from './messages.js';
import { buildReport, fileReport, sha256, type CheckReport, type FidelityReport, type FileReport } from './report-model.js';
import { pinsOf, TOOL } from './tool-info.js';

export interface CheckInput {
  /** File name as shown in the report (a path for the CLI, the upload name for the server). */
  name: string;
  /** The bytes, or a reader called when this input's turn comes (a folder of large exports is not held at once). */
  bytes: Buffer | (() => Buffer);
}

export interface RunCheckOptions {
  lang?: Lang;
  /** Extra profiles the root resource of each input must conform to. */
  profiles?: string[];
  /** FHIR validation only: no tddui-bundle, no TDDUI rules. */
  fhirOnly?: boolean;
  /** Use-case scenario id: its rule pack runs after the TDDUI rules and each result gets its checklist. */
  scenario?: string;
  /** Run id (volatile block of the report); a random UUID by default. */
  runId?: string;
  /**
   * Round-trip fidelity: compare each input with this dataset (bytes, JSON or XML, or a parsed Bundle, e.g.
   * one the generator just made). Its FIDELITY-… findings join the input's issues; FileReport.fidelity is set.
   */
  expect?: ExpectedDataset;
  /** CDA variant (TDDUI 1.1.0 / CDA 1.0.1): CDA documents and 1.1.0 transport resources are recognised by content. */
  cda?: CdaRunOptions;
}

export interface ExpectedDataset {
  /** As shown in the report (a file path, or e.g. "scenario ssiad-sidoba"). */
  name: string;
  source: BundleSource;
  scenario?: string;
  seed?: number;
  usagers?: number;
}

/**
 * Async because some stages are (the CDA XSD runs in WebAssembly, the server must not block its event loop
 * between inputs); inputs are still checked one after the other, in order.
 */
export async function runCheck(checker: Checker, inputs: readonly CheckInput[], options: RunCheckOptions = {}): Promise<CheckReport> {
  const lang = options.lang ?? 'fr';
  const startedAt = new Date().toISOString();
  const results: FileReport[] = [];
  const scenario = options.scenario ? scenarioById(options.scenario) : undefined;
  const extraRules = scenario && !options.fhirOnly ? scenarioCheckRules(scenario) : undefined;
  // The dataset is read once (FidelityInputError when it is not a readable Bundle: a usage error).
  const expected = options.expect ? { dataset: new FidelityDataset(options.expect.source, { definitions: checker.definitions }), meta: datasetMeta(options.expect) } : undefined;
  // CDA inputs finish later (their XSD runs in batches in a worker): their slot is filled when done.
  const pending: Promise<void>[] = [];
  for (const input of inputs) {
    const bytes = typeof input.bytes === 'function' ? input.bytes() : input.bytes;
    const cda = options.cda ? checkCdaInput(options.cda, checker, bytes, options.profiles) : undefined;
    if (cda) {
      const slot = results.length;
      const meta = { file: input.name, sha256: sha256(bytes), bytes: bytes.length };
      results.push(fileReport({ ...meta }, [], lang));
      pending.push(cda.then((c) => { results[slot] = fileReport({ ...meta, format: c.format }, c.findings, lang); }));
      await options.cda!.checker.ready();
      continue;
    }
    const checked = checker.check(bytes, { profiles: options.profiles, tddui: !options.fhirOnly, extraRules });
    const info = { file: input.name, sha256: sha256(bytes), bytes: bytes.length, format: checked.format };
    let result: FileReport;
    if (!expected) {
      result = fileReport(info, checked.findings, lang);
    } else {
      const c = compareWithDataset(expected.dataset, checked.resource);
      checked.locate(c.findings);
      result = { ...fileReport(info, finish([...checked.findings, ...c.findings]), lang), fidelity: fidelityReport(expected.meta, c) };
    }
    if (scenario && extraRules) result.scenario = scenarioChecklist(scenario, checked.findings, lang);
    const entries = summariseEntries(checked.resource);
    if (entries) result.entries = entries;
    results.push(result);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  options.cda?.checker.flush();
  await Promise.all(pending);
  const pins = options.cda ? { ...pinsOf(checker.definitions), ...options.cda.checker.pins() } : pinsOf(checker.definitions);
  return buildReport(TOOL, pins, results, lang, { id: options.runId ?? randomUUID(), startedAt, finishedAt: new Date().toISOString() });
}

function datasetMeta(e: ExpectedDataset): FidelityReport['dataset'] {
  const bytes = typeof e.source === 'string' || e.source instanceof Uint8Array ? e.source : JSON.stringify(e.source);
  return {
    name: e.name, sha256: sha256(typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    ...(e.scenario !== undefined ? { scenario: e.scenario } : {}),
    ...(e.seed !== undefined ? { seed: e.seed } : {}),
    ...(e.usagers !== undefined ? { usagers: e.usagers } : {}),
  };
}
