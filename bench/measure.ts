/** Small helpers shared by the benches: command-line numbers, timing, percentiles, target lines. */

/** `--name <number>` from the command line, else the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function timed<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

/** One target line, with the ratio and the [PASS]/[FAIL] mark `npm run bench` collects in its summary. */
export const targetLine = (label: string, ms: number, target: number, width = 52) =>
  `  ${label.padEnd(width)} ${ms.toFixed(1).padStart(9)} ms   cible < ${target} ms   (${(ms / target).toFixed(2)} × cible) ${ms < target ? '[PASS]' : '[FAIL]'}`;
