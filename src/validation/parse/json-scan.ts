/**
 * A strict JSON scanner over the UTF-8 bytes, run beside JSON.parse: it finds syntax errors with line and
 * column, duplicate keys (which JSON.parse silently drops) and excessive nesting; it records the layout of
 * the root object (where each member, and each Bundle entry, starts and ends) so that a large export can be
 * parsed entry by entry and positions looked up one entry at a time; and, given wanted paths, it records
 * their positions. Paths are root-relative FHIR-style paths: ".entry[3].resource.id"; a primitive's `_x`
 * part shares the path of `x`. Columns count UTF-16 code units, as editors and JS strings do.
 * Working on bytes keeps a large input as one UTF-8 buffer instead of a two-byte JS string.
 */

export interface Position {
  line: number;
  column: number;
}

export interface ScanError extends Position {
  fr: string;
  en: string;
}

/** Where a JSON value sits in the bytes. */
export interface Span extends Position {
  start: number;
  end: number;
  /** Byte offset where the value's line starts. */
  lineStart: number;
}

export interface JsonLayout {
  /** Position of the root value. */
  root: Span;
  /** Root object members (last occurrence of a duplicated key, as JSON.parse keeps). */
  members: Map<string, Span>;
  /** Elements of the root `entry` array, when there is one. */
  entries?: Span[];
}

export interface ScanResult {
  error?: ScanError;
  duplicates: { path: string; key: string; line: number; column: number }[];
  /** Deepest recorded position for each wanted path prefix. */
  positions: Map<string, Position>;
  layout?: JsonLayout;
}

export const MAX_JSON_DEPTH = 256;

export type JsonInput = string | Uint8Array;

interface Trie {
  children: Map<string, Trie>;
  path: string;
}

class ScanFailure extends Error {
  constructor(readonly fr: string, readonly en: string, readonly offset: number) {
    super(en);
  }
}

