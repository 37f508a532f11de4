/**
 * A small XPath subset compiled once to closures over the light tree (xml-tree.ts). The CDA rules are
 * written in XPath so they read like the ANS asserts, but evaluating them with a full XPath engine on a
 * DOM cost 3× the time budget; this subset covers what the rule table uses and is checked against
 * fontoxpath (a complete XPath 3.1 engine) in the tests.
 *
 * Supported: absolute and relative location paths with `/`, `//`, `.`, `..`, `*`, `@name`, `@*`, `text()`;
 * predicates (boolean or a number position); `or`, `and`, `=`, `!=`, `<`, `<=`, `>`, `>=` (general
 * comparisons), `|`; string and number literals; functions not, count, exists, empty, true, false,
 * string, string-length, normalize-space, starts-with, contains, matches, concat. Anything else is
 * refused when the rule table is compiled (a bug in the table, never a finding).
 */
import { stringValue, type XElement, type XmlDocument } from './xml-tree.js';

type XDocumentLike = Pick<XmlDocument, 'byName' | 'documentNode'>;

export type Item = XElement | string;
export type Value = Item[] | string | number | boolean;
export type Compiled = (node: XElement, doc: XDocumentLike) => Value;

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok = { t: 'name' | 'str' | 'num' | 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new Error(`XPath : chaîne non terminée dans ${src}`);
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['//', '!=', '<=', '>=', '..'].includes(two)) { out.push({ t: 'op', v: two }); i += 2; continue; }
    if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if ('/[]()@,=<>|.*'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    const m = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/.exec(src.slice(i));
    if (!m) throw new Error(`XPath : caractère inattendu « ${c} » dans ${src}`);
    out.push({ t: 'name', v: m[0] });
    i += m[0].length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

function isNodes(v: Value): v is Item[] {
  return Array.isArray(v);
}

function itemString(i: Item): string {
  return typeof i === 'string' ? i : stringValue(i);
}

export function toBoolean(v: Value): boolean {
  if (isNodes(v)) return v.length > 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v;
}

export function toStringValue(v: Value): string {
  if (isNodes(v)) return v.length ? itemString(v[0]) : '';
  return String(v);
}

function atoms(v: Value): (string | number | boolean)[] {
  return isNodes(v) ? v.map(itemString) : [v];
}

function compareAtoms(op: string, a: string | number | boolean, b: string | number | boolean): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return op === '=' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = typeof a === 'boolean' ? a : a !== '';
    const y = typeof b === 'boolean' ? b : b !== '';
    return op === '=' ? x === y : x !== y;
  }
  return op === '=' ? a === b : op === '!=' ? a !== b : op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

