/**
 * A check submitted through the API or the web pages: the run is recorded (input bytes, options, who) with
 * its report or its error, whether the caller waits for it or not.
 */
import { randomUUID } from 'node:crypto';
import type { CheckReport } from '../reports/report-model.js';
import { sha256 } from '../reports/report-model.js';
import type { ExpectedDataset, RunCheckOptions } from '../reports/run-check.js';
import type { ServerContext } from './context.js';

export interface CheckSubmission {
  orgId: number;
  tokenId: string;
  name: string;
  mediaType?: string;
  bytes: Buffer;
  options: RunCheckOptions;
  expect?: ExpectedDataset;
  /** Recorded with the options (e.g. `via: 'web'`), never passed to the check. */
  recorded?: Record<string, unknown>;
}

/** `wait: true` → the report (the run is stored first); `wait: false` → the run id at once, the check goes on in the background. */
export function submitCheck(ctx: ServerContext, s: CheckSubmission, wait: true): Promise<{ id: string; report: CheckReport }>;
export function submitCheck(ctx: ServerContext, s: CheckSubmission, wait: false): { id: string };
export function submitCheck(ctx: ServerContext, s: CheckSubmission, wait: boolean): Promise<{ id: string; report: CheckReport }> | { id: string } {
  const id = randomUUID();
  const run = {
    id, kind: 'check' as const, orgId: s.orgId, tokenId: s.tokenId, inputName: s.name, inputMediaType: s.mediaType,
    inputSha256: sha256(s.bytes), inputBytes: s.bytes,
    // The expected dataset is recorded by name: its bytes may be large and are not the vendor's input.
    options: { ...s.options, ...s.recorded, ...(s.expect ? { expect: s.expect.name } : {}) },
  };
  const check = () => ctx.pool.run([{ name: s.name, bytes: s.bytes }], { ...s.options, ...(s.expect ? { expect: s.expect } : {}), runId: id });
  if (!wait) {
    // Stored as pending before the check starts: its completion always finds the run to complete.
    ctx.runs.insert(run);
    const done = check().then(
      (report) => ctx.runs.complete(id, { report }),
      (e: Error) => {
        ctx.logger.log('error', 'check-failed', { run: id, message: e.message });
        ctx.runs.complete(id, { error: e.message });
      },
    ).finally(() => ctx.background.delete(done));
    ctx.background.add(done);
    return { id };
  }
  return check().then(
    (report) => {
      ctx.runs.insert(run, { report });
      return { id, report };
    },
    (e: Error) => {
      ctx.runs.insert(run, { error: e.message });
      throw e;
    },
  );
}
