/**
 * Bench of the scenario generator (`npx tsx bench/scenarios.ts [--usagers N] [--check-usagers M] [--scenario ID] [--keep]`):
 * generates N usagers (default 10,000) of migration-complete to a temporary file, then checks a dataset of
 * M usagers (default 1,000, the same seed) with the scenario's rule pack: 10,000 usagers of migration-complete
 * make about 540,000 entries, five times the engine's largest benchmarked Bundle (it did not finish within
 * 15 minutes on a loaded 2-core machine at 4 GB RSS); pass --check-usagers 10000 to check the full file. Each phase runs in a fresh process so that its peak RSS is its own. Prints the
 * figures, the targets and the ratios (`--no-check`: generation only); exit code 0 when both phases ran (a missed target is reported, not a
 * failure), 1 when a phase failed.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGET = { generateMs: 30_000 };
const MiB = 1024 * 1024;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface PhaseResult {
  ms: number;
  peakRssMB: number;
  detail: Record<string, number | string>;
}

async function phase(name: string, file: string, scenario: string, usagers: number): Promise<PhaseResult> {
  const t0 = performance.now();
  const detail: Record<string, number | string> = {};
  if (name === 'generate') {
    const { writeDataset } = await import('../src/scenarios/index.js');
    const out = createWriteStream(file);
    const manifest = await writeDataset(scenario, { seed: 1, usagers }, out);
    out.end();
    await once(out, 'finish');
    detail.entries = manifest.entries;
    detail.bytes = statSync(file).size;
  } else {
    const { openDefinitions } = await import('../src/cli/definitions.js');
    const { Checker } = await import('../src/rules/checker.js');
    const { runCheck } = await import('../src/reports/run-check.js');
    const { ctx } = await openDefinitions();
    const report = await runCheck(new Checker(ctx), [{ name: file, bytes: () => readFileSync(file) }], { scenario, runId: 'bench' });
    const r = report.results[0];
    detail.errors = r.summary.error + r.summary.fatal;
    detail.warnings = r.summary.warning;
    detail.requirementsFailed = r.scenario?.requirements.filter((q) => q.status === 'fail').length ?? -1;
  }
  return { ms: performance.now() - t0, peakRssMB: process.resourceUsage().maxRSS / 1024, detail };
}

async function main(): Promise<number> {
  const scenario = arg('--scenario') ?? 'migration-complete';
  const usagers = Number(arg('--usagers') ?? 10_000);
  const child = arg('--phase');
  if (child) {
    process.stdout.write(JSON.stringify(await phase(child, arg('--file')!, scenario, usagers)));
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tddui-bench-scenarios-'));
  const file = join(dir, `${scenario}.json`);
  const checkUsagers = Number(arg('--check-usagers') ?? 1_000);
  const checkFile = checkUsagers === usagers ? file : join(dir, `${scenario}-check.json`);
  const results: Record<string, PhaseResult> = {};
  try {
    const phases: [string, string, number][] = [['generate', file, usagers]];
    if (checkFile !== file) phases.push(['generate-for-check', checkFile, checkUsagers]);
    if (!process.argv.includes('--no-check')) phases.push(['check', checkFile, checkUsagers]);
    for (const [p, f, n] of phases) {
      process.stderr.write(`${p} : ${scenario}, ${n} usagers…\n`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', p === 'generate-for-check' ? 'generate' : p, '--file', f, '--scenario', scenario, '--usagers', String(n)], { encoding: 'utf8', maxBuffer: 16 * MiB });
      if (run.status !== 0) {
        process.stderr.write(`phase ${p} en échec :\n${run.stderr}\n`);
        return 1;
      }
      results[p] = JSON.parse(run.stdout) as PhaseResult;
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`fichiers conservés : ${dir}\n`);
  }
  const g = results.generate;
  const c = results.check as PhaseResult | undefined;
  const rows = [['génération', `${(g.ms / 1000).toFixed(1)} s`, `${g.peakRssMB.toFixed(0)} Mo`, `${g.detail.entries} entrées, ${(Number(g.detail.bytes) / MiB).toFixed(1)} Mo`]];
  if (c) rows.push([`vérification (${checkUsagers} usagers)`, `${(c.ms / 1000).toFixed(1)} s`, `${c.peakRssMB.toFixed(0)} Mo`, `${c.detail.errors} erreur(s), ${c.detail.requirementsFailed} exigence(s) en échec`]);
  process.stdout.write(`Scénario ${scenario}, ${usagers} usagers\n`);
  for (const r of rows) process.stdout.write(`  ${r[0].padEnd(30)} ${r[1].padStart(8)}   RSS max ${r[2].padStart(7)}   ${r[3]}\n`);
  const ratio = g.ms / TARGET.generateMs;
  process.stdout.write(`  cible génération < ${TARGET.generateMs / 1000} s : ratio ${ratio.toFixed(2)} — ${ratio <= 1 ? '[PASS]' : '[FAIL]'}\n`);
  process.stdout.write(`  mémoire de génération bornée (flux) : RSS max ${g.peakRssMB.toFixed(0)} Mo pour ${(Number(g.detail.bytes) / MiB).toFixed(0)} Mo écrits\n`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
