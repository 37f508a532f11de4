/**
 * One check run, shared by the CLI and the server: inputs (name + bytes) → the report model. Callers own
 * the definitions and the Checker (built once per process and reused across runs).
 */
import { randomUUID } from 'node:crypto';
import type { Checker } from '../rules/checker.js';
import { summariseEntries } from './entries.js';
import type { Lang } from './messages.js';
import { buildReport, fileReport, sha256, type CheckReport, type FileReport } from './report-model.js';
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
  /** Run id (volatile block of the report); a random UUID by default. */
  runId?: string;
}

/**
 * Async because some stages are (the CDA XSD runs in WebAssembly, the server must not block its event loop
 * between inputs); inputs are still checked one after the other, in order.
 */
export async function runCheck(checker: Checker, inputs: readonly CheckInput[], options: RunCheckOptions = {}): Promise<CheckReport> {
  const lang = options.lang ?? 'fr';
  const startedAt = new Date().toISOString();
  const results: FileReport[] = [];
  for (const input of inputs) {
    const bytes = typeof input.bytes === 'function' ? input.bytes() : input.bytes;
    const checked = checker.check(bytes, { profiles: options.profiles, tddui: !options.fhirOnly });
    const result = fileReport({ file: input.name, sha256: sha256(bytes), bytes: bytes.length, format: checked.format }, checked.findings, lang);
    const entries = summariseEntries(checked.resource);
    if (entries) result.entries = entries;
    results.push(result);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return buildReport(TOOL, pinsOf(checker.definitions), results, lang, { id: options.runId ?? randomUUID(), startedAt, finishedAt: new Date().toISOString() });
}
