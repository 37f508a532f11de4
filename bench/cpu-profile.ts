/**
 * Summary of a V8 .cpuprofile (as written by bench/validate-one.ts --cpu-profile, or by node --cpu-prof):
 * self and inclusive time per function and self time per file, with project paths made relative
 * (src/…, node_modules/<pkg>) so the engine owner can see where a check spends its time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; originalLine?: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** function name (or a V8 pseudo frame such as (garbage collector)) */
  fn: string;
  /** src/validation/walker.ts:123, node_modules/fhirpath/…, node:internal/… or '' */
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  samples: number;
  /** Time spent in the function's own code. */
  self: HotSpot[];
  /** Time with the function on the stack (callees included; recursion counted once), src/ functions only. */
  inclusiveSrc: HotSpot[];
  /** Self time per file (or per package for node_modules, per pseudo frame for V8 internals). */
  byFile: HotSpot[];
}

function location(url: string, projectRoot: string): string {
  if (!url) return '';
  let path = url;
  if (url.startsWith('file:')) {
    try {
      path = fileURLToPath(url);
    } catch {
      path = url;
    }
  }
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}/${rest.slice(rest[0].startsWith('@') ? 2 : 1).join('/')}`;
  }
  return path.startsWith(projectRoot) ? path.slice(projectRoot.length) : path;
}

function fileGroup(where: string): string {
  if (!where) return '(V8 / native)';
  if (where.startsWith('node_modules/')) {
    const parts = where.split('/');
    return parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/');
  }
  if (where.startsWith('node:')) return 'node: internals';
  return where;
}

export function summariseCpuProfile(file: string, projectRoot: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const root = projectRoot.endsWith('/') ? projectRoot : `${projectRoot}/`;
  const byId = new Map<number, CpuProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) byId.set(n.id, n);
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const key = (n: CpuProfileNode) => {
    const cf = n.callFrame;
    const where = location(cf.url, root);
    const line = cf.originalLine ?? cf.lineNumber + 1;
    const at = where && !where.startsWith('node_modules/') && !where.startsWith('node:') ? `${where}:${line}` : where;
    return { fn: cf.functionName || '(anonymous)', where: at, file: fileGroup(where), id: `${cf.functionName}|${at}` };
  };
  const keys = new Map<number, ReturnType<typeof key>>();
  for (const n of profile.nodes) keys.set(n.id, key(n));

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<string, { fn: string; where: string; us: number }>();
  const incl = new Map<string, { fn: string; where: string; us: number }>();
  const files = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time elapsed before sample i: attribute the interval that follows a sample to it.
    const us = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    total += us;
    const k = keys.get(samples[i]);
    if (!k) continue;
    const s = self.get(k.id) ?? { fn: k.fn, where: k.where, us: 0 };
    s.us += us;
    self.set(k.id, s);
    files.set(k.file, (files.get(k.file) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const pk = keys.get(id);
      if (!pk || seen.has(pk.id) || !pk.where.startsWith('src/')) continue;
      seen.add(pk.id);
      const e = incl.get(pk.id) ?? { fn: pk.fn, where: pk.where, us: 0 };
      e.us += us;
      incl.set(pk.id, e);
    }
  }
  const toSpots = (xs: { fn: string; where: string; us: number }[]) =>
    xs
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((x) => ({ fn: x.fn, where: x.where, ms: x.us / 1000, share: total ? x.us / total : 0 }));
  return {
    totalMs: total / 1000,
    samples: samples.length,
    self: toSpots([...self.values()]),
    inclusiveSrc: toSpots([...incl.values()]),
    byFile: toSpots([...files.entries()].map(([f, us]) => ({ fn: f, where: f, us }))),
  };
}