/** General comparison: true when some pair of atoms compares true. */
function compare(op: string, left: Value, right: Value): boolean {
  const ls = atoms(left);
  const rs = atoms(right);
  for (const a of ls) for (const b of rs) if (compareAtoms(op, a, b)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Steps

type StepFn = (nodes: Item[], doc: XDocumentLike) => Item[];

function descendantsOrSelf(el: XElement, out: XElement[]): void {
  out.push(el);
  for (const c of el.children) descendantsOrSelf(c, out);
}

function applyPredicates(items: Item[], preds: Compiled[], doc: XDocumentLike): Item[] {
  let cur = items;
  for (const p of preds) {
    const next: Item[] = [];
    cur.forEach((it, idx) => {
      if (typeof it === 'string') return;
      const v = p(it, doc);
      if (typeof v === 'number' ? v === idx + 1 : toBoolean(v)) next.push(it);
    });
    cur = next;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Parser → closures

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly src: string) {}

  private peek(v?: string): boolean {
    const t = this.toks[this.i];
    return !!t && (v === undefined || (t.t !== 'str' && t.v === v));
  }

  private next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new Error(`XPath : fin inattendue dans ${this.src}`);
    return t;
  }

  private expect(v: string): void {
    const t = this.next();
    if (t.v !== v || t.t === 'str') throw new Error(`XPath : « ${v} » attendu, « ${t.v} » trouvé dans ${this.src}`);
  }

  parse(): Compiled {
    const e = this.or();
    if (this.i < this.toks.length) throw new Error(`XPath : reste inattendu « ${this.toks[this.i].v} » dans ${this.src}`);
    return e;
  }

  private or(): Compiled {
    let left = this.and();
    while (this.peek('or') && this.toks[this.i].t === 'name') {
      this.i++;
      const l = left;
      const r = this.and();
      left = (n, d) => toBoolean(l(n, d)) || toBoolean(r(n, d));
    }
    return left;
  }

  private and(): Compiled {
    let left = this.cmp();
    while (this.peek('and') && this.toks[this.i].t === 'name') {
      this.i++;
      const l = left;
      const r = this.cmp();
      left = (n, d) => toBoolean(l(n, d)) && toBoolean(r(n, d));
    }
    return left;
  }

  private cmp(): Compiled {
    const left = this.union();
    for (const op of ['=', '!=', '<=', '>=', '<', '>']) {
      if (this.peek(op) && this.toks[this.i].t === 'op') {
        this.i++;
        const right = this.union();
        return (n, d) => compare(op, left(n, d), right(n, d));
      }
    }
    return left;
  }

  private union(): Compiled {
    let left = this.primary();
    while (this.peek('|') && this.toks[this.i].t === 'op') {
      this.i++;
      const l = left;
      const r = this.primary();
      left = (n, d) => {
        const a = l(n, d);
        const b = r(n, d);
        return [...(isNodes(a) ? a : []), ...(isNodes(b) ? b : [])];
      };
    }
    return left;
  }

  private primary(): Compiled {
    const t = this.toks[this.i];
    if (!t) throw new Error(`XPath : expression attendue dans ${this.src}`);
    if (t.t === 'str') { this.i++; const v = t.v; return () => v; }
    if (t.t === 'num') { this.i++; const v = Number(t.v); return () => v; }
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const e = this.or();
      this.expect(')');
      return e;
    }
    if (t.t === 'name' && this.toks[this.i + 1]?.v === '(' && this.toks[this.i + 1]?.t === 'op' && t.v !== 'text') return this.call();
    return this.path();
  }

  private args(): Compiled[] {
    this.expect('(');
    const out: Compiled[] = [];
    if (this.peek(')')) { this.i++; return out; }
    out.push(this.or());
    while (this.peek(',')) { this.i++; out.push(this.or()); }
    this.expect(')');
    return out;
  }

  private call(): Compiled {
    const name = this.next().v;
    const a = this.args();
    const arity = (n: number) => {
      if (a.length !== n) throw new Error(`XPath : ${name}() attend ${n} argument(s) dans ${this.src}`);
    };
    switch (name) {
      case 'not': arity(1); return (n, d) => !toBoolean(a[0](n, d));
      case 'true': arity(0); return () => true;
      case 'false': arity(0); return () => false;
      case 'count': arity(1); return (n, d) => { const v = a[0](n, d); return isNodes(v) ? v.length : 1; };
      case 'exists': arity(1); return (n, d) => { const v = a[0](n, d); return isNodes(v) ? v.length > 0 : true; };
      case 'empty': arity(1); return (n, d) => { const v = a[0](n, d); return isNodes(v) ? v.length === 0 : false; };
      case 'string': arity(1); return (n, d) => toStringValue(a[0](n, d));
      case 'string-length': arity(1); return (n, d) => toStringValue(a[0](n, d)).length;
      case 'normalize-space': arity(1); return (n, d) => toStringValue(a[0](n, d)).replace(/\s+/g, ' ').trim();
      case 'starts-with': arity(2); return (n, d) => toStringValue(a[0](n, d)).startsWith(toStringValue(a[1](n, d)));
      case 'contains': arity(2); return (n, d) => toStringValue(a[0](n, d)).includes(toStringValue(a[1](n, d)));
      case 'concat': return (n, d) => a.map((f) => toStringValue(f(n, d))).join('');
      case 'matches': {
        arity(2);
        // The pattern must be a literal: compiled once (XPath regexes are unanchored, like JS).
        const lit = a[1](undefined as never, undefined as never);
        if (typeof lit !== 'string') throw new Error(`XPath : matches() attend un motif littéral dans ${this.src}`);
        const re = new RegExp(lit, 'u');
        return (n, d) => re.test(toStringValue(a[0](n, d)));
      }
      default: throw new Error(`XPath : fonction non prise en charge ${name}() dans ${this.src}`);
    }
  }

  private path(): Compiled {
    const steps: StepFn[] = [];
    let absolute = false;
    let indexed: string | undefined;
    if (this.peek('/') && this.toks[this.i].t === 'op') {
      this.i++;
      absolute = true;
    } else if (this.peek('//') && this.toks[this.i].t === 'op') {
      this.i++;
      absolute = true;
      // `//cda:x…` from the document: the parse index gives the elements directly.
      const t = this.toks[this.i];
      if (t?.t === 'name' && !(this.toks[this.i + 1]?.v === '(' && this.toks[this.i + 1]?.t === 'op')) {
        indexed = t.v;
        this.i++;
        const preds = this.predicates();
        steps.push((_items, doc) => applyPredicates(doc.byName.get(indexed!) ?? [], preds, doc));
      } else {
        steps.push(this.descendantStep());
        steps.push(this.step());
      }
    }
    if (!absolute || (!indexed && steps.length === 0)) steps.push(this.step());
    for (;;) {
      if (this.peek('/') && this.toks[this.i].t === 'op') {
        this.i++;
        steps.push(this.step());
      } else if (this.peek('//') && this.toks[this.i].t === 'op') {
        this.i++;
        steps.push(this.descendantStep());
        steps.push(this.step());
      } else break;
    }
    return (node, doc) => {
      let items: Item[] = absolute ? (indexed ? [] : [doc.documentNode]) : [node];
      for (const s of steps) items = s(items, doc);
      return items;
    };
  }

  private descendantStep(): StepFn {
    return (items) => {
      const out: XElement[] = [];
      for (const it of items) if (typeof it !== 'string') descendantsOrSelf(it, out);
      return out;
    };
  }

  private predicates(): Compiled[] {
    const preds: Compiled[] = [];
    while (this.peek('[') && this.toks[this.i].t === 'op') {
      this.i++;
      preds.push(this.or());
      this.expect(']');
    }
    return preds;
  }

  private step(): StepFn {
    const t = this.next();
    if (t.t === 'op' && t.v === '.') return (items) => items;
    if (t.t === 'op' && t.v === '..') return (items) => uniq(items.map((i) => (typeof i === 'string' ? undefined : i.parent)));
    if (t.t === 'op' && t.v === '@') {
      const n = this.next();
      const name = n.v;
      if (name === '*') return (items) => items.flatMap((i) => (typeof i === 'string' ? [] : Object.values(i.attrs)));
      return (items) => {
        const out: string[] = [];
        for (const i of items) if (typeof i !== 'string') { const v = i.attrs[name]; if (v !== undefined) out.push(v); }
        return out;
      };
    }
    if (t.t === 'name' && t.v === 'text' && this.peek('(')) {
      this.expect('(');
      this.expect(')');
      return (items) => items.flatMap((i) => (typeof i === 'string' || !i.text ? [] : [i.text]));
    }
    if (t.t !== 'name' && !(t.t === 'op' && t.v === '*')) throw new Error(`XPath : étape attendue, « ${t.v} » trouvé dans ${this.src}`);
    const name = t.v;
    const preds = this.predicates();
    return (items, doc) => {
      const out: Item[] = [];
      for (const i of items) {
        if (typeof i === 'string') continue;
        const kids: Item[] = name === '*' ? i.children : i.children.filter((c) => c.q === name);
        for (const k of preds.length ? applyPredicates(kids, preds, doc) : kids) out.push(k);
      }
      return out;
    };
  }
}

function uniq(items: (XElement | undefined)[]): XElement[] {
  return [...new Set(items.filter((i): i is XElement => !!i))];
}

const cache = new Map<string, Compiled>();

/** Compiles (once per expression text) an XPath of the supported subset; throws on anything else. */
export function compileXPath(src: string): Compiled {
  let c = cache.get(src);
  if (!c) {
    c = new Parser(tokenize(src), src).parse();
    cache.set(src, c);
  }
  return c;
}

/** The elements an expression selects (attribute values and atoms are dropped). */
export function selectElements(expr: Compiled, node: XElement, doc: XDocumentLike): XElement[] {
  const v = expr(node, doc);
  return isNodes(v) ? v.filter((i): i is XElement => typeof i !== 'string') : [];
}
