/**
 * FHIR XML → FHIR JSON, driven by the definitions (http://hl7.org/fhir/R4/xml.html, json.html).
 *
 * One streaming pass over saxes events with an explicit stack (no recursion): each open element is a
 * frame that knows its FHIR path, the element node listing its allowed children, and where its JSON
 * value goes. Representation problems that only exist in XML (namespaces, attributes, text, order) are
 * reported here; everything else is left to the walker, so unknown elements are kept in the JSON under
 * their own name rather than dropped. Security: any DOCTYPE stops the parse (saxes never expands
 * DTD entities and never fetches anything).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import type { CompiledType } from '../../definitions/compiled-types.js';
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import type { ElementNode } from '../../definitions/context/structure-view.js';
import { isPrimitiveType, jsonTypeOf } from '../../definitions/fhir-primitive-types.js';
import type { Finding, FindingParams } from '../finding.js';
import type { Json, JsonObject } from '../json-values.js';
import { finding } from '../sink.js';
import type { Position } from './json-scan.js';

export const FHIR_NS = 'http://hl7.org/fhir';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const MAX_XML_DEPTH = 256;

export interface XmlParseResult {
  resource?: JsonObject;
  findings: Finding[];
  positions: Map<string, Position>;
}

/** Values (and `_x` parts) of one primitive child, assembled when its parent closes. */
interface PrimAcc {
  array: boolean;
  values: Json[];
  exts: (JsonObject | null)[];
}

interface Slot {
  container: JsonObject | Json[];
  key: string | number;
}

/** An element whose JSON form is an object: resource, data type, backbone, primitive (`_x` part) or unknown. */
interface ObjFrame {
  kind: 'obj';
  name: string;
  path: string;
  /** Namespace the FHIR children are expected in (FHIR, or the wrong one already reported on the resource). */
  ns: string;
  target: JsonObject;
  /** Node listing the allowed children; undefined for unknown content (converted best-effort). */
  holder?: ElementNode;
  isResource: boolean;
  order: number;
  orderName: string;
  /** Occurrences per JSON key (array indexes); created with the first child. */
  counts?: Map<string, number>;
  prims?: Map<string, PrimAcc>;
  textSeen: boolean;
  /** Primitive element: its value goes to acc.values[index], this object (id, extension) to acc.exts[index]. */
  prim?: { acc: PrimAcc; index: number; code: string; hasValue: boolean; text: string };
  /** Unknown element: its value attribute, and where the result is stored. */
  generic?: { value?: string; slot: Slot };
}

/** Element typed Resource (contained, Bundle.entry.resource, …): holds exactly one resource element. */
interface ContainerFrame {
  kind: 'container';
  name: string;
  path: string;
  ns: string;
  slot: JsonObject;
  resources: number;
  textSeen: boolean;
}

/** Narrative div: the subtree is kept as the XHTML string of the input. */
interface XhtmlFrame {
  kind: 'xhtml';
  path: string;
  start: number;
  tag: SaxesTagNS;
  parent: ObjFrame;
  key: string;
  array: boolean;
  /** Prefixes used in the subtree and their namespace, and prefixes declared inside it. */
  used: Map<string, string>;
  declared: Set<string>;
}

type Marker = { kind: 'skip' } | { kind: 'xhtml-inner' };

/** How a child element of a given element and type is read, computed once per (node, type). */
interface ChildPlan {
  kind: 'container' | 'primitive' | 'complex' | 'xhtml';
  /** Rank of the element in its parent's children (definition order). */
  rank: number;
  holder?: ElementNode;
}
type Frame = ObjFrame | ContainerFrame | XhtmlFrame | Marker;

const SKIP: Marker = { kind: 'skip' };
const XHTML_INNER: Marker = { kind: 'xhtml-inner' };

const NUMBER_RE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const NON_WS = /\S/;

/** Thrown from event handlers to stop the parse with a fatal finding. */
class Abort {
  constructor(readonly finding: Finding) {}
}

class SyntaxFailure {
  constructor(readonly message: string) {}
}

