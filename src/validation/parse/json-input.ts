/**
 * JSON input on its UTF-8 bytes: parsing guided by the scanner's layout, and positions of findings looked
 * up entry by entry. A large Bundle is parsed one entry at a time (no whole-document string: a 100 MB
 * export would otherwise cost a 200 MB two-byte string next to the parsed objects), and finding positions
 * are resolved per entry with small lookup tries.
 */
import type { Finding } from '../finding.js';
import { scanSpanPositions, type JsonLayout, type Position, type Span } from './json-scan.js';

/** Above this size the root object is parsed member by member and `entry` element by element. */
const PER_ENTRY_PARSE_BYTES = 16 * 1024 * 1024;

export function parseJsonBytes(bytes: Buffer, layout: JsonLayout): unknown {
  const { root } = layout;
  if (bytes.length < PER_ENTRY_PARSE_BYTES || bytes[root.start] !== 0x7b) return JSON.parse(bytes.toString('utf8', root.start, root.end));
  const out: Record<string, unknown> = {};
  for (const [key, span] of layout.members) {
    const value = key === 'entry' && layout.entries ? layout.entries.map((s) => parseSpan(bytes, s)) : parseSpan(bytes, span);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function parseSpan(bytes: Buffer, s: Span): unknown {
  return JSON.parse(bytes.toString('utf8', s.start, s.end));
}

const ENTRY = /^\.entry\[(\d+)\]/;
const MEMBER = /^\.([^.[]+)/;

/**
 * Attaches line/column to the findings that have none, scanning only the entries they point into. Findings
 * come sorted in document order, so those of one entry are consecutive: each run is located and dropped
 * before the next (no index of all findings at the memory peak of a large check).
 */
export function locateJson(bytes: Buffer, layout: JsonLayout, rootName: string, findings: readonly Finding[]): void {
  let span: Span | undefined;
  let run: { rel: string; f: Finding }[] = [];
  const flush = () => {
    if (span && run.length) {
      const positions = scanSpanPositions(bytes, span, run.map((x) => x.rel));
      for (const { rel, f } of run) applyPosition(f, rel, positions);
    }
    run = [];
  };
  for (const f of findings) {
    if (f.line !== undefined || !f.path.startsWith(rootName)) continue;
    const target = spanOf(layout, f.path.slice(rootName.length));
    if (!target) {
      place(f, layout.root);
      continue;
    }
    if (target.span !== span) {
      flush();
      span = target.span;
    }
    run.push({ rel: target.rel, f });
  }
  flush();
}

/** The entry or root member a path points into, and the rest of the path inside it. */
function spanOf(layout: JsonLayout, p: string): { span: Span; rel: string } | undefined {
  const e = ENTRY.exec(p);
  const entry = e ? layout.entries?.[Number(e[1])] : undefined;
  if (entry) return { span: entry, rel: p.slice(e![0].length) };
  const m = MEMBER.exec(p);
  const member = m ? layout.members.get(m[1]) : undefined;
  return member ? { span: member, rel: p.slice(m![0].length) } : undefined;
}

/** Deepest known position along the path (a missing element is located at its parent). */
export function applyPosition(f: Finding, path: string, positions: Map<string, Position>): void {
  let p = path;
  for (;;) {
    const pos = positions.get(p);
    if (pos) {
      place(f, pos);
      return;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) {
      const top = positions.get('');
      if (top) place(f, top);
      return;
    }
    p = p.slice(0, cut);
  }
}

function place(f: Finding, pos: Position): void {
  f.line = pos.line;
  f.column = pos.column;
}
