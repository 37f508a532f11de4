/**
 * Server bench (`npx tsx bench/server.ts [--entries N]`): a real server on an ephemeral port (SQLite file in
 * a temporary folder), then over HTTP:
 *  - latency of GET /health at rest;
 *  - latency of GET /health while a large Bundle (default 10,000 entries, built from the official examples
 *    read at run time from ../shared/spec) is being checked through POST /api/v1/checks: checks run in a
 *    worker thread, so the event loop must stay free;
 *  - wall time of that check over HTTP (upload + check + storage + answer);
 *  - the same check in-process (runCheck, no HTTP), so that the server's own overhead is seen apart from the
 *    machine's load (the absolute times move with it; the overhead should not);
 *  - latency of a small valid transaction on POST /fhir.
 * Prints the figures, the targets and the ratios. Exit code 0 when every measurement ran (missed targets are
 * reported, not failures), 2 when the examples are missing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDefinitions } from '../src/cli/definitions.js';
import { DEFAULT_SPEC_DIR } from '../src/definitions/paths.js';
import { runCheck } from '../src/reports/run-check.js';
import { Checker } from '../src/rules/checker.js';
import { silentLogger } from '../src/server/log.js';
import { startServer } from '../src/server/server.js';
import { createOrganisation, createToken } from '../src/server/store/accounts.js';
import { minimalBundle } from '../test/cases/tddui-bundle.cases.js';
import { loadExampleGroup, writeBenchBundle } from './generate.js';
import { numberArg as arg, percentile, targetLine as line, timed } from './measure.js';

const TARGET = {
  /** GET /health p95 while a large check runs: the event loop is not blocked by checks. */
  healthP95DuringCheckMs: 50,
  /** 10,000-entry Bundle over HTTP: the engine's 2 s target plus 1 s for upload, storage and the answer. */
  largeCheckMs: 3000,
  /** Server overhead on that check: HTTP time minus the in-process runCheck time. */
  overheadMs: 1000,
  /** Small transaction (2 entries) on POST /fhir, median. */
  smallTransactionMs: 100,
};

/** POST a file with curl; resolves with the HTTP status, the body written to `out`. */
function curlPost(url: string, token: string, file: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-sS', '-o', out, '-w', '%{http_code}', '-H', `Authorization: Bearer ${token}`, '-H', 'Content-Type: application/fhir+json', '--data-binary', `@${file}`, url],
      (e, stdout) => (e ? reject(e) : resolve(Number(stdout))));
  });
}

async function main(): Promise<number> {
  const specDir = join(DEFAULT_SPEC_DIR, 'tddui-fhir', '2.4.0-ballot');
  if (!existsSync(specDir)) {
    process.stderr.write(`exemples officiels absents (${specDir}) : bench impossible\n`);
    return 2;
  }
  const entries = arg('entries', 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'tddui-bench-server-bench-'));
  const bundleFile = join(dir, 'bundle.json');
  const generated = writeBenchBundle(loadExampleGroup(specDir), entries, bundleFile);
  const server = await startServer({ warmUp: true, logger: silentLogger, config: { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), rateLimitPerMinute: 100_000 } });
  try {
    createOrganisation(server.context.db, 'Bench');
    const token = createToken(server.context.db, 'Bench', 'vendor').token;
    const auth = { Authorization: `Bearer ${token}` };
    const health = async () => (await timed(async () => (await fetch(`${server.url}/health`)).arrayBuffer()))[0];

    for (let i = 0; i < 20; i++) await health();
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await health());

    const body = readFileSync(bundleFile);
    // Warm-up check (first-run JIT of the worker), not timed.
    await fetch(`${server.url}/api/v1/checks`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(minimalBundle()) });
    let checking = true;
    const during: number[] = [];
    // The large check is sent by curl, in its own process as a CI would: reading the 10 MB answer is then not
    // charged to the server's event loop (an in-process client shares it). The answer is read back from its file.
    const answerFile = join(dir, 'answer.json');
    const large = timed(async () => {
      const status = await curlPost(`${server.url}/api/v1/checks?name=bench.json`, token, bundleFile, answerFile);
      checking = false;
      return { status, json: JSON.parse(readFileSync(answerFile, 'utf8')) as { verdict?: string; summary?: Record<string, number> } };
    });
    while (checking) {
      during.push(await health());
      await new Promise((r) => setTimeout(r, 5));
    }
    const [largeMs, largeRes] = await large;

    const small = JSON.stringify(minimalBundle());
    const tx: number[] = [];
    for (let i = 0; i < 30; i++) {
      tx.push((await timed(async () => (await fetch(`${server.url}/fhir`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/fhir+json' }, body: small })).arrayBuffer()))[0]);
    }

    const checker = new Checker((await openDefinitions()).ctx);
    await runCheck(checker, [{ name: 'warm-up', bytes: Buffer.from(JSON.stringify(minimalBundle())) }]);
    const [directMs] = await timed(() => runCheck(checker, [{ name: 'bench.json', bytes: body }]));

    const mb = (generated.bytes / 1024 / 1024).toFixed(1);
    process.stdout.write([
      `Serveur tddui-bench — ${entries} entrées (${mb} Mo), 1 fil de vérification, Node ${process.version}, charge machine ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
      `  GET /health au repos : p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms (${idle.length} requêtes)`,
      line(`GET /health p95 pendant la vérification (${during.length} req.)`, percentile(during, 95), TARGET.healthP95DuringCheckMs),
      `  GET /health pendant la vérification : p50 ${percentile(during, 50).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms`,
      line(`POST /api/v1/checks ${entries} entrées (HTTP ${largeRes.status}, ${largeRes.json.verdict})`, largeMs, TARGET.largeCheckMs),
      `  même vérification en processus (runCheck, sans HTTP) : ${directMs.toFixed(1)} ms`,
      line('surcoût du serveur (HTTP − en processus)', Math.max(0, largeMs - directMs), TARGET.overheadMs),
      line('POST /fhir transaction de 1 entrée, médiane', percentile(tx, 50), TARGET.smallTransactionMs),
      '',
    ].join('\n'));
    return 0;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { process.stderr.write(`${(e as Error).stack ?? String(e)}\n`); process.exitCode = 1; });
