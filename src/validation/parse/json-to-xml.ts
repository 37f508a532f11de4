/**
 * FHIR JSON → FHIR XML (http://hl7.org/fhir/R4/xml.html), driven by the definitions: elements in
 * definition order, `id` / `url` / `value` as attributes, `x` and `_x` merged into one element, the
 * narrative div copied as XML, resources wrapped in their container element.
 *
 * Used to emit datasets (including deliberately invalid ones), so content the definitions do not know
 * is written best-effort after the known elements rather than dropped; reading the output back with
 * parseFhirXml gives the same JSON for every representable input.
 */
import { SaxesParser } from 'saxes';
import type { CompiledType } from '../../definitions/compiled-types.js';
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import type { ElementNode } from '../../definitions/context/structure-view.js';
import { isPrimitiveType } from '../../definitions/fhir-primitive-types.js';
import { isObject, type Json, type JsonObject } from '../json-values.js';
import { FHIR_NS, XHTML_NS } from './xml-to-json.js';

const INDENT = '  ';
const MAX_DEPTH = 1000;
const XML_NAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u;
// Characters XML 1.0 cannot carry at all, not even as character references.
// With the u flag a surrogate range only matches lone surrogates (pairs are one code point).
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

export function serialiseFhirXml(resource: JsonObject, ctx: DefinitionContext): string {
  const rt = resource.resourceType;
  if (typeof rt !== 'string' || !XML_NAME.test(rt)) {
    throw new Error('resourceType absent ou invalide : la ressource ne peut pas être écrite en XML');
  }
  const w = new XmlWriter(ctx);
  w.out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  w.resource(resource, rt, 0, true);
  return w.out.join('');
}

interface Prop {
  key: string;
  node?: ElementNode;
  type?: CompiledType;
  rank: number;
  seq: number;
}

class XmlWriter {
  readonly out: string[] = [];

  constructor(private readonly ctx: DefinitionContext) {}

  resource(obj: JsonObject, rt: string, depth: number, root: boolean): void {
    const holder = this.ctx.isResourceType(rt) ? this.ctx.typeStructure(rt)?.root : undefined;
    this.element(rt, root ? ` xmlns="${FHIR_NS}"` : '', obj, holder, depth, true);
  }

  /** One element with attributes and children taken from a JSON object. */
  private element(name: string, extraAttrs: string, obj: JsonObject, holder: ElementNode | undefined, depth: number, isResource: boolean, value?: Json): void {
    if (depth > MAX_DEPTH) throw new Error('imbrication trop profonde pour l’écriture XML');
    const { attrs, props } = this.plan(obj, holder, isResource, value !== undefined && value !== null);
    let head = `${INDENT.repeat(depth)}<${name}${extraAttrs}${attrs}`;
    if (value !== undefined && value !== null) head += ` value="${escapeAttr(scalarText(value))}"`;
    if (!props.length) {
      this.out.push(`${head}/>\n`);
      return;
    }
    this.out.push(`${head}>\n`);
    for (const p of props) this.property(obj, p, depth + 1);
    this.out.push(`${INDENT.repeat(depth)}</${name}>\n`);
  }

  /** Attributes (id, url where the definition says so) and child properties in definition order. */
  private plan(obj: JsonObject, holder: ElementNode | undefined, isResource: boolean, hasValue: boolean): { attrs: string; props: Prop[] } {
    let attrs = '';
    const props: Prop[] = [];
    const seen = new Set<string>();
    for (const key of Object.keys(obj)) {
      if (isResource && key === 'resourceType') continue;
      let base = key;
      let m = holder?.childForKey(key);
      if (key.startsWith('_')) {
        const pm = holder?.childForKey(key.slice(1));
        if (pm && isPrimitiveType(pm.type.code)) {
          base = key.slice(1);
          m = pm;
        }
      }
      if (seen.has(base)) continue;
      seen.add(base);
      const asAttr = !(hasValue && key === 'value') && isScalar(obj[key]);
      if (!holder) {
        // Unknown content (not an unknown resource): scalar id / url / value are read back as attributes.
        if (!isResource && asAttr && (key === 'id' || key === 'url' || key === 'value')) {
          attrs += ` ${key}="${escapeAttr(scalarText(obj[key]))}"`;
          continue;
        }
      } else if (m?.node.el.xmlAttr && base === key && key !== 'value' && asAttr) {
        // id and url; a primitive's value attribute only comes from the value itself
        attrs += ` ${key}="${escapeAttr(scalarText(obj[key]))}"`;
        continue;
      }
      const rank = m && holder ? holder.children.indexOf(m.node) : Number.MAX_SAFE_INTEGER;
      props.push({ key: base, node: m?.node, type: m?.type, rank, seq: props.length });
    }
    props.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
    return { attrs, props };
  }

