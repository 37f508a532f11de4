/**
 * Worker thread running checks, so that the server's event loop stays free (health, reads) while a
 * large export is validated. Definitions and the Checker are built once when the worker starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDefinitions } from '../cli/definitions.js';
import { runCheck } from '../reports/run-check.js';
import { Checker } from '../rules/checker.js';
import type { CheckJob, CheckJobResult } from './check-pool.js';

const port = parentPort!;
const { ctx } = await openDefinitions((workerData as { load: string[] }).load);
const checker = new Checker(ctx);

port.on('message', (job: CheckJob) => {
  const inputs = job.inputs.map((i) => ({ name: i.name, bytes: Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }));
  runCheck(checker, inputs, job.options).then(
    (report) => port.postMessage({ jobId: job.jobId, report } satisfies CheckJobResult),
    (e: unknown) => port.postMessage({ jobId: job.jobId, error: (e as Error).message ?? String(e) } satisfies CheckJobResult),
  );
});
port.postMessage({ ready: true });
