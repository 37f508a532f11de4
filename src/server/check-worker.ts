/**
 * Worker thread running checks, so that the server's event loop stays free (health, reads) while a
 * large export is validated. Definitions and the Checker are built once when the worker starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CdaChecker } from '../cda/cda-checker.js';
import { resolveSchemaDir } from '../cda/xsd/schema-set.js';
import { openDefinitions } from '../cli/definitions.js';
import { runCheck } from '../reports/run-check.js';
import { Checker } from '../rules/checker.js';
import { FidelityInputError } from '../scenarios/fidelity/bundle-source.js';
import type { CheckJob, CheckJobResult } from './check-pool.js';

const port = parentPort!;
const data = workerData as { load: string[]; warmUp: boolean };
const { ctx } = await openDefinitions(data.load);
const checker = new Checker(ctx);
// CDA documents (TDDUI 1.1.0) are recognised by content, as in the CLI; the XSD folder comes from the environment or the import.
const cda = { checker: new CdaChecker({ schemaDir: resolveSchemaDir(undefined) }) };

/**
 * With warmUp, the worker checks a generated dataset after `ready` (start-up is not delayed); jobs arriving
 * meanwhile wait for it, then run on JIT-compiled code (the first large check of a fresh server: ~1 s less).
 */
async function warmUp(): Promise<void> {
  const { datasetBytes } = await import('../scenarios/index.js');
  const { bytes } = await datasetBytes('ssiad-sidoba', { seed: 1, usagers: 30 });
  for (let i = 0; i < 2; i++) await runCheck(checker, [{ name: 'warm-up', bytes }], { scenario: 'ssiad-sidoba' });
}
// A failed warm-up only costs speed: the jobs still run.
const warm = data.warmUp ? warmUp().catch(() => {}) : Promise.resolve();

port.on('message', (job: CheckJob) => {
  const inputs = job.inputs.map((i) => ({ name: i.name, bytes: Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }));
  warm.then(() => runCheck(checker, inputs, { ...job.options, cda })).then(
    (report) => port.postMessage({ jobId: job.jobId, report } satisfies CheckJobResult),
    (e: unknown) => port.postMessage({ jobId: job.jobId, error: (e as Error).message ?? String(e), badInput: e instanceof FidelityInputError } satisfies CheckJobResult),
  );
});
port.postMessage({ ready: true });
