/**
 * Extension occurrences: URL form, definition lookup by URL (unknown URLs reported as the reference
 * validator does, and as an error when the URL sits in a domain whose package is loaded), context of use,
 * and modifier consistency. See http://hl7.org/fhir/R4/extensibility.html
 */
import type { ElementNode, StructureView } from '../definitions/context/structure-view.js';
import type { ContextPath } from './context-path.js';
import type { JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import type { InstanceWalker, Item } from './walker.js';

const knownDomains = new WeakMap<object, string[]>();

/** The element an extension sits on. */
export interface ExtensionHolder {
  /** Paths of the holder: from its resource ("Patient.address.line"), then from enclosing data types ("Address.line"). */
  paths: ContextPath;
  node: ElementNode;
  value: JsonObject;
}

export function checkExtensionItem(w: InstanceWalker, item: Item, extElement: ElementNode, scope: Scope, holder: ExtensionHolder, walkedProfile?: string): void {
  const ext = item.value as JsonObject;
  const holderNode = holder.node;
  const url = ext.url;
  const isModifierSlot = extElement.name === 'modifierExtension';
  const holderType = holderNode.parent ? holderNode.el.types?.[0]?.code ?? 'BackboneElement' : holderNode.structure.def.type;
  if (typeof url !== 'string' || url === '') {
    scope.sink.add(finding('FHIR-EXT-URL', item.loc, { found: typeof url === 'string' ? '""' : 'absente' }, scope.profile));
    return;
  }
  if (!/^[a-z][a-z0-9+.-]*:/.test(url)) {
    // Relative URLs name the sub-extensions of a complex extension; they are defined by its slices.
    if (holderType !== 'Extension') scope.sink.add(finding('FHIR-EXT-URL', item.loc.child('url'), { found: url }, scope.profile));
    return;
  }
  const s = w.extensionStructure(url);
  if (!s) {
    if (isModifierSlot) {
      scope.sink.add(finding('FHIR-EXT-MODIFIER', item.loc, { url, detail: 'extension modificatrice inconnue : elle ne peut pas être ignorée', detail_en: 'unknown modifier extension: it cannot be ignored' }, scope.profile));
      return;
    }
    const domain = domainOf(w, url);
    if (domain) scope.sink.add(finding('FHIR-EXT-UNKNOWN-KNOWN-DOMAIN', item.loc.child('url'), { url, domain }, scope.profile));
    else scope.sink.add(finding('FHIR-EXT-UNKNOWN', item.loc.child('url'), { url }, scope.profile));
    return;
  }
  if (walkedProfile !== url) w.walkStructure(ext, s, item.loc, scope);
  const isModifierDef = !!s.root.el.isModifier;
  if (isModifierDef !== isModifierSlot) {
    scope.sink.add(finding('FHIR-EXT-MODIFIER', item.loc, {
      url,
      detail: isModifierDef ? 'extension modificatrice placée dans extension au lieu de modifierExtension' : 'extension non modificatrice placée dans modifierExtension',
      detail_en: isModifierDef ? 'modifier extension placed in extension instead of modifierExtension' : 'non-modifier extension placed in modifierExtension',
    }, scope.profile));
  }
  checkContext(s, item, scope, holder, holderType, !holderNode.parent && holderNode.structure.def.kind === 'resource');
}

function checkContext(s: StructureView, item: Item, scope: Scope, holder: ExtensionHolder, holderType: string, holderIsResource: boolean): void {
  const contexts = s.def.context ?? [];
  if (contexts.length === 0) return;
  const plainPaths = holder.paths.list().map((p) => p.replace(/\[x\]/g, ''));
  const ok = contexts.some((c) => {
    if (c.type === 'fhirpath') return true; // not evaluable generically; not reported
    if (c.type === 'extension') return holderType === 'Extension' && holder.value.url === c.expression;
    const e = c.expression.replace(/\[x\]/g, '');
    return plainPaths.includes(e) || e === holderType || e === 'Element' || e === 'Base'
      || (holderIsResource && (e === 'Resource' || e === 'DomainResource'))
      || (holderType === 'BackboneElement' && e === 'BackboneElement');
  });
  if (!ok) {
    scope.sink.add(finding('FHIR-EXT-CONTEXT', item.loc, { url: s.url, context: plainPaths[0], allowed: contexts.map((c) => c.expression).join(', ') }, scope.profile));
  }
}

/** Canonical base of a loaded package the URL belongs to (".../StructureDefinition/"), if any. */
function domainOf(w: InstanceWalker, url: string): string | undefined {
  let domains = knownDomains.get(w.ctx);
  if (!domains) {
    const set = new Set<string>();
    for (const e of w.ctx.entries()) {
      if (e.resourceType !== 'StructureDefinition') continue;
      const i = e.url.indexOf('/StructureDefinition/');
      if (i > 0) set.add(e.url.slice(0, i + '/StructureDefinition/'.length));
    }
    domains = [...set];
    knownDomains.set(w.ctx, domains);
  }
  return domains.find((d) => url.startsWith(d));
}
