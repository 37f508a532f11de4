/**
 * A strict JSON scanner run beside JSON.parse: it finds syntax errors with line and column, duplicate
 * keys (which JSON.parse silently drops), excessive nesting, and — on a second pass — the positions of
 * the paths findings point at. Paths are root-relative FHIR-style paths: ".entry[3].resource.id";
 * a primitive's `_x` part shares the path of `x`.
 */

export interface Position {
  line: number;
  column: number;
}

export interface ScanError extends Position {
  fr: string;
  en: string;
}

export interface ScanResult {
  error?: ScanError;
  duplicates: { path: string; key: string; line: number; column: number }[];
  /** Deepest recorded position for each wanted path prefix. */
  positions: Map<string, Position>;
}

export const MAX_JSON_DEPTH = 256;

interface Trie {
  children: Map<string, Trie>;
  path: string;
}

/** A run of string characters needing no attention (not a quote, backslash or control character). */
const PLAIN = /[^"\\\u0000-\u001f]+/y;

/** Root-relative path of the scanner's stack: keys (a `_x` part names `x`) and array indexes. */
function pathOf(stack: readonly (string | number)[]): string {
  return stack.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k.startsWith('_') ? k.slice(1) : k}`)).join('');
}

class ScanFailure extends Error {
  constructor(readonly fr: string, readonly en: string, readonly offset: number) {
    super(en);
  }
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

export function scanJson(text: string, wantedPaths?: Iterable<string>): ScanResult {
  const s = new Scanner(text, wantedPaths ? buildTrie(wantedPaths) : undefined);
  try {
    s.skipWs();
    if (s.i >= text.length) throw new ScanFailure('document vide', 'empty document', s.i);
    // The root (path "") is where resource-level findings point.
    if (s.trie) s.positions.set('', s.position(s.i));
    s.value(s.trie, [], 0, false);
    s.skipWs();
    if (s.i < text.length) throw new ScanFailure('contenu après la fin du document JSON', 'content after the end of the JSON document', s.i);
  } catch (e) {
    if (!(e instanceof ScanFailure)) throw e;
    const pos = s.position(e.offset);
    return { error: { fr: e.fr, en: e.en, ...pos }, duplicates: s.duplicates, positions: s.positions };
  }
  return { duplicates: s.duplicates, positions: s.positions };
}

class Scanner {
  i = 0;
  readonly duplicates: ScanResult['duplicates'] = [];
  readonly positions = new Map<string, Position>();
  private line = 1;
  private lineStart = 0;

  constructor(private readonly t: string, readonly trie: Trie | undefined) {}

  position(offset: number): Position {
    // Recount up to the offset (errors are rare; the running counters only cover consumed whitespace).
    let line = 1;
    let start = 0;
    for (let k = this.t.indexOf('\n'); k !== -1 && k < offset; k = this.t.indexOf('\n', k + 1)) {
      line++;
      start = k + 1;
    }
    return { line, column: offset - start + 1 };
  }

  private here(): Position {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  skipWs(): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.i++;
      else if (c === 0x0a) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else return;
    }
  }

  /**
   * @param secondary inside a primitive's `_x` part, which shares its paths with `x`: positions found there
   *   only fill paths `x` does not have (e.g. `.given[1].extension[0]`), whichever of the two comes first.
   */
  value(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    if (depth > MAX_JSON_DEPTH) throw new ScanFailure(`imbrication supérieure à ${MAX_JSON_DEPTH} niveaux`, `nesting deeper than ${MAX_JSON_DEPTH} levels`, this.i);
    if (trie && trie.path && !(secondary && this.positions.has(trie.path))) this.positions.set(trie.path, this.here());
    const c = this.t.charCodeAt(this.i);
    if (c === 0x7b) this.object(trie, stack, depth, secondary);
    else if (c === 0x5b) this.array(trie, stack, depth, secondary);
    else if (c === 0x22) this.string(false);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
    else if (this.t.startsWith('true', this.i)) this.i += 4;
    else if (this.t.startsWith('false', this.i)) this.i += 5;
    else if (this.t.startsWith('null', this.i)) this.i += 4;
    else throw new ScanFailure(`valeur attendue, trouvé ${this.describe()}`, `value expected, found ${this.describe()}`, this.i);
  }

  private describe(): string {
    if (this.i >= this.t.length) return 'la fin du texte';
    return JSON.stringify(this.t.slice(this.i, this.i + 12));
  }

  private object(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    this.i++;
    this.skipWs();
    // Most FHIR objects have a handful of keys: a linear search beats a Set until they grow.
    let keys: string[] | Set<string> = [];
    if (this.t.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return;
    }
    for (;;) {
      if (this.t.charCodeAt(this.i) !== 0x22) throw new ScanFailure(`nom de propriété entre guillemets attendu, trouvé ${this.describe()}`, `quoted property name expected, found ${this.describe()}`, this.i);
      const keyPos = this.here();
      const key = this.string(true);
      if (Array.isArray(keys)) {
        if (keys.includes(key)) this.duplicates.push({ path: pathOf(stack) || '(racine)', key, ...keyPos });
        keys.push(key);
        if (keys.length > 16) keys = new Set(keys);
      } else {
        if (keys.has(key)) this.duplicates.push({ path: pathOf(stack) || '(racine)', key, ...keyPos });
        keys.add(key);
      }
      this.skipWs();
      if (this.t.charCodeAt(this.i) !== 0x3a) throw new ScanFailure(`« : » attendu après "${key}"`, `":" expected after "${key}"`, this.i);
      this.i++;
      this.skipWs();
      const isExt = key.charCodeAt(0) === 0x5f;
      stack.push(key);
      this.value(trie ? trie.children.get(`.${isExt ? key.slice(1) : key}`) : undefined, stack, depth + 1, secondary || isExt);
      stack.pop();
      this.skipWs();
      const c = this.t.charCodeAt(this.i);
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

  private array(trie: Trie | undefined, stack: (string | number)[], depth: number, secondary: boolean): void {
    this.i++;
    this.skipWs();
    if (this.t.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return;
    }
    for (let n = 0; ; n++) {
      stack.push(n);
      this.value(trie ? trie.children.get(`[${n}]`) : undefined, stack, depth + 1, secondary);
      stack.pop();
      this.skipWs();
      const c = this.t.charCodeAt(this.i);
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

  /** Scans a string; returns its value only when asked (keys), values are just skipped. */
  private string(want: true): string;
  private string(want: false): void;
  private string(want: boolean): string | void {
    const t = this.t;
    const start = ++this.i;
    let escaped = false;
    for (;;) {
      // Skip plain characters in native code; the loop below only sees quotes, escapes and errors.
      PLAIN.lastIndex = this.i;
      if (PLAIN.test(t)) this.i = PLAIN.lastIndex;
      const c = t.charCodeAt(this.i);
      if (c === 0x22) break;
      if (Number.isNaN(c)) throw new ScanFailure('chaîne non terminée', 'unterminated string', start - 1);
      if (c < 0x20) throw new ScanFailure('caractère de contrôle non échappé dans une chaîne', 'unescaped control character in a string', this.i);
      if (c === 0x5c) {
        escaped = true;
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) throw new ScanFailure('échappement \\u invalide', 'invalid \\u escape', this.i);
          this.i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e ?? '!')) throw new ScanFailure(`échappement \\${e ?? ''} invalide`, `invalid escape \\${e ?? ''}`, this.i);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    const end = this.i++;
    if (!want) return;
    const raw = t.slice(start, end);
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private number(): void {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.t);
    if (!r || r[0] === '-' ) throw new ScanFailure('nombre invalide', 'invalid number', this.i);
    this.i += r[0].length;
  }
}
