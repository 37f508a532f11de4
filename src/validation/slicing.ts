/**
 * Slicing: assigns each occurrence of a sliced element to the first slice whose discriminators all
 * match (value, pattern, type, profile, exists), then checks slice cardinalities, closed/openAtEnd
 * rules and order, and validates each occurrence against its slice (or the sliced element).
 * See http://hl7.org/fhir/R4/profiling.html#slicing
 */
import type { CompiledSlicing } from '../definitions/compiled-types.js';
import type { ElementNode } from '../definitions/context/structure-view.js';
import { referencedType } from './bundle-index.js';
import type { ContextPath } from './context-path.js';
import type { Loc } from './finding.js';
import { fixedMatches, isObject, patternMatches, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import type { InstanceWalker, Item } from './walker.js';

type Discriminator = CompiledSlicing['discriminators'][number];
type Outcome = boolean | { unevaluable: string; terminology?: boolean };

const urlMaps = new WeakMap<ElementNode, Map<string, ElementNode> | null>();

/** Validates the occurrences of a sliced element; returns the slice each occurrence matched. */
export function validateSlicedItems(w: InstanceWalker, items: Item[], sliced: ElementNode, owner: JsonObject, scope: Scope, paths: ContextPath, elementLoc: Loc): (ElementNode | undefined)[] {
  const slicing = sliced.el.slicing!;
  const element = sliced.el.sliceName ? `${sliced.name}:${sliced.el.sliceName}` : sliced.name;
  const assigned = items.map((item) => matchSlice(w, item, sliced, slicing, scope, element));
  const isExtension = sliced.name === 'extension' || sliced.name === 'modifierExtension';

  const bySlice = new Map<ElementNode, Item[]>();
  items.forEach((item, i) => {
    const s = assigned[i];
    if (!s) return;
    const mine = bySlice.get(s);
    if (mine) mine.push(item);
    else bySlice.set(s, [item]);
  });
  for (const s of sliced.slices) {
    const mine = bySlice.get(s) ?? [];
    w.checkCardinality(s, mine.length, mine[0]?.loc ?? elementLoc, scope);
    if (s.el.slicing && s.slices.length) validateSlicedItems(w, mine, s, owner, scope, paths, elementLoc);
    else for (const item of mine) w.validateItem(asSliceType(item, s), s, owner, scope, paths);
  }

  let lastRank = -1;
  let seenUnmatched = false;
  items.forEach((item, i) => {
    const s = assigned[i];
    if (!s) {
      seenUnmatched = true;
      if (slicing.rules === 'closed') scope.sink.add(finding('FHIR-SLICE-CLOSED', item.loc, { element }, scope.profile));
      else if (!isExtension) scope.sink.add(finding('FHIR-SLICE-NO-MATCH', item.loc, { element, rules: slicing.rules }, scope.profile));
      w.validateItem(item, sliced, owner, scope, paths);
      return;
    }
    const rank = sliced.slices.indexOf(s);
    if (slicing.rules === 'openAtEnd' && seenUnmatched) {
      scope.sink.add(finding('FHIR-SLICE-ORDER', item.loc, { element, detail: 'les occurrences hors tranche doivent venir à la fin', detail_en: 'items outside the slices must come last' }, scope.profile));
    }
    if (slicing.ordered && rank < lastRank) {
      scope.sink.add(finding('FHIR-SLICE-ORDER', item.loc, { element, detail: `tranche ${s.el.sliceName} après ${sliced.slices[lastRank].el.sliceName}`, detail_en: `slice ${s.el.sliceName} after ${sliced.slices[lastRank].el.sliceName}` }, scope.profile));
    }
    lastRank = Math.max(lastRank, rank);
  });
  return assigned;
}

/**
 * An item is typed by the sliced element; a slice may narrow the reference targets (e.g. a performer slice
 * that must point to a given profile): the slice's target profiles then apply to the item.
 */
/**
 * An occurrence matched to a slice takes the slice's own type: its profiles (an extension slice typed with
 * its definition) and target profiles (a reference slice such as performer:referentScolaire).
 */
function asSliceType(item: Item, slice: ElementNode): Item {
  const t = slice.el.types?.find((x) => x.code === item.type.code);
  if (!t || t === item.type || (!t.profiles && !t.targetProfiles)) return item;
  return { ...item, type: t };
}

function matchSlice(w: InstanceWalker, item: Item, sliced: ElementNode, slicing: CompiledSlicing, scope: Scope, element: string): ElementNode | undefined {
  const ds = slicing.discriminators;
  if (ds.length === 1 && ds[0].type === 'value' && ds[0].path === 'url') {
    const map = extensionUrlMap(sliced);
    if (map) return isObject(item.value) && typeof item.value.url === 'string' ? map.get(item.value.url) : undefined;
  }
  if (ds.length === 0) {
    // Slicing without discriminator: the slices can only be told apart by full validation.
    return sliced.slices.find((s) => isObject(item.value) && s.el.types?.[0]?.profiles?.some((p) => w.conforms(item.value as JsonObject, p, item.loc, scope)));
  }
  for (const s of claimedFirst(w, item, sliced, ds)) {
    let all = true;
    for (const d of ds) {
      const r = discriminatorMatches(w, item, s, d, scope);
      if (typeof r === 'object') {
        // Missing terminology is a known local limit (information); anything else is a profile problem.
        scope.sink.add(finding('FHIR-SLICE-UNEVALUABLE', item.loc, { element, slice: s.el.sliceName ?? '', discriminator: `${d.type}@${d.path}`, detail: r.unevaluable }, scope.profile, r.terminology ? 'information' : undefined));
        all = false;
      } else if (!r) all = false;
      if (!all) break;
    }
    if (all) return s;
  }
  return undefined;
}

/**
 * Profile discriminators: a slice whose profile the item claims in meta.profile is tried first. When it
 * conforms, the other candidates need no full walk (on a Bundle of entries that declare their profile, this
 * halves the work); an item conforming to several slices is conformant whichever is reported.
 */
function claimedFirst(w: InstanceWalker, item: Item, sliced: ElementNode, ds: CompiledSlicing['discriminators']): ElementNode[] {
  const d = ds.find((x) => x.type === 'profile');
  if (!d || !isObject(item.value)) return sliced.slices;
  const segs = splitPath(d.path.trim());
  if (segs.length > 1 || segs[0] === 'resolve()') return sliced.slices;
  const target = segs.length ? item.value[segs[0]] : item.value;
  const meta = isObject(target) && isObject(target.meta) && Array.isArray(target.meta.profile) ? target.meta.profile : [];
  if (!meta.length) return sliced.slices;
  const claimed = new Set(meta.filter((p): p is string => typeof p === 'string').map((p) => p.split('|')[0]));
  const profiles = sliceProfiles(w, sliced, d.path.trim());
  const isClaimed = (s: ElementNode) => profiles.get(s)!.some((p) => claimed.has(p));
  const first = sliced.slices.filter(isClaimed);
  return first.length ? [...first, ...sliced.slices.filter((s) => !isClaimed(s))] : sliced.slices;
}

const profileCache = new WeakMap<ElementNode, Map<ElementNode, string[]>>();

/** Profiles each slice requires at the discriminator path (computed once per sliced element). */
function sliceProfiles(w: InstanceWalker, sliced: ElementNode, path: string): Map<ElementNode, string[]> {
  let map = profileCache.get(sliced);
  if (!map) {
    map = new Map(sliced.slices.map((s) => [s, (nodeAt(w, s, path)?.el.types ?? []).flatMap((t) => (t.profiles ?? []).map((p) => p.split('|')[0]))] as const));
    profileCache.set(sliced, map);
  }
  return map;
}

/** url → slice for extension slicing by url (fixed url, else the slice's extension profile). */
function extensionUrlMap(sliced: ElementNode): Map<string, ElementNode> | null {
  let map = urlMaps.get(sliced);
  if (map === undefined) {
    map = new Map();
    for (const s of sliced.slices) {
      const url = sliceExtensionUrl(s);
      if (!url) {
        map = null;
        break;
      }
      if (!map.has(url)) map.set(url, s);
    }
    urlMaps.set(sliced, map);
  }
  return map;
}

function sliceExtensionUrl(s: ElementNode): string | undefined {
  const urlChild = s.children.find((c) => c.name === 'url');
  const fixed = urlChild?.el.fixed?.value ?? urlChild?.el.pattern?.value;
  if (typeof fixed === 'string') return fixed;
  const profile = s.el.types?.[0]?.profiles?.[0];
  return profile?.split('|')[0];
}

function discriminatorMatches(w: InstanceWalker, item: Item, slice: ElementNode, d: Discriminator, scope: Scope): Outcome {
  const path = d.path.trim();
  switch (d.type) {
    case 'value':
    case 'pattern': {
      const expected = expectedAt(w, slice, path);
      if (!expected) return { unevaluable: `la tranche ${slice.el.sliceName} ne fixe aucune valeur en ${path}` };
      const actual = valuesAt(w, item, path, scope);
      if (actual instanceof Error) return { unevaluable: actual.message };
      if (expected.mode === 'binding') return bindingMatch(w, expected.valueSets, actual);
      return actual.some((v) => (expected.mode === 'fixed' ? fixedMatches(expected.value, v) : patternMatches(expected.value, v)));
    }
    case 'type': {
      const allowed = typesAt(w, slice, path);
      if (!allowed) return { unevaluable: `types non déterminables en ${path}` };
      const actual = actualTypesAt(w, item, path, scope);
      return actual.some((t) => allowed.includes(t));
    }
    case 'profile': {
      const target = profileTargets(w, item, slice, path, scope);
      if (!target) return { unevaluable: `profil non déterminable en ${path}` };
      return target.values.some((v) => target.profiles.some((p) => w.conforms(v, p, target.loc, scope)));
    }
    case 'exists': {
      const node = nodeAt(w, slice, path);
      if (!node) return { unevaluable: `élément ${path} absent de la tranche` };
      const actual = valuesAt(w, item, path, scope);
      if (actual instanceof Error) return { unevaluable: actual.message };
      if (node.el.min >= 1) return actual.length > 0;
      if (node.el.max === 0) return actual.length === 0;
      return { unevaluable: `la tranche ${slice.el.sliceName} n’impose ni présence ni absence en ${path}` };
    }
  }
}

/** Member of one of the value sets → match; undecidable (terminology not available locally) → unevaluable. */
function bindingMatch(w: InstanceWalker, valueSets: string[], actual: unknown[]): Outcome {
  let unknown: string | undefined;
  for (const url of valueSets) {
    const vs = w.ctx.valueSet(url);
    if (!vs) {
      unknown = unknown ?? url;
      continue;
    }
    for (const v of actual) {
      for (const [system, code] of codingsOf(v)) {
        const m = vs.check(system, code);
        if (m.status === 'member') return true;
        if (m.status === 'unknown' || (!vs.complete && system && !w.ctx.codeSystem(system))) unknown = unknown ?? url;
      }
    }
  }
  return unknown ? { unevaluable: `terminologie non disponible localement (${unknown})`, terminology: true } : false;
}

// ---- navigation in the slice definition -----------------------------------------------------

type Expected = { mode: 'fixed' | 'pattern'; value: unknown } | { mode: 'binding'; valueSets: string[] };

const EXT_CALL = /^extension\('([^']+)'\)$/;
const OF_TYPE = /^ofType\(([A-Za-z]+)\)$/;

