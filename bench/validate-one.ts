/**
 * One bench measurement in a fresh process (spawned by bench/engine.ts, one process per Bundle size so that the
 * peak RSS is that of this size alone):
 *
 *   node --import tsx --expose-gc bench/validate-one.ts --file <bundle.json> --warmup <small.json> [--reps N]
 *        [--warmup-runs N] [--cpu-profile <out.cpuprofile>] [--engine <dist dir>]
 *   (--reps 0: no timed runs, only cold start + profile; --engine: load the engine from a tsc build, as users run it)
 *
 * 1. cold: create the DefinitionContext + Checker and check the small warm-up Bundle (profile loading);
 *    then check it again (--warmup-runs in all, default 10) so that the JIT has compiled the hot paths
 *    before the timed runs: with a single warm-up run, checks of 100 entries measure mostly the JIT warming
 *    (their time falls about 4× over the first 20 runs);
 * 2. read the Bundle bytes (as the CLI does), then time `Checker.check(bytes)` N times (gc() between runs;
 *    median reported);
 *    peak RSS = getrusage maxRSS of this process (lifetime, read right after the checks) and VmHWM after
 *    a reset through /proc/self/clear_refs just before the checks (check phase only, Linux);
 * 3. reference timings on the same bytes: JSON.parse (UTF-8 decoding included) and the engine's strict
 *    scanner (scanJson);
 * 4. optionally one more check under the V8 sampling profiler (inspector), written as a .cpuprofile whose
 *    src/ frames carry their original TypeScript line (source maps of tsx).
 * Prints one line "BENCH-RESULT <json>" on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { CpuProfile } from './cpu-profile.js';

interface Args {
  file: string;
  warmup: string;
  reps: number;
  warmupRuns: number;
  cpuProfile?: string;
  /** A built dist/ folder to load the engine from (default: src/ through tsx). */
  engine?: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = get('--file');
  const warmup = get('--warmup');
  if (!file || !warmup) throw new Error('usage: validate-one.ts --file <bundle.json> --warmup <small.json> [--reps N] [--cpu-profile <out>]');
  return {
    file,
    warmup,
    reps: Math.max(0, Number(get('--reps') ?? 1)),
    warmupRuns: Math.max(1, Number(get('--warmup-runs') ?? 10)),
    cpuProfile: get('--cpu-profile'),
    engine: get('--engine'),
  };
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** VmHWM / VmRSS from /proc/self/status, in bytes (undefined off Linux). */
function procStatus(): { hwm?: number; rss?: number } {
  try {
    const text = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return {};
  }
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false when not possible. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';

  // 1. Cold start: module loading, definitions context, first check (profiles loaded lazily on first use).
  const tImport = performance.now();
  // The engine as users run it (a tsc build: what `npx tddui-bench` loads), or src/ through tsx.
  const root = args.engine ? pathToFileURL(args.engine).href : '../src';
  const { Checker } = (await import(`${root}/rules/checker.js`)) as typeof import('../src/rules/checker.js');
  const { DefinitionContext } = (await import(`${root}/definitions/context/definition-context.js`)) as typeof import('../src/definitions/context/definition-context.js');
  const { DiskCompiledStore } = (await import(`${root}/definitions/store/compiled-store.js`)) as typeof import('../src/definitions/store/compiled-store.js');
  const { PROFILES_DIR } = (await import(`${root}/definitions/paths.js`)) as typeof import('../src/definitions/paths.js');
  const { scanJson } = (await import(`${root}/validation/parse/json-scan.js`)) as typeof import('../src/validation/parse/json-scan.js');
  const tContext = performance.now();
  const ctx = new DefinitionContext([new DiskCompiledStore(PROFILES_DIR)]);
  const checker = new Checker(ctx);
  const tFirst = performance.now();
  const warmText = readFileSync(args.warmup, 'utf8');
  const warm = checker.check(warmText);
  const tWarmed = performance.now();
  const warmupRunsMs: number[] = [tWarmed - tFirst];
  for (let i = 1; i < args.warmupRuns; i++) {
    const t = performance.now();
    checker.check(warmText);
    warmupRunsMs.push(performance.now() - t);
  }
  const cold = {
    importMs: tContext - tImport,
    contextMs: tFirst - tContext,
    firstCheckMs: tWarmed - tFirst,
    /** Context creation + first check (what a warm engine does not pay again). */
    coldMs: tWarmed - tContext,
    warmupEntries: countEntries(warm.resource),
    warmupFindings: warm.findings.length,
    /** Findings of the warm-up Bundle (one copy of the examples) by severity and rule: what the official data itself yields. */
    warmupByRule: byRuleOf(warm.findings),
    /** All warm-up runs (the first one is firstCheckMs). */
    warmupRunsMs,
  };

  // 2. Timed checks of the Bundle.
  const tRead = performance.now();
  let text: Buffer | undefined = readFileSync(args.file);
  const readMs = performance.now() - tRead;
  const bytes = text.length;
  gc();
  const before = { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed };
  const peakReset = resetPeakRss();
  const runs: number[] = [];
  let findings: { severity: string; ruleId: string }[] = [];
  let entries = 0;
  let heapUsedAfter = 0;
  let rssAfter = 0;
  for (let i = 0; i < args.reps; i++) {
    gc();
    const t = performance.now();
    const r = checker.check(text);
    runs.push(performance.now() - t);
    if (i === args.reps - 1) {
      // Memory with the result still alive (findings + parsed resource), then keep only what is reported.
      const mu = process.memoryUsage();
      heapUsedAfter = mu.heapUsed;
      rssAfter = mu.rss;
      findings = r.findings.map((f) => ({ severity: f.severity, ruleId: f.ruleId }));
      entries = countEntries(r.resource);
    }
  }
  const maxRssLifetime = process.resourceUsage().maxRSS * 1024;
  const checkPhase = procStatus();

  const bySeverity: Record<string, number> = { fatal: 0, error: 0, warning: 0, information: 0 };
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const byRule = byRuleOf(findings);

  // 3. Reference timings on the same text.
  const parseReps = args.reps === 0 ? 0 : Math.max(3, Math.min(args.reps, 7));
  const parseRuns: number[] = [];
  const scanRuns: number[] = [];
  for (let i = 0; i < parseReps; i++) {
    gc();
    let t = performance.now();
    let parsed: unknown = JSON.parse(text.toString('utf8'));
    parseRuns.push(performance.now() - t);
    parsed = undefined;
    void parsed;
    gc();
    t = performance.now();
    scanJson(text);
    scanRuns.push(performance.now() - t);
  }

  // 4. Optional CPU profile of one more check (not part of the timings above).
  let cpuProfile: { file: string; ms: number } | undefined;
  if (args.cpuProfile) {
    gc();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    const t = performance.now();
    checker.check(text);
    const ms = performance.now() - t;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mapToSources(profile as unknown as CpuProfile);
    writeFileSync(args.cpuProfile, JSON.stringify(profile));
    cpuProfile = { file: args.cpuProfile, ms };
  }
  text = undefined;

  const result = {
    file: args.file,
    bytes,
    entries,
    reps: args.reps,
    runsMs: runs,
    wallMs: runs.length ? median(runs) : undefined,
    minMs: runs.length ? Math.min(...runs) : undefined,
    readMs,
    jsonParseMs: parseRuns.length ? median(parseRuns) : undefined,
    jsonParseRunsMs: parseRuns,
    scanJsonMs: scanRuns.length ? median(scanRuns) : undefined,
    memory: {
      rssBeforeMB: before.rss / MB,
      heapUsedBeforeMB: before.heapUsed / MB,
      rssAfterMB: rssAfter / MB,
      heapUsedAfterMB: heapUsedAfter / MB,
      /** Lifetime peak of this process (getrusage maxRSS): start-up + warm-up + text + checks. */
      peakRssMB: maxRssLifetime / MB,
      /** Peak during the timed checks only (VmHWM reset just before them); undefined off Linux. */
      peakRssCheckPhaseMB: peakReset && checkPhase.hwm !== undefined ? checkPhase.hwm / MB : undefined,
    },
    findings: { total: findings.length, bySeverity, byRule },
    cold,
    gcExposed,
    node: process.version,
    cpuProfile,
  };
  process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
}

function byRuleOf(findings: readonly { severity: string; ruleId: string }[]): Record<string, Record<string, number>> {
  const byRule: Record<string, Record<string, number>> = {};
  for (const f of findings) {
    const m = (byRule[f.severity] ??= {});
    m[f.ruleId] = (m[f.ruleId] ?? 0) + 1;
  }
  return byRule;
}

function countEntries(resource: unknown): number {
  const entry = (resource as { entry?: unknown } | undefined)?.entry;
  return Array.isArray(entry) ? entry.length : 0;
}

/** Adds the original (TypeScript) 1-based line to frames of modules that have a source map (tsx provides them). */
function mapToSources(profile: CpuProfile): void {
  for (const n of profile.nodes) {
    const cf = n.callFrame;
    if (!cf.url.startsWith('file:') || cf.url.includes('/node_modules/') || cf.lineNumber < 0) continue;
    try {
      const map = findSourceMap(cf.url) ?? findSourceMap(new URL(cf.url).pathname);
      const entry = map?.findEntry(cf.lineNumber, cf.columnNumber) as { originalLine?: number } | undefined;
      if (entry && typeof entry.originalLine === 'number') cf.originalLine = entry.originalLine + 1;
    } catch {
      // no source map: keep the generated line
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
