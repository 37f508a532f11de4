/**
 * Performance bench of the TDDUI check (`npm run bench -- engine -- [options]`, or `npx tsx bench/engine.ts [options]`).
 *
 * Builds transaction Bundles of 100 / 1,000 / 10,000 / 100,000 TDDUI entries from the official examples
 * (bench/generate.ts, read at run time from ../shared/spec), validates each one fully with Checker.check in a
 * fresh process per size (bench/validate-one.ts: warm-up run first, cold first run reported separately, peak
 * RSS per size), measures the start-up of a fresh process (definitions + one tiny resource, from src/ through
 * tsx and from the built dist/), checks the targets and, when a time target is missed, profiles the check and
 * lists the hot spots. Prints a table on stdout (progress on stderr) and writes the raw figures to
 * .bench-out/results.json. Generated Bundles live in a temporary folder, removed at the end.
 *
 * Options:
 *   --sizes 100,1000,10000,100000   Bundle sizes (entries)
 *   --reps N                        timed runs per size (default: 15 / 7 / 3 / 1 by size; median reported)
 *   --warmup-runs N                 checks of the 45-entry warm-up Bundle before the timed runs (default 10;
 *                                   the first one is the cold first run reported separately)
 *   --spec-dir DIR                  folder holding the example Bundles (default ../shared/spec/tddui-fhir/<version>)
 *   --profile auto|none|all|SIZES   CPU profile: auto = sizes whose time target is missed (default)
 *   --heap MB                       --max-old-space-size for the measuring processes
 *   --child-flags "FLAGS"           extra node flags for the measuring processes (e.g. "--max-semi-space-size=64")
 *   --startup-runs N                runs per start-up measurement (default 5)
 *   --no-startup                    skip the start-up measurements
 *   --no-dist-build                 measure src/ through tsx instead of a fresh tsc build of src/
 *   --keep                          keep the temporary folder (Bundles, profiles)
 *   --out FILE                      results file (default .bench-out/results.json)
 *
 * Exit code: 0 when every measurement ran (missed targets are reported, not failures), 1 when a measuring
 * process failed, 2 when the examples are missing or an option is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summariseCpuProfile, type HotSpot, type ProfileSummary } from './cpu-profile.js';
import { EXAMPLE_FILES, loadExampleGroup, writeBenchBundle, type GeneratedBundle } from './generate.js';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const MiB = 1024 * 1024;

// ---- targets -------------------------------------------------------------------------------------------
const TARGET = {
  /** Full check of a 10,000-entry Bundle. */
  ms10k: 2000,
  /** time(100,000) ≤ 12 × time(10,000) */
  scale100kOver10k: 12,
  /** peak RSS < 4 × input + 300 MB */
  rssPerInput: 4,
  rssBaseMB: 300,
  /** fresh process: definitions + check of one tiny resource */
  startupMs: 1000,
};

