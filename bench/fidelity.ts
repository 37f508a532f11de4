/**
 * Bench of the round-trip fidelity comparison (`npx tsx bench/fidelity.ts [options]`).
 *
 * Builds, in a temporary folder, a dataset of about N usagers by replicating the three official example
 * Bundles (3 usagers, 45 entries per copy; ids, fullUrls, references and identifiers made unique per copy,
 * test/support/fidelity-datasets.ts) and two re-exports of it: a perfect one (ids and fullUrls renamed,
 * references rewritten, entries shuffled) and a lossy one (1 entry in 100 dropped, 1 usager in 50 with an
 * altered sex). Each comparison runs in a fresh process (compareExports on the file bytes: both parses, the
 * matching, the field comparison, the findings), which reports its time and peak RSS.
 *
 * Targets (10,000 usagers ≈ 150,000 entries, ≈ 170 MB of compact JSON per side):
 *  - time ≤ 30 s per comparison: the budget issue 3 gives the generation of the same dataset, so that a
 *    generate → re-export → compare cycle stays within minutes on a 2-core machine;
 *  - peak RSS ≤ 6 × (dataset + export bytes) + 300 MB: both Bundles are held parsed (V8 objects take
 *    2.5 to 3 × their JSON size) while they are indexed and compared, plus the base process.
 *
 * Target lines are printed with [PASS]/[FAIL] for the summary of `npm run bench` (bench/index.ts on main).
 *
 * Options: --usagers N (default 10000), --seed N (default 1), --keep (keep the folder), --heap MB
 * (--max-old-space-size of the measuring processes, default 8192).
 * Exit code: 0 when both comparisons ran (a missed target is reported, not a failure), 1 when a measuring
 * process failed or a perfect re-export was not scored 100 %, 2 when the examples are missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareExports } from '../src/scenarios/fidelity/compare-exports.js';
import type { JsonObject } from '../src/validation/json-values.js';
import { specAvailable, TDDUI_EXAMPLES } from '../test/support/context.js';
import { exampleDataset, renameAndShuffle, replicateDataset } from '../test/support/fidelity-datasets.js';

const MiB = 1024 * 1024;
const TARGET = { seconds: 30, rssPerInput: 6, rssBaseMB: 300 };

interface Measure {
  ms: number;
  /** User + system CPU time of the comparison (all threads: GC helpers included). */
  cpuMs: number;
  maxRssMB: number;
  score: number;
  findings: number;
  byRule: Record<string, number>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Child mode: one comparison of two files, figures as JSON on stdout. */
function measure(expectedFile: string, actualFile: string): void {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const c = compareExports(readFileSync(expectedFile), readFileSync(actualFile));
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const byRule: Record<string, number> = {};
  for (const f of c.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const out: Measure = { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, score: c.score, findings: c.findings.length, byRule };
  process.stdout.write(JSON.stringify(out));
}

function lossy(reexport: JsonObject): JsonObject {
  const entries = (reexport.entry as JsonObject[]).filter((_, i) => i % 100 !== 99);
  let patients = 0;
  for (const e of entries) {
    const r = e.resource as JsonObject;
    if (r.resourceType === 'Patient' && patients++ % 50 === 0) r.gender = r.gender === 'male' ? 'female' : 'male';
  }
  return { ...reexport, entry: entries };
}

function runChild(expectedFile: string, actualFile: string, heapMB: number): Measure | undefined {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, '--import', 'tsx', self, '--measure', expectedFile, actualFile], {
    encoding: 'utf8', maxBuffer: 16 * MiB,
  });
  if (r.status !== 0) {
    process.stderr.write(`échec de la mesure (${r.status}) : ${r.stderr}\n`);
    return undefined;
  }
  return JSON.parse(r.stdout) as Measure;
}