export function toBytes(input: JsonInput): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** Root-relative path of the scanner's stack: keys (a `_x` part names `x`) and array indexes. */
function pathOf(stack: readonly (string | number)[]): string {
  return stack.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k.startsWith('_') ? k.slice(1) : k}`)).join('');
}

/** Builds the lookup trie from root-relative paths like ".entry[3].resource.id". */
function buildTrie(paths: Iterable<string>): Trie {
  const root: Trie = { children: new Map(), path: '' };
  for (const p of paths) {
    let node = root;
    let acc = '';
    for (const seg of p.match(/\.[^.[]+|\[\d+\]/g) ?? []) {
      acc += seg;
      let next = node.children.get(seg);
      if (!next) {
        next = { children: new Map(), path: acc };
        node.children.set(seg, next);
      }
      node = next;
    }
  }
  return root;
}

/** Scans a whole document: syntax, duplicates, and (optionally) the positions of wanted paths. */
export function scanJson(input: JsonInput, wantedPaths?: Iterable<string>): ScanResult {
  return scan(toBytes(input), wantedPaths ? buildTrie(wantedPaths) : undefined, false);
}

/** Scans a whole document and records the root layout (member and entry spans). */
export function scanJsonLayout(bytes: Buffer): ScanResult {
  return scan(bytes, undefined, true);
}

/** Positions of wanted paths relative to a value already scanned (a Bundle entry, a root member). */
export function scanSpanPositions(bytes: Buffer, span: Span, wantedPaths: Iterable<string>): Map<string, Position> {
  const s = new Scanner(bytes, buildTrie(wantedPaths), false, true);
  s.seek(span);
  s.positions.set('', { line: span.line, column: span.column });
  s.value(s.trie, [], 0, false);
  return s.positions;
}

function scan(bytes: Buffer, trie: Trie | undefined, layout: boolean): ScanResult {
  const s = new Scanner(bytes, trie, layout);
  try {
    s.skipBom();
    s.skipWs();
    if (s.i >= bytes.length) throw new ScanFailure('document vide', 'empty document', s.i);
    s.rootStart();
    s.value(s.trie, [], 0, false);
    s.rootEnd();
    s.skipWs();
    if (s.i < bytes.length) throw new ScanFailure('contenu après la fin du document JSON', 'content after the end of the JSON document', s.i);
  } catch (e) {
    if (!(e instanceof ScanFailure)) throw e;
    const pos = s.position(e.offset);
    return { error: { fr: e.fr, en: e.en, ...pos }, duplicates: s.duplicates, positions: s.positions };
  }
  return { duplicates: s.duplicates, positions: s.positions, layout: s.layout };
}

const QUOTE = 0x22;
/** Interned property names (hash of the ASCII bytes → name); bounded so arbitrary keys cannot grow it. */
const KEYS = new Map<number, string>();
const MAX_INTERNED_KEYS = 4096;
const BACKSLASH = 0x5c;

class Scanner {
  i = 0;
  readonly duplicates: ScanResult['duplicates'] = [];
  readonly positions = new Map<string, Position>();
  layout?: JsonLayout;
  private line = 1;
  private lineStart = 0;
  /** Lazy UTF-16 column: code units counted from `lineStart` up to `colOffset`. */
  private colOffset = 0;
  private colUnits = 0;

  constructor(
    private readonly b: Buffer,
    readonly trie: Trie | undefined,
    private readonly recordLayout: boolean,
    /** Input already scanned strictly: values outside the wanted paths are skipped, not checked. */
    private readonly lookupOnly = false,
  ) {}

  seek(span: Span): void {
    this.i = span.start;
    this.line = span.line;
    this.lineStart = span.lineStart;
    this.colOffset = span.start;
    this.colUnits = span.column - 1;
  }

  skipBom(): void {
    if (this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf) this.i = this.colOffset = 3;
  }

  /** Column (1-based, UTF-16 units) of a byte offset on the current line, counted incrementally. */
  private column(offset: number): number {
    if (this.colOffset < this.lineStart || offset < this.colOffset) {
      this.colOffset = this.lineStart;
      this.colUnits = 0;
    }
    let units = this.colUnits;
    for (let k = this.colOffset; k < offset; k++) {
      const c = this.b[k];
      if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1; // lead bytes; a 4-byte sequence is a surrogate pair
    }
    this.colOffset = offset;
    this.colUnits = units;
    return units + 1;
  }

  /** Position of any offset, recounted from the start (errors only). */
  position(offset: number): Position {
    let line = 1;
    let start = this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf ? 3 : 0;
    for (let k = this.b.indexOf(0x0a, start); k !== -1 && k < offset; k = this.b.indexOf(0x0a, k + 1)) {
      line++;
      start = k + 1;
    }
    return { line, column: this.b.toString('utf8', start, Math.min(offset, this.b.length)).length + 1 };
  }

  private here(): Position {
    return { line: this.line, column: this.column(this.i) };
  }

  private span(start: number, pos: Position, lineStart: number): Span {
    return { start, end: this.i, line: pos.line, column: pos.column, lineStart };
  }

  rootStart(): void {
    if (this.trie) this.positions.set('', this.here());
    if (this.recordLayout) {
      const pos = this.here();
      this.layout = { root: { start: this.i, end: this.i, lineStart: this.lineStart, ...pos }, members: new Map() };
    }
  }

  rootEnd(): void {
    if (this.layout) this.layout.root.end = this.i;
  }

  skipWs(): void {
    const b = this.b;
    for (;;) {
      const c = b[this.i];
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.i++;
      else if (c === 0x0a) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else return;
    }
  }

  value(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    if (depth > MAX_JSON_DEPTH) throw new ScanFailure(`imbrication supérieure à ${MAX_JSON_DEPTH} niveaux`, `nesting deeper than ${MAX_JSON_DEPTH} levels`, this.i);
    if (trie && trie.path && !(secondary && this.positions.has(trie.path))) this.positions.set(trie.path, this.here());
    if (!trie && this.lookupOnly) {
      this.skipValue();
      return;
    }
    const c = this.b[this.i];
    if (c === 0x7b) this.object(trie, stack, depth, secondary);
    else if (c === 0x5b) this.array(trie, stack, depth, secondary);
    else if (c === QUOTE) this.string(false);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
    else if (this.literal('true') || this.literal('false') || this.literal('null')) return;
    else throw new ScanFailure(`valeur attendue, trouvé ${this.describe()}`, `value expected, found ${this.describe()}`, this.i);
  }

  /**
   * Skips a value of well-formed JSON, counting lines only: no key strings, no checks. Finding positions
   * are looked up in entries that hold a few wanted paths among hundreds of values.
   */
  private skipValue(): void {
    const b = this.b;
    let depth = 0;
    for (;;) {
      const c = b[this.i];
      if (c === undefined) return;
      if (c === QUOTE) {
        this.i++;
        for (let d = b[this.i]; d !== QUOTE && d !== undefined; d = b[this.i]) this.i += d === BACKSLASH ? 2 : 1;
        this.i++;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        this.i++;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return; // the end of the enclosing container: the value was a number or literal
        depth--;
        this.i++;
      } else if (c === 0x2c && depth === 0) {
        return;
      } else {
        if (c === 0x0a) {
          this.line++;
          this.lineStart = this.i + 1;
        }
        this.i++;
      }
      if (depth === 0 && (c === QUOTE || c === 0x7d || c === 0x5d)) return;
    }
  }

  private literal(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.b[this.i + k] !== word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }

  private describe(): string {
    if (this.i >= this.b.length) return 'la fin du texte';
    return JSON.stringify(this.b.toString('utf8', this.i, Math.min(this.i + 12, this.b.length)));
  }

  private object(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    this.i++;
    this.skipWs();
    // Most FHIR objects have a handful of keys: a linear search beats a Set until they grow.
    let keys: string[] | Set<string> = [];
    if (this.b[this.i] === 0x7d) {
      this.i++;
      return;
    }
    const isRoot = depth === 0 && this.layout !== undefined;
    for (;;) {
      if (this.b[this.i] !== QUOTE) throw new ScanFailure(`nom de propriété entre guillemets attendu, trouvé ${this.describe()}`, `quoted property name expected, found ${this.describe()}`, this.i);
      const keyPos = this.here();
      const key = this.key();
      if (this.lookupOnly) {
        // duplicates were reported by the strict scan
      } else if (Array.isArray(keys)) {
        if (keys.includes(key)) this.duplicates.push({ path: pathOf(stack) || '(racine)', key, ...keyPos });
        keys.push(key);
        if (keys.length > 16) keys = new Set(keys);
      } else {
        if (keys.has(key)) this.duplicates.push({ path: pathOf(stack) || '(racine)', key, ...keyPos });
        keys.add(key);
      }
      this.skipWs();
      if (this.b[this.i] !== 0x3a) throw new ScanFailure(`« : » attendu après "${key}"`, `":" expected after "${key}"`, this.i);
      this.i++;
      this.skipWs();
      const isExt = key.charCodeAt(0) === 0x5f;
      stack.push(key);
      const start = this.i;
      const startPos = isRoot ? this.here() : undefined;
      const startLine = this.lineStart;
      const sub = trie ? trie.children.get(`.${isExt ? key.slice(1) : key}`) : undefined;
      if (isRoot && key === 'entry' && this.b[this.i] === 0x5b) this.entryArray(sub, stack, depth + 1, secondary || isExt);
      else this.value(sub, stack, depth + 1, secondary || isExt);
      if (isRoot) this.layout!.members.set(key, this.span(start, startPos!, startLine));
      stack.pop();
      this.skipWs();
      const c = this.b[this.i];
      if (c === 0x2c) {
        this.i++;
        this.skipWs();
        continue;
      }
      if (c === 0x7d) {
        this.i++;
        return;
      }
      throw new ScanFailure(`« , » ou « } » attendu, trouvé ${this.describe()}`, `"," or "}" expected, found ${this.describe()}`, this.i);
    }
  }

  /** The root `entry` array, recording each element's span for entry-by-entry parsing and lookups. */
  private entryArray(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    const entries: Span[] = [];
    this.layout!.entries = entries;
    this.array(trie, stack, depth, secondary, (start, pos, lineStart) => entries.push(this.span(start, pos, lineStart)));
  }

  private array(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean, onItem?: (start: number, pos: Position, lineStart: number) => void): void {
    if (depth > MAX_JSON_DEPTH) throw new ScanFailure(`imbrication supérieure à ${MAX_JSON_DEPTH} niveaux`, `nesting deeper than ${MAX_JSON_DEPTH} levels`, this.i);
    this.i++;
    this.skipWs();
    if (this.b[this.i] === 0x5d) {
      this.i++;
      return;
    }
    for (let n = 0; ; n++) {
      stack.push(n);
      const start = this.i;
      const pos = onItem ? this.here() : undefined;
      const lineStart = this.lineStart;
      this.value(trie ? trie.children.get(`[${n}]`) : undefined, stack, depth + 1, secondary);
      if (onItem) onItem(start, pos!, lineStart);
      stack.pop();
      this.skipWs();
      const c = this.b[this.i];
      if (c === 0x2c) {
        this.i++;
        this.skipWs();
        continue;
      }
      if (c === 0x5d) {
        this.i++;
        return;
      }
      throw new ScanFailure(`« , » ou « ] » attendu, trouvé ${this.describe()}`, `"," or "]" expected, found ${this.describe()}`, this.i);
    }
  }

  /**
   * A property name. Plain ASCII names (nearly all of them: FHIR element names) are interned by a hash of
   * their bytes, so a document of 100,000 entries does not allocate a string per key; anything else
   * (escapes, non-ASCII, control characters) goes through the full string scan.
   */
  private key(): string {
    const b = this.b;
    const start = this.i + 1;
    let h = 0;
    let k = start;
    for (let c = b[k]; c !== QUOTE; c = b[++k]) {
      if (c === BACKSLASH || c < 0x20 || c >= 0x80 || c === undefined) return this.string(true);
      h = (Math.imul(h, 31) + c) | 0;
    }
    const length = k - start;
    const cached = KEYS.get(h);
    this.i = k + 1;
    if (cached !== undefined && cached.length === length) {
      let same = true;
      for (let j = 0; j < length && same; j++) same = cached.charCodeAt(j) === b[start + j];
      if (same) return cached;
    }
    const key = b.toString('latin1', start, k);
    if (cached === undefined && KEYS.size < MAX_INTERNED_KEYS) KEYS.set(h, key);
    return key;
  }

  /** Scans a string; returns its value only when asked (keys), values are just skipped. */
  private string(want: true): string;
  private string(want: false): void;
  private string(want: boolean): string | void {
    const b = this.b;
    const start = ++this.i;
    let escaped = false;
    let ascii = true;
    for (;;) {
      let c = b[this.i];
      // Plain bytes (UTF-8 continuation and lead bytes included) need no attention.
      while (c !== QUOTE && c !== BACKSLASH && c >= 0x20) {
        if (c >= 0x80) ascii = false;
        c = b[++this.i];
      }
      if (c === QUOTE) break;
      if (c === undefined) throw new ScanFailure('chaîne non terminée', 'unterminated string', start - 1);
      if (c < 0x20) throw new ScanFailure('caractère de contrôle non échappé dans une chaîne', 'unescaped control character in a string', this.i);
      escaped = true;
      const e = b[this.i + 1];
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          const h = b[this.i + k];
          if (!((h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) throw new ScanFailure('échappement \\u invalide', 'invalid \\u escape', this.i);
        }
        this.i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(String.fromCharCode(e))) {
        const shown = e === undefined ? '' : String.fromCharCode(e);
        throw new ScanFailure(`échappement \\${shown} invalide`, `invalid escape \\${shown}`, this.i);
      }
      this.i += 2;
    }
    const end = this.i++;
    if (!want) return;
    const raw = b.toString(ascii ? 'latin1' : 'utf8', start, end);
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private number(): void {
    const b = this.b;
    const start = this.i;
    if (b[this.i] === 0x2d) this.i++;
    const digits = () => {
      const from = this.i;
      while (b[this.i] >= 0x30 && b[this.i] <= 0x39) this.i++;
      return this.i - from;
    };
    if (b[this.i] === 0x30) this.i++;
    else if (digits() === 0) throw new ScanFailure('nombre invalide', 'invalid number', start);
    if (b[this.i] === 0x2e) {
      this.i++;
      if (digits() === 0) throw new ScanFailure('nombre invalide', 'invalid number', start);
    }
    if (b[this.i] === 0x65 || b[this.i] === 0x45) {
      this.i++;
      if (b[this.i] === 0x2b || b[this.i] === 0x2d) this.i++;
      if (digits() === 0) throw new ScanFailure('nombre invalide', 'invalid number', start);
    }
  }
}