/** Incremental offset → line/column (1-based, JS string index columns like the JSON scanner). */
class LineTracker {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(offset: number): Position {
    if (offset < this.offset) return positionAt(this.text, offset);
    const t = this.text;
    for (let i = this.offset; i < offset; i++) {
      if (t.charCodeAt(i) === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.max(1, offset - start + 1) };
}

function located(f: Finding, pos: Position): Finding {
  f.line = pos.line;
  f.column = pos.column;
  return f;
}

/** Primitive value from its XML lexical form, typed as the JSON representation expects. */
function primitiveValue(raw: string, code: string): Json {
  if (!isPrimitiveType(code)) return raw;
  const kind = jsonTypeOf(code);
  if (kind === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  // Not a number lexically: keep the string so the walker reports the type error.
  if (kind === 'number') return NUMBER_RE.test(raw) ? Number(raw) : raw;
  return raw;
}

function isNamespaceDeclaration(a: SaxesAttributeNS): boolean {
  return a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns');
}

/** English saxes messages → French (the most common ones; others keep the English text). */
const SAXES_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unclosed tag: (.*)$/, (m) => `balise <${m[1]}> non fermée`],
  [/^unmatched closing tag: (.*)\.$/, (m) => `balise fermante </${m[1]}> sans balise ouvrante correspondante`],
  [/^unexpected close tag\.$/, () => 'balise fermante inattendue'],
  [/^unexpected end\.$/, () => 'fin de document inattendue'],
  [/^document must contain a root element\.$/, () => 'le document ne contient aucun élément racine'],
  [/^documents may contain only one root\.$/, () => 'le document ne peut contenir qu’un seul élément racine'],
  [/^text data outside of root node\.$/, () => 'texte en dehors de l’élément racine'],
  [/^disallowed character in tag name\.?$/, () => 'caractère interdit dans un nom de balise'],
  [/^disallowed character in attribute name\.$/, () => 'caractère interdit dans un nom d’attribut'],
  [/^disallowed character in closing tag\.$/, () => 'caractère interdit dans une balise fermante'],
  [/^disallowed character in entity name\.$/, () => 'caractère interdit dans un nom d’entité'],
  [/^disallowed character\.$/, () => 'caractère interdit'],
  [/^duplicate attribute: (.*)\.$/, (m) => `attribut ${m[1]} en double`],
  [/^unbound namespace prefix: "(.*)"\.$/, (m) => `préfixe d’espace de noms « ${m[1]} » non déclaré`],
  [/^undefined entity\.$/, () => 'entité non définie (seules &lt; &gt; &amp; &quot; &apos; et les références numériques &#…; sont permises)'],
  [/^malformed character entity\.$/, () => 'référence de caractère mal formée'],
  [/^empty entity name\.$/, () => 'nom d’entité vide'],
  [/^attribute without value\.$/, () => 'attribut sans valeur'],
  [/^unquoted attribute value\.$/, () => 'valeur d’attribut sans guillemets'],
  [/^no whitespace between attributes\.$/, () => 'espace manquant entre deux attributs'],
  [/^forward-slash in opening tag not followed by >\.$/, () => '« / » non suivi de « > » dans une balise ouvrante'],
  [/^the string "\]\]>" is disallowed in char data\.$/, () => 'la séquence « ]]> » est interdite dans le texte'],
  [/^malformed comment\.$/, () => 'commentaire mal formé'],
  [/^malformed name: (.*)\.$/, (m) => `nom mal formé : ${m[1]}`],
  [/^incorrect syntax\.$/, () => 'syntaxe incorrecte'],
  [/^(an |the )?XML declaration/i, () => 'déclaration XML (<?xml …?>) mal formée ou mal placée'],
  [/processing instruction/i, () => 'instruction de traitement mal formée ou mal placée'],
  [/^weird empty close tag\.$/, () => 'balise fermante vide'],
];

function translateSaxes(en: string): string {
  for (const [re, fr] of SAXES_MESSAGES) {
    const m = re.exec(en);
    if (m) return fr(m);
  }
  return `erreur de syntaxe XML (${en})`;
}

export function parseFhirXml(input: string, ctx: DefinitionContext): XmlParseResult {
  return new FhirXmlReader(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, ctx).read();
}

class FhirXmlReader {
  private readonly findings: Finding[] = [];
  private readonly positions = new Map<string, Position>();
  private readonly lines: LineTracker;
  private readonly stack: Frame[] = [];
  /** Offsets of the start tags of the open elements (parallel to the stack). */
  private readonly starts: number[] = [];
  private tagStart = 0;
  private resource?: JsonObject;
  private xhtml?: XhtmlFrame;
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly plans = new Map<ElementNode, Map<string, ChildPlan>>();