const splitCache = new Map<string, string[]>();

/** Discriminator path segments (few distinct paths: memoised). */
function splitPath(path: string): string[] {
  let segs = splitCache.get(path);
  if (!segs) splitCache.set(path, (segs = path === '$this' ? [] : path.match(/extension\('[^']*'\)|[^.]+/g) ?? []));
  return segs;
}

/** The definition node a discriminator path points to in a slice (through explicit children, then types). */
function nodeAt(w: InstanceWalker, slice: ElementNode, path: string): ElementNode | undefined {
  let node: ElementNode | undefined = slice;
  for (const seg of splitPath(path)) {
    if (!node) return undefined;
    node = stepDefinition(w, node, seg);
  }
  return node;
}

function stepDefinition(w: InstanceWalker, node: ElementNode, seg: string): ElementNode | undefined {
  if (seg === '$this' || OF_TYPE.test(seg)) return node;
  if (seg === 'resolve()') {
    // A discriminator may follow a reference (profiling.html#discriminator, e.g. value@resolve().code): the
    // definition continues in the reference's target profile, when the slice names exactly one.
    const targets = node.el.types?.flatMap((t) => t.targetProfiles ?? []) ?? [];
    return targets.length === 1 ? w.ctx.structure(targets[0])?.root : undefined;
  }
  const ext = EXT_CALL.exec(seg);
  const children = childrenOf(w, node);
  if (ext) {
    const extNode = children.find((c) => c.name === 'extension');
    return extNode?.slices.find((s) => sliceExtensionUrl(s) === ext[1]);
  }
  return children.find((c) => c.name === seg || (c.isChoice && c.name.slice(0, -3) === seg));
}

function childrenOf(w: InstanceWalker, node: ElementNode): ElementNode[] {
  if (node.children.length) return node.children;
  if (node.el.contentReference) return node.structure.node(node.el.contentReference.slice(1))?.children ?? [];
  const t = node.el.types?.[0];
  if (!t) return [];
  const profile = t.profiles?.length === 1 ? w.ctx.structure(t.profiles[0]) : undefined;
  return (profile?.root ?? w.typeRoot(t.code))?.children ?? [];
}

function expectedAt(w: InstanceWalker, slice: ElementNode, path: string): Expected | undefined {
  let node: ElementNode | undefined = slice;
  const segs = splitPath(path);
  for (let i = 0; i < segs.length; i++) {
    const next = stepDefinition(w, node!, segs[i]);
    if (!next) {
      // No explicit definition below: descend into a fixed/pattern value held higher up.
      const holder = node!.el.fixed ?? node!.el.pattern;
      if (!holder) return urlFallback(node!, segs.slice(i));
      const sub = descendValue(holder.value, segs.slice(i));
      return sub === undefined ? undefined : { mode: node!.el.fixed ? 'fixed' : 'pattern', value: sub };
    }
    node = next;
  }
  const el = node!.el;
  if (el.fixed) return { mode: 'fixed', value: el.fixed.value };
  if (el.pattern) return { mode: 'pattern', value: el.pattern.value };
  if (el.binding?.strength === 'required' && el.binding.valueSet) return { mode: 'binding', valueSets: [el.binding.valueSet] };
  // The element is itself sliced by bindings (e.g. FR Core qualification.code.coding): any of them.
  const sub = node!.slices.map((x) => x.el.binding).filter((b) => b?.strength === 'required' && b.valueSet).map((b) => b!.valueSet!);
  if (sub.length) return { mode: 'binding', valueSets: sub };
  if (segs.length === 1 && segs[0] === 'url' && node!.parent) return urlFallback(node!.slicedFrom ? node! : slice, ['url']);
  return undefined;
}

function urlFallback(node: ElementNode, rest: string[]): Expected | undefined {
  if (rest.length === 1 && rest[0] === 'url') {
    const url = sliceExtensionUrl(node);
    if (url) return { mode: 'fixed', value: url };
  }
  return undefined;
}

function descendValue(value: unknown, segs: string[]): unknown {
  let cur: unknown = value;
  for (const seg of segs) {
    if (Array.isArray(cur)) cur = cur.map((c) => (isObject(c) ? c[seg] : undefined)).filter((x) => x !== undefined);
    else cur = isObject(cur) ? cur[seg] : undefined;
    if (cur === undefined) return undefined;
    if (Array.isArray(cur) && cur.length === 1) cur = cur[0];
  }
  return cur;
}

function typesAt(w: InstanceWalker, slice: ElementNode, path: string): string[] | undefined {
  const segs = splitPath(path);
  if (segs.length && segs[segs.length - 1] === 'resolve()') {
    const node = nodeAt(w, slice, segs.slice(0, -1).join('.') || '$this');
    const targets = node?.el.types?.flatMap((t) => t.targetProfiles ?? []) ?? [];
    if (!targets.length) return undefined;
    return targets.map((p) => w.ctx.structure(p)?.def.type ?? p.split('/').pop()!);
  }
  const node = nodeAt(w, slice, path);
  return node?.el.types?.map((t) => t.code);
}

// ---- navigation in the instance ---------------------------------------------------------------

function valuesAt(w: InstanceWalker, item: Item, path: string, scope: Scope): unknown[] | Error {
  let cur: unknown[] = [item.value];
  for (const seg of splitPath(path)) {
    const ext = EXT_CALL.exec(seg);
    const next: unknown[] = [];
    for (const v of cur) {
      if (!isObject(v)) continue;
      if (ext) {
        if (Array.isArray(v.extension)) for (const x of v.extension) if (isObject(x) && x.url === ext[1]) next.push(x);
      } else if (seg === 'resolve()') {
        const target = resolveTarget(v, scope);
        if (target) next.push(target);
      } else if (/^[a-z][A-Za-z0-9]*$/.test(seg)) {
        const direct = v[seg];
        if (direct !== undefined) next.push(...(Array.isArray(direct) ? direct : [direct]));
        else for (const k of Object.keys(v)) if (k.startsWith(seg) && /^[A-Z]/.test(k.slice(seg.length))) next.push(v[k]);
      } else {
        const r = w.fp.evaluatePath('Element', path, item.value, { resource: scope.resource, rootResource: scope.rootResource, bundle: scope.bundle, fullUrl: scope.fullUrl });
        return r;
      }
    }
    cur = next;
  }
  return cur;
}

function resolveTarget(ref: JsonObject, scope: Scope): JsonObject | undefined {
  if (typeof ref.reference !== 'string' || !scope.bundle) return undefined;
  const r = scope.bundle.resolve(ref.reference, scope.fullUrl);
  return r.found ? r.entry.resource : undefined;
}

function actualTypesAt(w: InstanceWalker, item: Item, path: string, scope: Scope): string[] {
  const segs = splitPath(path);
  if (segs.length === 0) return [item.type.code];
  if (segs[segs.length - 1] === 'resolve()') {
    const refs = valuesAt(w, item, segs.slice(0, -1).join('.') || '$this', scope);
    if (refs instanceof Error) return [];
    return refs.flatMap((r) => {
      if (!isObject(r)) return [];
      const target = resolveTarget(r, scope);
      const t = (target?.resourceType as string | undefined) ?? (typeof r.reference === 'string' ? referencedType(r.reference) : undefined) ?? (typeof r.type === 'string' ? r.type : undefined);
      return t ? [t] : [];
    });
  }
  // A choice element further down: the JSON key's suffix says the type.
  const parentSegs = segs.slice(0, -1);
  const last = segs[segs.length - 1];
  const holders = parentSegs.length ? valuesAt(w, item, parentSegs.join('.'), scope) : [item.value];
  if (holders instanceof Error) return [];
  const out: string[] = [];
  for (const h of holders) {
    if (!isObject(h)) continue;
    for (const k of Object.keys(h)) if (k.startsWith(last) && /^[A-Z]/.test(k.slice(last.length))) out.push(typeName(k.slice(last.length)));
  }
  return out;
}

function typeName(suffix: string): string {
  const lower = suffix[0].toLowerCase() + suffix.slice(1);
  return /^[A-Z]/.test(suffix) && ['String', 'Boolean', 'Integer', 'Decimal', 'Uri', 'Url', 'Canonical', 'Code', 'Id', 'Oid', 'Uuid', 'Date', 'DateTime', 'Instant', 'Time', 'Markdown', 'Base64Binary', 'PositiveInt', 'UnsignedInt'].includes(suffix) ? lower : suffix;
}

function profileTargets(w: InstanceWalker, item: Item, slice: ElementNode, path: string, scope: Scope): { values: JsonObject[]; profiles: string[]; loc: Loc } | undefined {
  const segs = splitPath(path);
  if (segs.length && segs[segs.length - 1] === 'resolve()') {
    const refPath = segs.slice(0, -1).join('.') || '$this';
    const node = nodeAt(w, slice, refPath);
    const profiles = node?.el.types?.flatMap((t) => t.targetProfiles ?? []) ?? [];
    const refs = valuesAt(w, item, refPath, scope);
    if (!profiles.length || refs instanceof Error) return undefined;
    const values = refs.map((r) => (isObject(r) ? resolveTarget(r, scope) : undefined)).filter((x): x is JsonObject => !!x);
    const loc = values[0] && scope.bundleLoc ? scope.bundleLoc.child('entry').at(w.run.entryOf.get(values[0]) ?? 0).child('resource') : item.loc;
    return { values, profiles, loc };
  }
  const node = nodeAt(w, slice, path);
  const profiles = node?.el.types?.flatMap((t) => t.profiles ?? []) ?? [];
  const values = valuesAt(w, item, path, scope);
  if (!profiles.length || values instanceof Error) return undefined;
  const loc = segs.length === 1 ? item.loc.child(segs[0]) : item.loc;
  return { values: values.filter(isObject), profiles, loc };
}

/** [system, code] pairs of a code, Coding or CodeableConcept value. */
export function codingsOf(v: unknown): [string | undefined, string][] {
  if (typeof v === 'string') return [[undefined, v]];
  if (!isObject(v)) return [];
  if (typeof v.code === 'string') return [[typeof v.system === 'string' ? v.system : undefined, v.code]];
  if (Array.isArray(v.coding)) return v.coding.filter(isObject).flatMap((c) => (typeof c.code === 'string' ? [[typeof c.system === 'string' ? c.system : undefined, c.code] as [string | undefined, string]] : []));
  return [];
}
