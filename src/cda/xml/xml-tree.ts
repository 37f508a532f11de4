/**
 * Safe XML → a light element tree for the CDA rules, in one saxes pass.
 *
 * Safety: any DOCTYPE stops the parse (so no DTD, no external entity and no entity expansion can ever
 * happen; saxes itself never fetches anything), and size and depth are bounded, so a hostile input
 * costs at most one linear scan. Names are stored qualified with fixed prefixes (`cda:`, `sdtc:`,
 * `xsi:`), whatever prefixes the document uses, so rules compare plain strings.
 */
import { isUtf8 } from 'node:buffer';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const CDA_NS = 'urn:hl7-org:v3';
export const SDTC_NS = 'urn:hl7-org:sdtc';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const PREFIX_BY_NS: Record<string, string> = { [CDA_NS]: 'cda', [SDTC_NS]: 'sdtc', [XSI_NS]: 'xsi', 'http://www.w3.org/XML/1998/namespace': 'xml' };

/** Largest document parsed (bytes of text): bigger inputs get a finding, not a parse. */
export const MAX_XML_CHARS = 64 * 1024 * 1024;
export const MAX_XML_DEPTH = 256;

export interface XElement {
  /** Qualified name with the fixed prefix (`cda:section`), or `{uri}local` for other namespaces. */
  readonly q: string;
  readonly attrs: Record<string, string>;
  readonly children: XElement[];
  readonly parent?: XElement;
  /** Text directly inside the element (children's text excluded), as written. */
  text: string;
  /** Position of the start tag (1-based). */
  readonly line: number;
  readonly column: number;
}

export interface XmlProblem {
  kind: 'malformed' | 'doctype' | 'too-large' | 'too-deep';
  message: string;
  line?: number;
  column?: number;
}

export interface XmlDocument {
  root?: XElement;
  /** Elements by qualified name, in document order (the `//cda:x` steps of the rules). */
  byName: Map<string, XElement[]>;
  /** The document node of absolute paths (its only child is the root element). */
  documentNode: XElement;
  problem?: XmlProblem;
}

function documentNode(root?: XElement): XElement {
  return { q: '#document', attrs: {}, children: root ? [root] : [], text: '', line: 1, column: 1 };
}

class StopParse extends Error {
  constructor(readonly problem: XmlProblem) {
    super(problem.message);
  }
}

function qualify(uri: string, local: string): string {
  const prefix = PREFIX_BY_NS[uri];
  return prefix ? `${prefix}:${local}` : uri ? `{${uri}}${local}` : local;
}

const HIGH = /[\x80-\xff]/;

/** A value read from UTF-8 bytes decoded as Latin-1 (see parseXmlBytes), decoded again when not ASCII. */
function fromLatin1(s: string): string {
  return HIGH.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

/**
 * Parses UTF-8 bytes. Decoding a whole document as UTF-8 cost more than the parse itself (3 ms for a
 * 385 KB export with a few accents); decoded as Latin-1 it is a copy, and saxes is faster on the one-byte
 * string. Markup is ASCII, so only attribute values and text holding bytes ≥ 0x80 are decoded again,
 * whole (a multi-byte character never straddles markup); a document that does not parse so (non-ASCII
 * element names) is parsed again from its UTF-8 decoding. Columns count bytes on lines that hold
 * non-ASCII characters before the element. Invalid UTF-8 is decoded the usual way (replacement characters).
 */
export function parseXmlBytes(bytes: Buffer): XmlDocument {
  if (!isUtf8(bytes)) return parseXml(bytes.toString('utf8'));
  const text = bytes.toString('latin1');
  const doc = parseXml(text.startsWith('\xEF\xBB\xBF') ? text.slice(3) : text, fromLatin1);
  // Non-ASCII names are not valid once read as Latin-1: such (rare) documents are parsed again, decoded.
  return doc.problem?.kind === 'malformed' ? parseXml(bytes.toString('utf8').replace(/^\uFEFF/, '')) : doc;
}

export function parseXml(text: string, decode: (s: string) => string = (s) => s): XmlDocument {
  const byName = new Map<string, XElement[]>();
  if (text.length > MAX_XML_CHARS) {
    return { byName, documentNode: documentNode(), problem: { kind: 'too-large', message: `${text.length} caractères (maximum ${MAX_XML_CHARS})` } };
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XElement[] = [];
  let root: XElement | undefined;
  let startLine = 1;
  let startColumn = 1;
  parser.on('doctype', () => {
    throw new StopParse({ kind: 'doctype', message: 'DOCTYPE', line: parser.line, column: parser.column });
  });
  parser.on('opentagstart', (tag) => {
    startLine = parser.line;
    startColumn = Math.max(1, parser.column - tag.name.length - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_XML_DEPTH) throw new StopParse({ kind: 'too-deep', message: `profondeur > ${MAX_XML_DEPTH}`, line: startLine, column: startColumn });
    const attrs: Record<string, string> = {};
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? qualify(a.uri, a.local) : a.local] = decode(a.value);
    }
    const parent = stack[stack.length - 1];
    const el: XElement = { q: qualify(tag.uri, tag.local), attrs, children: [], parent, text: '', line: startLine, column: startColumn };
    if (parent) parent.children.push(el);
    else root = el;
    let list = byName.get(el.q);
    if (!list) byName.set(el.q, (list = []));
    list.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += decode(t);
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += decode(t);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof StopParse) return { byName, documentNode: documentNode(), problem: e.problem };
    const message = (e as Error).message;
    // saxes messages start with "line:column: "; keep the position as data.
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    return { byName, documentNode: documentNode(), problem: { kind: 'malformed', message: m ? m[3] : message, line: m ? Number(m[1]) : parser.line, column: m ? Number(m[2]) : parser.column } };
  }
  return { root, byName, documentNode: documentNode(root) };
}

/** The text of the element and all its descendants (XPath string value). */
export function stringValue(el: XElement): string {
  if (!el.children.length) return el.text;
  let s = el.text;
  for (const c of el.children) s += stringValue(c);
  return s;
}

/** An indexed XPath to the element: `/cda:ClinicalDocument/cda:component/…/cda:entry[3]/cda:encounter`. */
export function xpathOf(el: XElement): string {
  const parts: string[] = [];
  for (let e: XElement | undefined = el; e; e = e.parent) {
    const siblings = e.parent ? e.parent.children.filter((c) => c.q === e!.q) : [e];
    parts.push(siblings.length > 1 ? `${e.q}[${siblings.indexOf(e) + 1}]` : e.q);
  }
  return `/${parts.reverse().join('/')}`;
}