  constructor(private readonly text: string, private readonly ctx: DefinitionContext) {
    this.lines = new LineTracker(text);
  }

  read(): XmlParseResult {
    const p = this.parser;
    p.on('error', (e) => {
      throw new SyntaxFailure(e.message.replace(/^\d+:\d+: /, ''));
    });
    p.on('doctype', () => {
      const at = this.text.lastIndexOf('<!DOCTYPE', p.position);
      throw new Abort(located(finding('FHIR-XML-DTD', '(document)', {}), positionAt(this.text, at >= 0 ? at : p.position)));
    });
    p.on('opentagstart', (tag) => {
      // The name and the character ending it have been read: the '<' is just before the name.
      this.tagStart = this.text.lastIndexOf('<', p.position - tag.name.length - 1);
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.close());
    p.on('text', (t) => this.onText(t));
    p.on('cdata', (t) => this.onText(t));
    try {
      p.write(this.text).close();
    } catch (e) {
      if (e instanceof Abort) return { findings: [e.finding], positions: this.positions };
      if (e instanceof SyntaxFailure) return { findings: [this.syntaxFinding(e.message)], positions: this.positions };
      throw e; // a bug in this reader, not a property of the input
    }
    return { resource: this.resource, findings: this.findings, positions: this.positions };
  }

  private syntaxFinding(en: string): Finding {
    // An unclosed element is best located at its start tag; anything else where the parser stopped.
    const unclosed = /^unclosed tag: /.test(en) && this.starts.length > 0;
    const pos = unclosed ? this.lines.at(this.starts[this.starts.length - 1]) : positionAt(this.text, Math.max(0, this.parser.position - 1));
    return located(finding('FHIR-PARSE-XML', '(document)', { detail: translateSaxes(en), detail_en: en }), pos);
  }

  private report(ruleId: string, path: string, params: FindingParams, pos: Position): void {
    this.findings.push(located(finding(ruleId, path, params), pos));
  }

  /** Paths are unique per element (a contained resource is recorded at its container only). */
  private record(path: string, pos: Position): void {
    this.positions.set(path, pos);
  }

  // ---- events --------------------------------------------------------------------------

  private open(tag: SaxesTagNS): void {
    const start = this.tagStart;
    if (this.stack.length >= MAX_XML_DEPTH) {
      const pos = this.lines.at(start);
      throw new Abort(located(finding('FHIR-PARSE-XML', '(document)', {
        detail: `imbrication trop profonde (plus de ${MAX_XML_DEPTH} niveaux d’éléments)`,
        detail_en: `nesting too deep (more than ${MAX_XML_DEPTH} element levels)`,
      }), pos));
    }
    const top = this.stack[this.stack.length - 1];
    let frame: Frame;
    if (!top) frame = this.openRoot(tag, start);
    else if (top.kind === 'skip') frame = SKIP;
    else if (top.kind === 'xhtml' || top.kind === 'xhtml-inner') {
      this.trackXhtmlPrefixes(tag);
      frame = XHTML_INNER;
    } else if (top.kind === 'container') frame = this.openInContainer(top, tag, start);
    else frame = this.openChild(top, tag, start);
    this.stack.push(frame);
    this.starts.push(start);
  }

  private close(): void {
    const frame = this.stack.pop();
    this.starts.pop();
    if (!frame) return;
    if (frame.kind === 'obj') this.closeObj(frame);
    else if (frame.kind === 'xhtml') this.closeXhtml(frame);
    else if (frame.kind === 'container' && frame.resources > 1) {
      this.report('FHIR-CARD-MAX', frame.path, { element: frame.name, count: frame.resources, max: 1 }, this.positions.get(frame.path) ?? { line: 1, column: 1 });
    }
  }

  private onText(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || (top.kind !== 'obj' && top.kind !== 'container')) return; // prolog, xhtml, skipped content
    if (!NON_WS.test(t)) return;
    if (top.kind === 'obj' && top.prim) top.prim.text += t;
    if (top.textSeen) return;
    top.textSeen = true;
    this.report('FHIR-XML-TEXT', top.path, { element: top.name }, this.lines.at(this.starts[this.starts.length - 1]));
  }

