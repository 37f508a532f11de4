/**
 * `npm run bench`: every benchmark of the project, one after the other in fresh processes (so one stage's
 * heap never weighs on the next), then one summary of every target line ([PASS]/[FAIL]) they printed.
 *
 *   npm run bench                       all benches
 *   npm run bench -- engine cda         only these (names below)
 *   npm run bench -- engine -- --sizes 10000   options after `--` go to each selected bench
 *
 * Exit code: 1 when a bench process failed (crash, missing data), 0 otherwise — missed targets are
 * reported in the summary, they are measurements, not failures.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = {
  engine: 'bench/engine.ts',
  server: 'bench/server.ts',
  scenarios: 'bench/scenarios.ts',
  fidelity: 'bench/fidelity.ts',
  cda: 'bench/cda.ts',
  reports: 'bench/reports.ts',
} as const satisfies Record<string, string>;
type BenchName = keyof typeof BENCHES;

const PROJECT = fileURLToPath(new URL('../', import.meta.url));

function runOne(name: BenchName, extra: string[]): Promise<{ code: number; targets: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BENCHES[name], ...extra], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    const targets: string[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/\[(PASS|FAIL)\]/.test(line)) targets.push(line.trim());
    });
    child.on('close', (code) => resolve({ code: code ?? 1, targets }));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dashes = args.indexOf('--');
  const names = (dashes >= 0 ? args.slice(0, dashes) : args) as string[];
  const extra = dashes >= 0 ? args.slice(dashes + 1) : [];
  const unknown = names.filter((n) => !Object.hasOwn(BENCHES, n));
  if (unknown.length) {
    process.stderr.write(`bench inconnu : ${unknown.join(', ')} (disponibles : ${Object.keys(BENCHES).join(', ')})\n`);
    return 2;
  }
  const selected = (names.length ? names : Object.keys(BENCHES)) as BenchName[];
  const summary: string[] = [];
  let failed = false;
  for (const name of selected) {
    process.stdout.write(`\n══════ bench ${name} (${BENCHES[name]}) ══════\n`);
    const { code, targets } = await runOne(name, extra);
    if (code !== 0) failed = true;
    summary.push(`${name}${code !== 0 ? ` — processus en échec (code ${code})` : ''}`, ...targets.map((t) => `  ${t}`));
  }
  process.stdout.write(`\n══════ summary of targets ══════\n${summary.join('\n')}\n`);
  const passed = summary.filter((l) => l.includes('[PASS]')).length;
  const missed = summary.filter((l) => l.includes('[FAIL]')).length;
  process.stdout.write(`${passed} targets met, ${missed} missed\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