// ---- options -------------------------------------------------------------------------------------------
interface Options {
  sizes: number[];
  reps?: number;
  warmupRuns: number;
  specDir?: string;
  profile: 'auto' | 'none' | 'all' | number[];
  heapMB?: number;
  childFlags: string[];
  startupRuns: number;
  startup: boolean;
  distBuild: boolean;
  keep: boolean;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [100, 1000, 10000, 100000],
    profile: 'auto',
    warmupRuns: 10,
    childFlags: [],
    startupRuns: 5,
    startup: true,
    distBuild: true,
    keep: false,
    out: join(PROJECT, '.bench-out', 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: value expected`);
      return v;
    };
    const ints = (v: string) =>
      v.split(',').map((x) => {
        const n = Number(x.replace(/_/g, ''));
        if (!Number.isInteger(n) || n <= 0) throw new Error(`${a}: not a positive integer: ${x}`);
        return n;
      });
    switch (a) {
      case '--sizes': o.sizes = ints(next()); break;
      case '--reps': o.reps = ints(next())[0]; break;
      case '--warmup-runs': o.warmupRuns = ints(next())[0]; break;
      case '--spec-dir': o.specDir = next(); break;
      case '--profile': {
        const v = next();
        o.profile = v === 'auto' || v === 'none' || v === 'all' ? v : ints(v);
        break;
      }
      case '--heap': o.heapMB = ints(next())[0]; break;
      case '--child-flags': o.childFlags = next().split(/\s+/).filter(Boolean); break;
      case '--startup-runs': o.startupRuns = ints(next())[0]; break;
      case '--no-startup': o.startup = false; break;
      case '--no-dist-build': o.distBuild = false; break;
      case '--keep': o.keep = true; break;
      case '--out': o.out = next(); break;
      case '--help': case '-h':
        process.stdout.write(usage());
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  return o;
}

function usage(): string {
  return 'npm run bench -- [--sizes 100,1000,10000,100000] [--reps N] [--warmup-runs N] [--spec-dir DIR] [--profile auto|none|all|SIZES]\n' +
    '                   [--heap MB] [--child-flags "FLAGS"] [--startup-runs N] [--no-startup] [--no-dist-build] [--keep] [--out FILE]\n';
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// ---- spec examples -------------------------------------------------------------------------------------
/** ../shared/spec/tddui-fhir/<version>/ holding the example Bundles (the highest version when several do). */
function findExampleDir(explicit?: string): string {
  if (explicit) return explicit;
  const base = join(PROJECT, '..', 'shared', 'spec', 'tddui-fhir');
  if (!existsSync(base)) {
    throw new Error(
      `Official TDDUI examples not found: ${base} does not exist.\n` +
        'The bench reads the example Bundles (' + EXAMPLE_FILES.join(', ') + ') at run time from the shared spec ' +
        'checkout beside the project; make it available or pass --spec-dir <dir>.',
    );
  }
  const versions = readdirSync(base).filter((v) => EXAMPLE_FILES.every((f) => existsSync(join(base, v, f))));
  if (!versions.length) throw new Error(`No folder under ${base} holds the example Bundles ${EXAMPLE_FILES.join(', ')}; pass --spec-dir <dir>.`);
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return join(base, versions[versions.length - 1]);
}

// ---- measuring processes -------------------------------------------------------------------------------
interface ChildResult {
  file: string;
  bytes: number;
  entries: number;
  reps: number;
  runsMs: number[];
  wallMs?: number;
  minMs?: number;
  readMs: number;
  jsonParseMs?: number;
  jsonParseRunsMs: number[];
  scanJsonMs?: number;
  memory: { rssBeforeMB: number; heapUsedBeforeMB: number; rssAfterMB: number; heapUsedAfterMB: number; peakRssMB: number; peakRssCheckPhaseMB?: number };
  findings: { total: number; bySeverity: Record<string, number>; byRule: Record<string, Record<string, number>> };
  cold: { importMs: number; contextMs: number; firstCheckMs: number; coldMs: number; warmupEntries: number; warmupFindings: number; warmupByRule: Record<string, Record<string, number>>; warmupRunsMs: number[] };
  gcExposed: boolean;
  node: string;
  cpuProfile?: { file: string; ms: number };
}

interface ProcessOutcome<T> {
  ok: boolean;
  result?: T;
  processWallMs: number;
  error?: string;
}

function runNode(args: string[], marker?: string): ProcessOutcome<unknown> & { stdout: string; status: number | null } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: PROJECT, encoding: 'utf8', maxBuffer: 256 * MiB, env: { ...process.env, NODE_OPTIONS: '' } });
  const processWallMs = Number(process.hrtime.bigint() - t) / 1e6;
  const stdout = r.stdout ?? '';
  const tail = (s: string) => s.trim().split('\n').slice(-8).join('\n');
  if (r.error) return { ok: false, processWallMs, error: r.error.message, stdout, status: r.status };
  if (marker) {
    const line = stdout.split('\n').find((l) => l.startsWith(`${marker} `));
    if (!line) {
      return { ok: false, processWallMs, error: `exit ${r.status ?? r.signal}: ${tail(r.stderr ?? '') || tail(stdout) || 'no output'}`, stdout, status: r.status };
    }
    return { ok: true, result: JSON.parse(line.slice(marker.length + 1)), processWallMs, stdout, status: r.status };
  }
  return { ok: true, processWallMs, stdout, status: r.status, error: r.status === 0 ? undefined : tail(r.stderr ?? '') };
}

function heapArgs(o: Options): string[] {
  return [...(o.heapMB ? [`--max-old-space-size=${o.heapMB}`] : []), ...o.childFlags];
}

function measureSize(o: Options, file: string, warmup: string, reps: number, cpuProfile?: string, engine?: string): ProcessOutcome<ChildResult> {
  const args = ['--import', 'tsx', '--expose-gc', ...heapArgs(o), join('bench', 'validate-one.ts'), '--file', file, '--warmup', warmup, '--reps', String(reps), '--warmup-runs', String(o.warmupRuns)];
  if (cpuProfile) args.push('--cpu-profile', cpuProfile);
  if (engine) args.push('--engine', engine);
  const r = runNode(args, 'BENCH-RESULT');
  return { ok: r.ok, result: r.result as ChildResult | undefined, processWallMs: r.processWallMs, error: r.error };
}

function defaultReps(size: number): number {
  return size <= 100 ? 15 : size <= 1000 ? 7 : size <= 10000 ? 3 : 1;
}

// ---- start-up ------------------------------------------------------------------------------------------
interface StartupFigures {
  label: string;
  command: string;
  runs: number;
  /** Spawn → exit of the process, median and each run. */
  processWallMs?: number;
  processWallRunsMs?: number[];
  /** In-process breakdown (probe only): node + loader start, module imports, context, tiny check. */
  inProcess?: { bootMs: number; importMs: number; contextMs: number; checkMs: number; totalMs: number };
  findings?: number;
  exitCode?: number | null;
  error?: string;
}

const TINY_RESOURCE = '{"resourceType":"Patient","id":"tiny","name":[{"family":"Durand","given":["Marie"]}],"gender":"female","birthDate":"1950-01-01"}\n';

function probeCode(srcRoot: string): string {
  const u = (p: string) => JSON.stringify(pathToFileURL(join(srcRoot, p)).href);
  return `const t0 = performance.now();
const { Checker } = await import(${u('rules/checker.js')});
const { DefinitionContext } = await import(${u('definitions/context/definition-context.js')});
const { DiskCompiledStore } = await import(${u('definitions/store/compiled-store.js')});
const { PROFILES_DIR } = await import(${u('definitions/paths.js')});
const t1 = performance.now();
const ctx = new DefinitionContext([new DiskCompiledStore(PROFILES_DIR)]);
const t2 = performance.now();
const r = new Checker(ctx).check(${JSON.stringify(TINY_RESOURCE)});
const t3 = performance.now();
console.log('STARTUP-RESULT ' + JSON.stringify({ bootMs: t0, importMs: t1 - t0, contextMs: t2 - t1, checkMs: t3 - t2, totalMs: t3, findings: r.findings.length }));
`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measureStartup(label: string, args: string[], runs: number, probe: boolean): StartupFigures {
  const shown = ['node', ...args.map((a) => (a.includes('\n') ? '<probe code>' : relative(PROJECT, a).startsWith('..') ? a : relative(PROJECT, a) || a))].join(' ');
  const fig: StartupFigures = { label, command: shown, runs };
  const walls: number[] = [];
  const inProc: NonNullable<StartupFigures['inProcess']>[] = [];
  for (let i = 0; i < runs; i++) {
    const r = runNode(args, probe ? 'STARTUP-RESULT' : undefined);
    if (!r.ok || (!probe && r.status !== 0 && r.status !== 1)) {
      fig.error = r.error ?? `exit ${r.status}`;
      fig.exitCode = r.status;
      return fig;
    }
    walls.push(r.processWallMs);
    fig.exitCode = r.status;
    if (probe) {
      const x = r.result as NonNullable<StartupFigures['inProcess']> & { findings: number };
      inProc.push(x);
      fig.findings = x.findings;
    }
  }
  fig.processWallMs = median(walls);
  fig.processWallRunsMs = walls;
  if (inProc.length) {
    const med = (k: keyof NonNullable<StartupFigures['inProcess']>) => median(inProc.map((x) => x[k]));
    fig.inProcess = { bootMs: med('bootMs'), importMs: med('importMs'), contextMs: med('contextMs'), checkMs: med('checkMs'), totalMs: med('totalMs') };
  }
  return fig;
}

/**
 * A fresh temporary build of src/ (links to profiles/ and node_modules/): the engine as users run it. The
 * project's own dist/ is not used, as it may be older than src/.
 */
function locateDist(o: Options, tmp: string): { dir?: string; origin: string; buildMs?: number; error?: string } {
  if (!o.distBuild) return { origin: 'not built (--no-dist-build): src/ through tsx' };
  const root = join(tmp, 'build');
  mkdirSync(root);
  for (const name of ['profiles', 'node_modules', 'package.json']) symlinkSync(join(PROJECT, name), join(root, name));
  const tsc = join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc');
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [tsc, '-p', join(PROJECT, 'tsconfig.build.json'), '--outDir', join(root, 'dist')], { cwd: PROJECT, encoding: 'utf8' });
  const buildMs = Number(process.hrtime.bigint() - t) / 1e6;
  const dir = join(root, 'dist');
  if (!existsSync(join(dir, 'rules', 'checker.js'))) {
    return { origin: 'temporary build failed', buildMs, error: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(0, 5).join('\n') };
  }
  return {
    dir,
    origin: `temporary build of src/ (tsc -p tsconfig.build.json --outDir <tmp>, ${Math.round(buildMs)} ms${r.status ? `, tsc exit ${r.status}: ${`${r.stdout ?? ''}`.trim().split('\n')[0]}` : ''})`,
    buildMs,
  };
}

// ---- report --------------------------------------------------------------------------------------------
interface SizeFigures {
  size: number;
  generated: GeneratedBundle;
  inputMB: number;
  outcome: ProcessOutcome<ChildResult>;
  entriesPerSecond?: number;
  peakRssMB?: number;
  rssLimitMB: number;
  parseRatio?: number;
}

type Verdict = 'PASS' | 'FAIL' | 'n/a';

interface TargetCheck {
  target: string;
  measured: string;
  verdict: Verdict;
}

function fmt(n: number | undefined, digits = 0): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(headers: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function spotLines(spots: HotSpot[]): string[] {
  return spots.map((h) => `    ${(h.share * 100).toFixed(1).padStart(5)} %  ${fmt(h.ms).padStart(7)} ms  ${h.fn}${h.where && h.where !== h.fn ? `  (${h.where})` : ''}`);
}

/**
 * Fatal/error findings of a size, split into rules that already fire on the warm-up Bundle (one copy of the
 * official examples: the data itself, e.g. an example identifier with a wrong key) and the others (the bench
 * data or the engine at fault). An inherited rule must not fire more often than once per copy would give.
 */
function blocking(r: ChildResult): { total: number; inherited: [string, number][]; unexpected: [string, number][] } {
  const copies = Math.ceil(r.entries / Math.max(1, r.cold.warmupEntries));
  const inherited: [string, number][] = [];
  const unexpected: [string, number][] = [];
  let total = 0;
  for (const sev of ['fatal', 'error']) {
    for (const [id, n] of Object.entries(r.findings.byRule[sev] ?? {})) {
      total += n;
      const perCopy = r.cold.warmupByRule[sev]?.[id] ?? 0;
      (perCopy > 0 && n <= perCopy * copies ? inherited : unexpected).push([id, n]);
    }
  }
  return { total, inherited, unexpected };
}

function gitState(): { commit?: string; dirtyFiles?: number } {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: PROJECT, encoding: 'utf8' });
  return {
    commit: head.status === 0 ? head.stdout.trim() : undefined,
    dirtyFiles: status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : undefined,
  };
}

// ---- main ----------------------------------------------------------------------------------------------
function main(): number {
  let o: Options;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n${usage()}`);
    return 2;
  }
  let exampleDir: string;
  let group: ReturnType<typeof loadExampleGroup>;
  try {
    exampleDir = findExampleDir(o.specDir);
    group = loadExampleGroup(exampleDir);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    return 2;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'tddui-bench-'));
  const loadBefore = loadavg();
  try {
    log(`examples: ${exampleDir} (${group.entries.length} entries per copy); temporary folder ${tmp}`);
    const warmup = writeBenchBundle(group, group.entries.length, join(tmp, 'warmup.json'));

    // Checks are timed on a fresh tsc build (what users run); start-up is measured on it too.
    const dist = locateDist(o, tmp);
    log(`engine: ${dist.dir ? dist.origin : `src/ through tsx (${dist.origin}${dist.error ? `: ${dist.error}` : ''})`}`);

    const sizes: SizeFigures[] = [];
    for (const size of o.sizes) {
      const generated = writeBenchBundle(group, size, join(tmp, `bundle-${size}.json`));
      const inputMB = generated.bytes / MiB;
      const reps = o.reps ?? defaultReps(size);
      log(`${fmt(size)} entries: ${fmt(inputMB, 1)} MiB written; checking (${reps} timed run${reps > 1 ? 's' : ''}) in a fresh process…`);
      const outcome = measureSize(o, generated.file, warmup.file, reps, undefined, dist.dir);
      const r = outcome.result;
      const peak = r ? Math.max(r.memory.peakRssMB, r.memory.peakRssCheckPhaseMB ?? 0) : undefined;
      const fig: SizeFigures = {
        size,
        generated,
        inputMB,
        outcome,
        entriesPerSecond: r?.wallMs ? size / (r.wallMs / 1000) : undefined,
        peakRssMB: peak,
        rssLimitMB: TARGET.rssPerInput * inputMB + TARGET.rssBaseMB,
        parseRatio: r?.wallMs && r.jsonParseMs ? r.wallMs / r.jsonParseMs : undefined,
      };
      sizes.push(fig);
      if (r) log(`  ${fmt(r.wallMs)} ms, peak RSS ${fmt(peak)} MiB, findings ${JSON.stringify(r.findings.bySeverity)}`);
      else log(`  FAILED: ${outcome.error}`);
    }

    // Start-up of a fresh process.
    const startup: StartupFigures[] = [];
    if (o.startup) {
      log('start-up measurements…');
      writeFileSync(join(tmp, 'tiny-patient.json'), TINY_RESOURCE);
      const tiny = join(tmp, 'tiny-patient.json');
      startup.push(measureStartup('probe, src/ via tsx', ['--import', 'tsx', '--input-type=module', '-e', probeCode(join(PROJECT, 'src'))], o.startupRuns, true));
      if (dist.dir) startup.push(measureStartup('probe, built dist/', ['--input-type=module', '-e', probeCode(dist.dir)], o.startupRuns, true));
      if (existsSync(join(PROJECT, 'src', 'cli', 'main.ts'))) {
        startup.push(measureStartup('CLI check, src/ via tsx', ['--import', 'tsx', join(PROJECT, 'src', 'cli', 'main.ts'), 'check', tiny], o.startupRuns, false));
      }
      if (dist.dir && existsSync(join(dist.dir, 'cli', 'main.js'))) {
        startup.push(measureStartup('CLI check, built dist/', [join(dist.dir, 'cli', 'main.js'), 'check', tiny], o.startupRuns, false));
      }
    }

    // Targets.
    const bySize = new Map(sizes.map((s) => [s.size, s]));
    const t10k = bySize.get(10000)?.outcome.result?.wallMs;
    const t100k = bySize.get(100000)?.outcome.result?.wallMs;
    const checks: TargetCheck[] = [];
    checks.push({
      target: `10,000 entries < ${fmt(TARGET.ms10k)} ms`,
      measured: t10k !== undefined ? `${fmt(t10k)} ms (${(t10k / TARGET.ms10k).toFixed(2)} × target)` : 'not measured',
      verdict: t10k === undefined ? 'n/a' : t10k < TARGET.ms10k ? 'PASS' : 'FAIL',
    });
    checks.push({
      target: `time(100,000) ≤ ${TARGET.scale100kOver10k} × time(10,000)`,
      measured: t10k !== undefined && t100k !== undefined ? `${fmt(t100k)} ms = ${(t100k / t10k).toFixed(2)} × ${fmt(t10k)} ms` : 'not measured',
      verdict: t10k === undefined || t100k === undefined ? 'n/a' : t100k <= TARGET.scale100kOver10k * t10k ? 'PASS' : 'FAIL',
    });
    for (const s of sizes) {
      checks.push({
        target: `peak RSS < 4 × input + 300 MiB at ${fmt(s.size)} entries`,
        measured: s.peakRssMB !== undefined ? `${fmt(s.peakRssMB)} MiB vs limit ${fmt(s.rssLimitMB)} MiB (input ${fmt(s.inputMB, 1)} MiB)` : 'not measured',
        verdict: s.peakRssMB === undefined ? 'n/a' : s.peakRssMB < s.rssLimitMB ? 'PASS' : 'FAIL',
      });
    }
    for (const s of sizes) {
      const r = s.outcome.result;
      const c = r ? blocking(r) : undefined;
      checks.push({
        target: `dataset clean at ${fmt(s.size)} entries (no fatal/error beyond what the official examples yield)`,
        measured: !c ? 'not measured'
          : `${fmt(c.total)} fatal/error` + (c.inherited.length ? `, all from rules the ${r!.cold.warmupEntries}-entry examples copy already trips (${c.inherited.map(([id, n]) => `${id} × ${fmt(n)}`).join(', ')})` : '') +
            (c.unexpected.length ? `; UNEXPECTED: ${c.unexpected.map(([id, n]) => `${id} × ${fmt(n)}`).join(', ')}` : ''),
        verdict: !c ? 'n/a' : c.unexpected.length === 0 ? 'PASS' : 'FAIL',
      });
    }
    for (const st of startup) {
      checks.push({
        target: `start-up < ${fmt(TARGET.startupMs)} ms: ${st.label}`,
        measured: st.processWallMs !== undefined ? `${fmt(st.processWallMs)} ms (process spawn → exit, median of ${st.runs})` : `failed: ${st.error}`,
        verdict: st.processWallMs === undefined ? 'n/a' : st.processWallMs < TARGET.startupMs ? 'PASS' : 'FAIL',
      });
    }

    // CPU profiles where the time targets are missed (or as asked).
    const profileSizes = new Set<number>();
    if (o.profile === 'all') for (const s of sizes) profileSizes.add(s.size);
    else if (Array.isArray(o.profile)) for (const n of o.profile) profileSizes.add(n);
    else if (o.profile === 'auto') {
      if (checks[0].verdict === 'FAIL') profileSizes.add(10000);
      if (checks[1].verdict === 'FAIL') profileSizes.add(100000);
    }
    const profiles: { size: number; checkMs?: number; summary?: ProfileSummary; error?: string }[] = [];
    for (const size of [...profileSizes].sort((a, b) => a - b)) {
      const s = bySize.get(size);
      if (!s) {
        profiles.push({ size, error: 'size not generated in this run (add it to --sizes)' });
        continue;
      }
      log(`CPU profile of one check of ${fmt(size)} entries…`);
      const out = join(tmp, `check-${size}.cpuprofile`);
      const r = measureSize(o, s.generated.file, warmup.file, 0, out);
      if (!r.ok || !existsSync(out)) {
        profiles.push({ size, error: r.error ?? 'no profile written' });
        continue;
      }
      profiles.push({ size, checkMs: r.result?.cpuProfile?.ms, summary: summariseCpuProfile(out, PROJECT, 15) });
    }

    // ---- printed report ----
    const lines: string[] = [];
    const git = gitState();
    const cpu = cpus();
    lines.push('TDDUI check bench');
    const loadAfter = loadavg();
    lines.push(`node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${fmt(totalmem() / MiB / 1024, 1)} GiB RAM; project ${git.commit ?? '?'}${git.dirtyFiles ? ` + ${git.dirtyFiles} uncommitted file(s)` : ''}`);
    lines.push(`load average (1/5/15 min) at start ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, at end ${loadAfter.map((x) => x.toFixed(2)).join(' ')}` +
      (o.childFlags.length || o.heapMB ? `; measuring processes run with ${heapArgs(o).join(' ')}` : ''));
    lines.push(`data: copies of the ${group.entries.length} entries of ${EXAMPLE_FILES.join(', ')} (${relative(PROJECT, exampleDir)}), compact JSON`);
    lines.push(`wall = median of the timed Checker.check(text) runs (n) in a fresh process per size, after ${o.warmupRuns} checks of a ${warmup.entries}-entry warm-up Bundle;`);
    lines.push('1st = first timed run on that Bundle; MiB = 2^20 bytes; peak RSS = whole measuring process (node + definitions + text + check)');
    lines.push('');
    const rows = sizes.map((s) => {
      const r = s.outcome.result;
      const f = r?.findings.bySeverity;
      return [
        fmt(s.size),
        fmt(s.inputMB, 2),
        r ? `${fmt(r.wallMs)} (n=${r.reps})` : 'FAILED',
        fmt(r?.runsMs[0]),
        fmt(s.entriesPerSecond),
        fmt(s.peakRssMB),
        fmt(s.rssLimitMB),
        fmt(r?.jsonParseMs, 1),
        s.parseRatio !== undefined ? `${fmt(s.parseRatio, 1)} ×` : '—',
        fmt(r?.scanJsonMs, 1),
        f ? `${f.fatal ?? 0}/${f.error ?? 0}/${fmt(f.warning ?? 0)}/${fmt(f.information ?? 0)}` : '—',
      ];
    });
    lines.push(table(['entries', 'input MiB', 'wall ms', '1st ms', 'entries/s', 'peak RSS MiB', 'RSS limit', 'JSON.parse ms', 'vs JSON.parse', 'scanJson ms', 'fatal/error/warn/info'], rows));
    for (const s of sizes.filter((x) => !x.outcome.ok)) lines.push(`  ${fmt(s.size)} entries failed: ${s.outcome.error}`);
    lines.push('');

    lines.push(`Cold first run (each fresh process: module imports, then DefinitionContext + first check of the ${warmup.entries}-entry warm-up Bundle; not counted above):`);
    const colds = sizes.map((s) => s.outcome.result?.cold).filter((c): c is ChildResult['cold'] => !!c);
    if (colds.length) {
      lines.push(`  context + first check: median ${fmt(median(colds.map((c) => c.coldMs)))} ms (per process: ${colds.map((c) => fmt(c.coldMs)).join(', ')}); ` +
        `of which context ${fmt(median(colds.map((c) => c.contextMs)), 1)} ms; module imports before it ${fmt(median(colds.map((c) => c.importMs)))} ms`);
      const w = colds[0].warmupRunsMs;
      if (w.length > 1) lines.push(`  warm-up runs of the ${warmup.entries}-entry Bundle (first process): ${w.map((x) => fmt(x)).join(', ')} ms`);
    }
    lines.push('');

    lines.push('Memory per size (MiB): RSS before checks → after (result alive), heap used after; peak = max(getrusage maxRSS, VmHWM of the check phase)');
    for (const s of sizes) {
      const m = s.outcome.result?.memory;
      if (m) lines.push(`  ${fmt(s.size).padStart(7)}: RSS ${fmt(m.rssBeforeMB)} → ${fmt(m.rssAfterMB)}, heap used ${fmt(m.heapUsedBeforeMB)} → ${fmt(m.heapUsedAfterMB)}, peak ${fmt(s.peakRssMB)} (process lifetime ${fmt(m.peakRssMB)}, check phase ${fmt(m.peakRssCheckPhaseMB)})`);
    }
    lines.push('');

    lines.push('Findings by rule (fatal, error, warning; information totals in the table):');
    const w0 = sizes.find((s) => s.outcome.result)?.outcome.result?.cold;
    if (w0) {
      const parts = ['fatal', 'error', 'warning'].flatMap((sev) => Object.entries(w0.warmupByRule[sev] ?? {}).map(([id, n]) => `${sev} ${id} × ${fmt(n)}`));
      lines.push(`  one copy (${w0.warmupEntries} entries, the examples themselves): ${parts.join('; ') || 'none'}`);
    }
    for (const s of sizes) {
      const byRule = s.outcome.result?.findings.byRule;
      if (!byRule) continue;
      const parts = ['fatal', 'error', 'warning'].flatMap((sev) => Object.entries(byRule[sev] ?? {}).map(([id, n]) => `${sev} ${id} × ${fmt(n)}`));
      lines.push(`  ${fmt(s.size).padStart(7)}: ${parts.join('; ') || 'none'}`);
    }
    const refStats = sizes[sizes.length - 1]?.generated.references;
    if (refStats) {
      lines.push(`  (references in the largest Bundle: ${fmt(refStats.internal)} rewritten inside their copy, of which ${fmt(refStats.relative)} kept as Type/id; ` +
        `${fmt(refStats.retargeted)} leaving the examples pointed at a same-type entry of the copy; ${fmt(refStats.dropped)} dropped)`);
    }
    lines.push('');

    if (o.startup) {
      lines.push(`Start-up of a fresh process: definitions + check of one tiny Patient (median of ${o.startupRuns}); dist: ${dist?.origin ?? '—'}`);
      if (dist?.error) lines.push(`  dist build error: ${dist.error}`);
      lines.push(table(
        ['measure', 'process ms', 'boot+loader', 'imports', 'context', 'check', 'exit', 'command'],
        startup.map((st) => [
          st.label,
          st.processWallMs !== undefined ? fmt(st.processWallMs) : 'FAILED',
          fmt(st.inProcess?.bootMs),
          fmt(st.inProcess?.importMs),
          fmt(st.inProcess?.contextMs, 1),
          fmt(st.inProcess?.checkMs),
          String(st.exitCode ?? '—'),
          st.command.length > 90 ? `${st.command.slice(0, 87)}...` : st.command,
        ]),
        [0, 7],
      ));
      for (const st of startup.filter((x) => x.error)) lines.push(`  ${st.label} failed: ${st.error}`);
      lines.push('');
    }

    lines.push('Targets:');
    for (const c of checks) lines.push(`  [${c.verdict}] ${c.target}: ${c.measured}`);
    lines.push('');

    for (const p of profiles) {
      if (!p.summary) {
        lines.push(`CPU profile of ${fmt(p.size)} entries: not available (${p.error})`);
        continue;
      }
      const sm = p.summary;
      lines.push(`CPU profile of one check of ${fmt(p.size)} entries (${fmt(p.checkMs)} ms under the profiler, ${fmt(sm.samples)} samples, shares of ${fmt(sm.totalMs)} ms):`);
      lines.push('  self time by function:');
      lines.push(...spotLines(sm.self));
      lines.push('  inclusive time (callees included), src/ functions:');
      lines.push(...spotLines(sm.inclusiveSrc));
      lines.push('  self time by file:');
      lines.push(...spotLines(sm.byFile));
      lines.push('');
    }

    process.stdout.write(`${lines.join('\n')}\n`);

    const results = {
      bench: 'tddui-bench check',
      date: new Date().toISOString(),
      environment: {
        node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model, totalMemMiB: totalmem() / MiB, git,
        loadAverage: { start: loadBefore, end: loadAfter }, childFlags: heapArgs(o),
      },
      data: { exampleDir, exampleFiles: EXAMPLE_FILES, entriesPerCopy: group.entries.length, serialisation: 'compact JSON, one entry per line' },
      units: { time: 'ms', memory: 'MiB (2^20 bytes)' },
      targets: TARGET,
      sizes: sizes.map((s) => ({
        entries: s.size,
        bytes: s.generated.bytes,
        inputMiB: s.inputMB,
        copies: s.generated.copies,
        references: s.generated.references,
        wallMs: s.outcome.result?.wallMs,
        runsMs: s.outcome.result?.runsMs,
        entriesPerSecond: s.entriesPerSecond,
        peakRssMiB: s.peakRssMB,
        rssLimitMiB: s.rssLimitMB,
        jsonParseMs: s.outcome.result?.jsonParseMs,
        ratioToJsonParse: s.parseRatio,
        processWallMs: s.outcome.processWallMs,
        error: s.outcome.error,
        raw: s.outcome.result,
      })),
      startup: { dist: dist ? { origin: dist.origin, buildMs: dist.buildMs, error: dist.error } : undefined, measures: startup },
      checks,
      profiles,
    };
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
    log(`raw figures written to ${relative(PROJECT, o.out) || o.out}`);
    if (o.keep) log(`kept ${tmp}`);
    return sizes.some((s) => !s.outcome.ok) ? 1 : 0;
  } finally {
    if (!o.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