  // ---- opening elements ----------------------------------------------------------------

  private openRoot(tag: SaxesTagNS, start: number): Frame {
    const pos = this.lines.at(start);
    const name = tag.local;
    this.checkResourceNamespace(tag, name, pos);
    const target: JsonObject = { resourceType: name };
    this.resource = target;
    this.record(name, pos);
    this.record('', pos);
    return this.resourceFrame(tag, name, name, target, pos);
  }

  private resourceFrame(tag: SaxesTagNS, name: string, path: string, target: JsonObject, pos: Position): ObjFrame {
    const holder = this.ctx.isResourceType(name) ? this.ctx.typeStructure(name)?.root : undefined;
    const frame = this.objFrame(name, path, tag.uri, target, holder, true);
    this.attributes(frame, tag, pos);
    return frame;
  }

  private checkResourceNamespace(tag: SaxesTagNS, path: string, pos: Position): void {
    if (tag.uri !== FHIR_NS) this.report('FHIR-XML-NAMESPACE', path, this.nsParams(tag, FHIR_NS), pos);
  }

  private nsParams(tag: SaxesTagNS, expected: string): FindingParams {
    return tag.uri ? { found: tag.uri, expected, element: tag.name } : { found: '(aucun)', found_en: '(none)', expected, element: tag.name };
  }

  private objFrame(name: string, path: string, ns: string, target: JsonObject, holder: ElementNode | undefined, isResource: boolean): ObjFrame {
    return { kind: 'obj', name, path, ns, target, holder, isResource, order: -1, orderName: '', textSeen: false };
  }

  private openInContainer(container: ContainerFrame, tag: SaxesTagNS, start: number): Frame {
    container.resources++;
    if (container.resources > 1) return SKIP; // reported as a cardinality problem when the container closes
    const pos = this.lines.at(start);
    if (tag.uri !== FHIR_NS && tag.uri !== container.ns) this.report('FHIR-XML-NAMESPACE', container.path, this.nsParams(tag, FHIR_NS), pos);
    container.slot.resourceType = tag.local;
    return this.resourceFrame(tag, tag.local, container.path, container.slot, pos);
  }

  private openChild(parent: ObjFrame, tag: SaxesTagNS, start: number): Frame {
    const name = tag.local;
    const pos = this.lines.at(start);
    const holder = parent.holder;
    const match = holder?.childForKey(name);
    const plan = holder && match ? this.plan(holder, match.node, match.type) : undefined;

    if (plan?.kind === 'xhtml') return this.openXhtml(parent, tag, start, match!.node, pos, this.outOfOrder(parent, plan.rank, name));

    if (tag.uri !== FHIR_NS && tag.uri !== parent.ns) {
      // Foreign content is not FHIR: reported once, not converted.
      this.report('FHIR-XML-NAMESPACE', `${parent.path}.${name}`, this.nsParams(tag, FHIR_NS), pos);
      return SKIP;
    }

    if (!holder || !match || !plan) return this.openGeneric(parent, tag, pos);

    const node = match.node;
    if (node.el.xmlAttr) {
      // id, url and value are attributes in XML: as elements they are not part of the format.
      const type = holder.parent ? holder.el.types?.[0]?.code ?? holder.el.path : holder.structure.def.type;
      this.report('FHIR-STRUCT-UNKNOWN', `${parent.path}.${name}`, { key: name, type }, pos);
      return SKIP;
    }

    const orderProblem = this.outOfOrder(parent, plan.rank, name);
    let frame: Frame;
    let path: string;
    if (plan.kind === 'container') {
      const slot: JsonObject = {};
      path = this.place(parent, name, node.el.array, slot).path;
      frame = { kind: 'container', name, path, ns: parent.ns, slot, resources: 0, textSeen: false };
      this.attributes(frame, tag, pos);
    } else if (plan.kind === 'primitive') {
      const prims = (parent.prims ??= new Map());
      let acc = prims.get(name);
      if (!acc) {
        acc = { array: node.el.array, values: [], exts: [] };
        prims.set(name, acc);
      }
      const index = acc.values.length;
      acc.values.push(null);
      acc.exts.push(null);
      path = acc.array || index > 0 ? `${parent.path}.${name}[${index}]` : `${parent.path}.${name}`;
      const f = this.objFrame(name, path, parent.ns, {}, plan.holder, false);
      f.prim = { acc, index, code: match.type.code, hasValue: false, text: '' };
      this.attributes(f, tag, pos);
      frame = f;
    } else {
      const target: JsonObject = {};
      path = this.place(parent, name, node.el.array, target).path;
      const f = this.objFrame(name, path, parent.ns, target, plan.holder, false);
      this.attributes(f, tag, pos);
      frame = f;
    }
    this.record(path, pos);
    if (orderProblem) this.report('FHIR-XML-ORDER', path, { element: name, before: parent.orderName }, pos);
    return frame;
  }