  private property(obj: JsonObject, p: Prop, depth: number): void {
    const { key, node, type } = p;
    if (!XML_NAME.test(key)) {
      this.out.push(`${INDENT.repeat(depth)}<!-- propriété JSON non représentable en XML : ${commentText(key)} -->\n`);
      return;
    }
    if (!node || !type) {
      this.generic(key, obj[key], depth);
      return;
    }
    const code = type.code;
    if (code === 'xhtml') {
      for (const v of items(obj[key])) this.xhtml(v, depth);
      return;
    }
    if (isPrimitiveType(code)) {
      const values = items(obj[key]);
      const exts = items(obj[`_${key}`]);
      const holder = this.ctx.typeStructure(code)?.root;
      for (let i = 0; i < Math.max(values.length, exts.length); i++) {
        const ext = exts[i];
        this.element(key, '', isObject(ext) ? ext : {}, holder, depth, false, values[i]);
      }
      return;
    }
    if (code === 'Resource' || this.ctx.isResourceType(code)) {
      for (const v of items(obj[key])) {
        const rt = isObject(v) ? v.resourceType : undefined;
        if (!isObject(v) || typeof rt !== 'string' || !XML_NAME.test(rt)) {
          this.out.push(`${INDENT.repeat(depth)}<${key}/>\n`); // read back as a resource without type
          continue;
        }
        this.out.push(`${INDENT.repeat(depth)}<${key}>\n`);
        this.resource(v, rt, depth + 1, false);
        this.out.push(`${INDENT.repeat(depth)}</${key}>\n`);
      }
      return;
    }
    const holder = this.complexHolder(node, type);
    for (const v of items(obj[key])) {
      if (isObject(v)) this.element(key, '', v, holder, depth, false);
      else this.element(key, '', {}, undefined, depth, false, v); // wrong JSON type: kept as a value
    }
  }

  private complexHolder(node: ElementNode, type: CompiledType): ElementNode | undefined {
    if (node.children.length) return node;
    const ref = node.el.contentReference;
    if (ref) return node.structure.node(ref.slice(ref.indexOf('#') + 1));
    if (type.code === 'BackboneElement' || type.code === 'Element') return undefined;
    return this.ctx.typeStructure(type.code)?.root;
  }

  /** Content the definitions do not know: scalars as value attributes, objects as children. */
  private generic(key: string, value: Json | undefined, depth: number): void {
    for (const v of items(value)) {
      if (isObject(v)) this.element(key, '', v, undefined, depth, false);
      else this.element(key, '', {}, undefined, depth, false, v);
    }
  }

  /** A well-formed div is copied as is; anything else is written as the text of an XHTML div. */
  private xhtml(v: Json, depth: number): void {
    const pad = INDENT.repeat(depth);
    if (typeof v === 'string' && isStandaloneDiv(v)) this.out.push(`${pad}${v}\n`);
    else this.out.push(`${pad}<div xmlns="${XHTML_NS}">${escapeText(typeof v === 'string' ? v : JSON.stringify(v))}</div>\n`);
  }
}

/** Array items, or the single value; null stays (written as an empty element, read back as null). */
function items(v: Json | undefined): Json[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function isScalar(v: Json | undefined): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function scalarText(v: Json | undefined): string {
  return isScalar(v) ? String(v) : JSON.stringify(v) ?? '';
}

function xmlSafe(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD');
}

function escapeAttr(s: string): string {
  return xmlSafe(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

function escapeText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/g, (c) => ATTR_ESCAPES[c]);
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function commentText(s: string): string {
  return JSON.stringify(xmlSafe(s)).replace(/--/g, '- -');
}

/** The string is one well-formed XML element named div, with every prefix declared, and no DTD. */
function isStandaloneDiv(s: string): boolean {
  if (!s.startsWith('<')) return false;
  const p = new SaxesParser({ xmlns: true });
  let depth = 0;
  let ok = true;
  p.on('error', (e) => {
    throw e;
  });
  p.on('doctype', () => {
    ok = false;
  });
  // An XML declaration or a processing instruction cannot sit inside the document.
  p.on('xmldecl', () => {
    ok = false;
  });
  p.on('processinginstruction', () => {
    ok = false;
  });
  p.on('opentag', (t) => {
    if (depth === 0 && t.local !== 'div') ok = false;
    depth++;
  });
  try {
    p.write(s).close();
  } catch {
    return false;
  }
  return ok;
}