function main(): number {
  if (process.argv.includes('--measure')) {
    const i = process.argv.indexOf('--measure');
    measure(process.argv[i + 1], process.argv[i + 2]);
    return 0;
  }
  if (!specAvailable()) {
    process.stderr.write(`exemples absents (${TDDUI_EXAMPLES}) : bench ignoré\n`);
    return 2;
  }
  const usagers = Number(arg('--usagers') ?? 10_000);
  const seed = Number(arg('--seed') ?? 1);
  const heapMB = Number(arg('--heap') ?? 8192);
  const dir = mkdtempSync(join(tmpdir(), 'tddui-bench-fidelity-'));
  try {
    process.stderr.write(`construction du jeu de données (${usagers} usagers) dans ${dir}…\n`);
    const dataset = replicateDataset(exampleDataset(), Math.ceil(usagers / 3));
    const files = { dataset: join(dir, 'jeu.json'), perfect: join(dir, 'reexport-parfait.json'), lossy: join(dir, 'reexport-pertes.json') };
    writeFileSync(files.dataset, JSON.stringify(dataset));
    const reexport = renameAndShuffle(dataset, seed);
    writeFileSync(files.perfect, JSON.stringify(reexport));
    writeFileSync(files.lossy, JSON.stringify(lossy(reexport)));
    const entries = (dataset.entry as unknown[]).length;

    let failed = false;
    const rows: string[] = [];
    const targets: string[] = [];
    for (const [label, file] of [['réexport parfait', files.perfect], ['réexport avec pertes', files.lossy]] as const) {
      process.stderr.write(`comparaison : ${label}…\n`);
      const m = runChild(files.dataset, file, heapMB);
      if (!m) {
        failed = true;
        continue;
      }
      const inputMB = (statSync(files.dataset).size + statSync(file).size) / MiB;
      const rssTarget = TARGET.rssPerInput * inputMB + TARGET.rssBaseMB;
      if (label === 'réexport parfait' && (m.score !== 100 || m.findings !== 0)) failed = true;
      const mark = (ok: boolean) => (ok ? '[PASS]' : '[FAIL]');
      targets.push(
        `${mark(m.ms / 1000 <= TARGET.seconds)} fidélité, ${label}, ${entries} entrées : ${(m.ms / 1000).toFixed(1)} s ≤ ${TARGET.seconds} s (ratio ${(m.ms / 1000 / TARGET.seconds).toFixed(2)})`,
        `${mark(m.maxRssMB <= rssTarget)} fidélité, ${label} : RSS max ${m.maxRssMB.toFixed(0)} Mo ≤ ${rssTarget.toFixed(0)} Mo (ratio ${(m.maxRssMB / rssTarget).toFixed(2)})`,
      );
      rows.push(
        `${label.padEnd(22)} ${(m.ms / 1000).toFixed(1).padStart(6)} s (cible ${TARGET.seconds} s, ratio ${(m.ms / 1000 / TARGET.seconds).toFixed(2)}; CPU ${(m.cpuMs / 1000).toFixed(1)} s)` +
        `  RSS max ${m.maxRssMB.toFixed(0).padStart(5)} Mo (cible ${rssTarget.toFixed(0)} Mo pour ${inputMB.toFixed(0)} Mo lus, ratio ${(m.maxRssMB / rssTarget).toFixed(2)})` +
        `  score ${m.score} %  constats ${m.findings} ${JSON.stringify(m.byRule)}`,
      );
    }
    const load = loadavg()[0];
    process.stdout.write(`Fidélité aller-retour : ${usagers} usagers demandés, ${entries} entrées par côté (Node ${process.version}, ${cpus().length} cœurs, charge ${load.toFixed(1)})\n`);
    if (load > cpus().length) process.stdout.write(`  attention : machine chargée (charge ${load.toFixed(1)} > ${cpus().length} cœurs), les temps écoulés sont majorés ; le temps CPU l’est moins\n`);
    for (const r of rows) process.stdout.write(`  ${r}\n`);
    for (const t of targets) process.stdout.write(`${t}\n`);
    return failed ? 1 : 0;
  } finally {
    if (process.argv.includes('--keep')) process.stderr.write(`dossier conservé : ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