  private plan(holder: ElementNode, node: ElementNode, type: CompiledType): ChildPlan {
    let byCode = this.plans.get(node);
    if (!byCode) {
      byCode = new Map();
      this.plans.set(node, byCode);
    }
    let plan = byCode.get(type.code);
    if (!plan) {
      const code = type.code;
      const rank = holder.children.indexOf(node);
      if (code === 'xhtml') plan = { kind: 'xhtml', rank };
      else if (code === 'Resource' || this.ctx.isResourceType(code)) plan = { kind: 'container', rank };
      else if (isPrimitiveType(code)) plan = { kind: 'primitive', rank, holder: this.ctx.typeStructure(code)?.root };
      else plan = { kind: 'complex', rank, holder: this.complexHolder(node, type) };
      byCode.set(code, plan);
    }
    return plan;
  }

  /** Definition order: a child ranked before the furthest one seen so far (repeats share one rank). */
  private outOfOrder(parent: ObjFrame, rank: number, name: string): boolean {
    if (rank < parent.order) return true;
    parent.order = rank;
    parent.orderName = name;
    return false;
  }

  private complexHolder(node: ElementNode, type: CompiledType): ElementNode | undefined {
    if (node.children.length) return node;
    const ref = node.el.contentReference;
    if (ref) return node.structure.node(ref.slice(ref.indexOf('#') + 1));
    if (type.code === 'BackboneElement' || type.code === 'Element') return undefined;
    return this.ctx.typeStructure(type.code)?.root;
  }

  /** Unknown element: kept under its own name (value attribute as a string, or an object of its children). */
  private openGeneric(parent: ObjFrame, tag: SaxesTagNS, pos: Position): Frame {
    const name = tag.local;
    const target: JsonObject = {};
    const { path, slot } = this.place(parent, name, false, target);
    this.record(path, pos);
    const f = this.objFrame(name, path, parent.ns, target, undefined, false);
    f.generic = { slot };
    this.attributes(f, tag, pos);
    return f;
  }

  private openXhtml(parent: ObjFrame, tag: SaxesTagNS, start: number, node: ElementNode, pos: Position, orderProblem: boolean): Frame {
    const name = tag.local;
    const n = parent.counts?.get(name) ?? 0;
    const path = node.el.array || n > 0 ? `${parent.path}.${name}[${n}]` : `${parent.path}.${name}`;
    this.record(path, pos);
    if (tag.uri !== XHTML_NS) this.report('FHIR-XML-NAMESPACE', path, this.nsParams(tag, XHTML_NS), pos);
    if (orderProblem) this.report('FHIR-XML-ORDER', path, { element: name, before: parent.orderName }, pos);
    const frame: XhtmlFrame = { kind: 'xhtml', path, start, tag, parent, key: name, array: node.el.array, used: new Map(), declared: new Set() };
    this.xhtml = frame;
    this.trackXhtmlPrefixes(tag);
    return frame;
  }

  private trackXhtmlPrefixes(tag: SaxesTagNS): void {
    const x = this.xhtml;
    if (!x) return;
    for (const p of Object.keys(tag.ns)) x.declared.add(p);
    if (tag.prefix && !x.used.has(tag.prefix)) x.used.set(tag.prefix, tag.uri);
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix && a.prefix !== 'xmlns' && a.prefix !== 'xml' && !x.used.has(a.prefix)) x.used.set(a.prefix, a.uri);
    }
  }

  /**
   * Reserves the JSON place of a complex child: arrays for repeating elements; a non-repeating element
   * seen twice becomes an array too, so that the walker reports it.
   */
  private place(parent: ObjFrame, key: string, array: boolean, value: Json): { path: string; slot: Slot } {
    const counts = (parent.counts ??= new Map());
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const t = parent.target;
    if (!array && n === 0) {
      t[key] = value;
      return { path: `${parent.path}.${key}`, slot: { container: t, key } };
    }
    let arr = t[key];
    if (!Array.isArray(arr)) {
      arr = arr === undefined ? [] : [arr];
      t[key] = arr;
    }
    arr.push(value);
    return { path: `${parent.path}.${key}[${n}]`, slot: { container: arr, key: arr.length - 1 } };
  }

  /** value / id / url where the definition makes them attributes; anything else is reported. */
  private attributes(frame: ObjFrame | ContainerFrame, tag: SaxesTagNS, pos: Position): void {
    for (const a of Object.values(tag.attributes)) {
      if (isNamespaceDeclaration(a)) continue;
      if (frame.kind === 'obj' && a.uri === '' && this.acceptAttribute(frame, a)) continue;
      this.report('FHIR-XML-ATTRIBUTE', frame.path, { attribute: a.name, element: tag.name }, pos);
    }
  }

  private acceptAttribute(frame: ObjFrame, a: SaxesAttributeNS): boolean {
    const name = a.local;
    if (frame.generic) {
      if (name === 'value') frame.generic.value = a.value;
      else if (name === 'id' || name === 'url') frame.target[name] = a.value;
      else return false;
      return true;
    }
    if (frame.isResource || !frame.holder) return false;
    const child = frame.holder.childForKey(name)?.node;
    if (!child || !child.el.xmlAttr || child.name !== name) return false;
    if (name === 'value' && frame.prim) {
      frame.prim.acc.values[frame.prim.index] = primitiveValue(a.value, frame.prim.code);
      frame.prim.hasValue = true;
      return true;
    }
    if (name === 'value') return false;
    const code = child.el.types?.[0]?.code ?? 'string';
    frame.target[name] = primitiveValue(a.value, code);
    return true;
  }

  // ---- closing elements ----------------------------------------------------------------

  private closeObj(frame: ObjFrame): void {
    const t = frame.target;
    if (frame.prims) {
      for (const [key, acc] of frame.prims) {
        const multi = acc.array || acc.values.length > 1;
        // An occurrence with neither value nor extension stays as null: the walker reports it.
        const needValues = acc.values.some((v, i) => v !== null || acc.exts[i] === null);
        if (needValues) t[key] = multi ? acc.values : acc.values[0];
        if (acc.exts.some((e) => e !== null)) t[`_${key}`] = multi ? acc.exts : acc.exts[0];
      }
    }
    if (frame.prim) {
      const { acc, index, code, hasValue, text } = frame.prim;
      // Text instead of a value attribute (already reported): use it so the value is still checked.
      if (!hasValue && text.trim()) acc.values[index] = primitiveValue(text.trim(), code);
      if (Object.keys(t).length) acc.exts[index] = t;
    }
    if (frame.generic) {
      const { value, slot } = frame.generic;
      if (value !== undefined) {
        if (Object.keys(t).length === 0) (slot.container as Record<string | number, Json>)[slot.key] = value;
        else t.value = value;
      }
    }
  }

  private closeXhtml(frame: XhtmlFrame): void {
    this.xhtml = undefined;
    let raw = this.text.slice(frame.start, this.parser.position);
    if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n'); // XML end-of-line handling
    // Declarations made outside the div are copied onto it so that the string stands alone.
    let decls = '';
    const tag = frame.tag;
    if (!tag.prefix && !('' in tag.ns) && tag.uri && tag.uri !== FHIR_NS) decls += ` xmlns="${escapeAttr(tag.uri)}"`;
    for (const [prefix, uri] of frame.used) if (!frame.declared.has(prefix)) decls += ` xmlns:${prefix}="${escapeAttr(uri)}"`;
    if (decls) raw = `<${tag.name}${decls}${raw.slice(tag.name.length + 1)}`;
    this.place(frame.parent, frame.key, frame.array, raw);
  }
}

function escapeAttr(s: string): string {
  return s.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}
