/**
 * The instance walker: validates JSON values against compiled element trees.
 *
 * Algorithm, per complex value and element node:
 *  1. pick the node that lists the children (the profile's own expansion, a contentReference, the single
 *     type profile, or the base type);
 *  2. map each JSON property to a child element (choice types by suffix, `_x` primitive parts);
 *  3. per child: JSON shape (array or not), cardinality, then slicing or item-by-item validation;
 *  4. per item: primitive checks, or a recursive walk plus type profiles, fixed/pattern values,
 *     bindings, references and invariants.
 * Validating a value against a whole structure is memoised per (value, structure): the Bundle's
 * profile-based slicing, reference target profiles and meta.profile then share one walk.
 */
import type { CompiledConstraint, CompiledType } from '../definitions/compiled-types.js';
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import type { ChoiceMatch, ElementNode, StructureView } from '../definitions/context/structure-view.js';
import { isPrimitiveType, jsonTypeOf, suffixOfType } from '../definitions/fhir-primitive-types.js';
import { BundleIndex } from './bundle-index.js';
import type { FhirPathRuntime } from './fhirpath-runtime.js';
import { isBlocking, Loc, type Finding } from './finding.js';
import { brief, fixedMatches, isObject, jsonKind, patternMatches, type JsonObject } from './json-values.js';
import { checkPrimitive, hasOuterWhitespace } from './primitives.js';
import type { Scope } from './scope.js';
import { finding, Sink } from './sink.js';
import { checkBinding, checkCodingAgainstSystem } from './bindings.js';
import { evaluateConstraints } from './invariants.js';
import { checkReference } from './references.js';
import { checkExtensionItem } from './extensions.js';
import { ContextPath } from './context-path.js';
import { validateSlicedItems } from './slicing.js';
import { checkNarrativeDiv } from './narrative.js';
import { checkQuestionnaireResponse } from './questionnaire-response.js';
import { quickReject } from './quick-reject.js';

export interface Item {
  value: unknown;
  /** `_x` part of a primitive. */
  ext?: unknown;
  loc: Loc;
  type: CompiledType;
}

/**
 * A literal reference the walk could not resolve inside the Bundle (the TDDUI rules report them).
 * The path string is built on demand.
 */
export class ReferenceRecord {
  constructor(
    private readonly loc: Loc,
    readonly reference: string,
    /** Index of the Bundle entry making the reference (undefined outside a Bundle). */
    readonly fromEntry: number | undefined,
    readonly kind: 'relative' | 'absolute' | 'urn' | 'contained' | 'other',
  ) {}

  /** Path of the Reference's `reference` element. */
  get path(): string {
    return this.loc.toString();
  }
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** A failed conformance probe whose findings were not kept (walked again if they are asked for). */
const REJECTED: Finding[] = Object.freeze([]) as unknown as Finding[];

/**
 * Findings of each (value, structure) walk: one weak map per structure, so that a resource walked against
 * one profile costs one map entry, not a map of its own (100,000 entries: ~18 MB less). `null` marks a
 * walk in progress (reference cycles).
 */
export class WalkMemo {
  private readonly byStructure = new Map<string, WeakMap<object, Finding[] | null>>();

  /** The findings of an earlier walk (undefined if none, or if only its failure was kept). */
  get(value: object, url: string): Finding[] | null | undefined {
    const known = this.byStructure.get(url)?.get(value);
    return known === REJECTED ? undefined : known;
  }

  /** The verdict of an earlier walk: true when it found no error, null while it is in progress. */
  verdict(value: object, url: string): boolean | null | undefined {
    const known = this.byStructure.get(url)?.get(value);
    return known === REJECTED ? false : known === null ? null : known ? !hasError(known) : undefined;
  }

  /** Keeps only the failure of a probe (a resource tried against every candidate slice profile). */
  reject(value: object, url: string): void {
    this.byStructure.get(url)?.set(value, REJECTED);
  }

  /** Remembers a walk's findings, in an array of their exact size (a sink's array keeps spare capacity). */
  set(value: object, url: string, findings: Finding[] | null): void {
    let map = this.byStructure.get(url);
    if (!map) this.byStructure.set(url, (map = new WeakMap()));
    map.set(value, findings === null ? null : findings.length ? findings.slice() : NO_FINDINGS);
  }
}

/** Per-validation state shared by every walk of one input. */
export class RunState {
  readonly memo = new WalkMemo();
  readonly references: ReferenceRecord[] = [];
  /** Bundle entry index of the resource currently walked, keyed by resource object. */
  readonly entryOf = new WeakMap<object, number>();
  /** Index of the input's root Bundle, when the input is a Bundle. */
  rootBundle?: BundleIndex;
}

const CORE_PREFIX = 'http://hl7.org/fhir/StructureDefinition/';

/** The JSON properties matched to each child element (one match, or several for a choice used twice). */
type Uses = Map<ElementNode, ChoiceMatch | ChoiceMatch[]>;

function addUse(uses: Uses, m: ChoiceMatch): void {
  const known = uses.get(m.node);
  if (known === undefined) uses.set(m.node, m);
  else if (Array.isArray(known)) known.push(m);
  else uses.set(m.node, [known, m]);
}

function claims(value: JsonObject, canonical: string): boolean {
  return isObject(value.meta) && Array.isArray(value.meta.profile) && value.meta.profile.includes(canonical);
}

const mergedCache = new WeakMap<ElementNode, Map<ElementNode | undefined, Map<ElementNode | undefined, readonly CompiledConstraint[]>>>();

/**
 * The constraints a complex value is checked against: its element's, the node listing its children
 * (a type profile's root) and its base type's, each key once (per-1 is listed by Period and by the profile
 * copying it). Merged once per combination, not per value.
 */
function mergedConstraints(node: ElementNode, childrenNode: ElementNode, typeRoot: ElementNode | undefined): readonly CompiledConstraint[] {
  let byChildren = mergedCache.get(node);
  if (!byChildren) mergedCache.set(node, (byChildren = new Map()));
  let byType = byChildren.get(childrenNode);
  if (!byType) byChildren.set(childrenNode, (byType = new Map()));
  let list = byType.get(typeRoot);
  if (!list) {
    const seen = new Set<string>();
    const merged: CompiledConstraint[] = [];
    for (const src of [node, childrenNode, typeRoot]) {
      for (const c of src?.el.constraints ?? []) {
        const key = `${c.key}\u0000${c.expression}`;
        if (!seen.has(key)) {
          seen.add(key);
          merged.push(c);
        }
      }
    }
    byType.set(typeRoot, (list = merged));
  }
  return list;
}

export class InstanceWalker {
  /** maxLength of each primitive type's `value` (0 when none). */
  private readonly typeMaxLength = new Map<string, number>();

  constructor(
    readonly ctx: DefinitionContext,
    readonly fp: FhirPathRuntime,
    readonly run: RunState,
  ) {}

  // ---- resources -------------------------------------------------------------------------

  /**
   * Validates a resource (root, contained or Bundle entry) against its base definition and every
   * profile that applies: meta.profile, profiles required by the element it sits in, forced ones.
   */
  validateResource(res: unknown, loc: Loc, sink: Sink, where: { profiles?: string[]; container?: Scope; bundle?: BundleIndex; bundleLoc?: Loc; fullUrl?: string; profile?: string }): void {
    if (!isObject(res)) {
      sink.add(finding('FHIR-JSON-TYPE', loc, { element: loc.name, expected: 'un objet ressource', found: jsonKind(res) }, where.profile));
      return;
    }
    const rt = res.resourceType;
    // Abstract resources (Resource, DomainResource) have no instances (http://hl7.org/fhir/R4/resourcelist.html).
    if (typeof rt !== 'string' || !this.ctx.isResourceType(rt) || this.ctx.typeStructure(rt)?.def.abstract) {
      sink.add(finding('FHIR-RESOURCE-TYPE', loc, { found: typeof rt === 'string' ? rt : jsonKind(rt) }, where.profile));
      return;
    }
    let bundle = where.bundle;
    let bundleLoc = where.bundleLoc;
    if (rt === 'Bundle') {
      bundle = new BundleIndex(res);
      bundleLoc = loc;
      if (!where.bundle && !where.container) this.run.rootBundle ??= bundle;
      bundle.entries.forEach((e) => e.resource && this.run.entryOf.set(e.resource, e.index));
    }
    const base = this.ctx.typeStructure(rt)!;
    const scope: Scope = {
      sink,
      resource: res,
      rootResource: where.container?.rootResource ?? res,
      resourceLoc: loc,
      bundle,
      bundleLoc,
      fullUrl: where.fullUrl ?? where.container?.fullUrl,
      profile: base.url,
    };
    const structures: StructureView[] = [];
    const claimed = isObject(res.meta) && Array.isArray(res.meta.profile) ? res.meta.profile : [];
    // Where an unknown profile is reported: its meta.profile item (a repeating element: indexed path); a
    // profile required by the context or forced by the caller is not in the instance (meta.profile, unindexed).
    const wanted: { canonical: string; at: Loc }[] = [
      ...claimed.flatMap((p, i) => (typeof p === 'string' ? [{ canonical: p, at: loc.child('meta').child('profile').at(i) }] : [])),
      ...(where.profiles ?? []).map((p) => ({ canonical: p, at: loc.child('meta').child('profile') })),
    ];
    const seen = new Set<string>();
    for (const { canonical, at } of wanted) {
      if (seen.has(canonical)) continue;
      seen.add(canonical);
      const s = this.ctx.structure(canonical);
      if (!s) {
        sink.add(finding('FHIR-PROFILE-UNKNOWN', at, { profile: canonical }, where.profile));
      } else if (s.def.type !== rt) {
        sink.add(finding('FHIR-PROFILE-TYPE', loc, { profile: canonical, expected: s.def.type, found: rt }, where.profile));
      } else if (!structures.includes(s)) structures.push(s);
    }
    if (structures.length === 0) structures.push(base);
    for (const s of structures) sink.addAll(this.validateAgainst(res, s, loc, scope));
    if (rt === 'QuestionnaireResponse') checkQuestionnaireResponse(this, res, loc, scope);
  }

  /**
   * Findings of a resource against one structure, walked once and remembered: Bundle slicing by profile,
   * reference target profiles, meta.profile and the TDDUI classification all ask the same question.
   */
  validateAgainst(value: JsonObject, s: StructureView, loc: Loc, scope: Scope): Finding[] {
    const known = this.run.memo.get(value, s.url);
    if (known) return known;
    if (known === null) return []; // in progress: a reference cycle, already being walked
    this.run.memo.set(value, s.url, null);
    const sink = new Sink();
    this.walkStructure(value, s, loc, { ...scope, sink });
    this.run.memo.set(value, s.url, sink.findings);
    return this.run.memo.get(value, s.url)!;
  }

  /**
   * Walks a value against a whole structure into the scope's sink. Data types and extensions are walked
   * once per occurrence, so they need no memo (keeping one per extension cost hundreds of MB on 100,000 entries).
   */
  walkStructure(value: JsonObject, s: StructureView, loc: Loc, scope: Scope): void {
    this.walkComplex(value, s.root, { code: s.def.type }, loc, { ...scope, profile: s.url }, ContextPath.root(s.def.type), true);
  }

  /** The answer of an earlier walk of this value against this profile, if there was one. */
  knownConformance(value: JsonObject, canonical: string): boolean | undefined {
    const s = this.ctx.structure(canonical);
    return (s && this.run.memo.verdict(value, s.url)) ?? undefined;
  }

  /** Does the value conform to the profile (no error-level finding)? Used by slicing and target profiles. */
  conforms(value: JsonObject, canonical: string, loc: Loc, scope: Scope): boolean {
    const s = this.ctx.structure(canonical);
    if (!s) return false;
    if (s.def.kind === 'resource' && value.resourceType !== s.def.type) return false;
    const known = this.run.memo.verdict(value, s.url);
    if (known === null) return true; // cycle: assume yes while it is being decided
    if (known !== undefined) return known;
    // The quick pre-test pays off for candidates; a profile the value claims is walked anyway.
    const claimed = claims(value, canonical);
    if (!claimed && quickReject(value, s)) return false;
    const ok = !hasError(this.validateAgainst(value, s, loc, scope));
    // Findings of a failed probe are never reported unless asked again: keep only the verdict.
    if (!ok && !claimed) this.run.memo.reject(value, s.url);
    return ok;
  }

  // ---- complex values --------------------------------------------------------------------

  /**
   * @param paths where the value sits, for extension contexts: first from its resource ("Patient.address"),
   *   then from each enclosing data type ("Address").
   */
  walkComplex(obj: JsonObject, node: ElementNode, type: CompiledType, loc: Loc, scope: Scope, paths: ContextPath, isRoot = false): void {
    const typeRoot = this.typeRoot(type.code);
    let childrenNode: ElementNode | undefined = node.children.length ? node : undefined;
    let usedProfile: string | undefined;
    if (!childrenNode && node.el.contentReference) childrenNode = node.structure.node(node.el.contentReference.slice(1));
    if (!childrenNode && type.profiles?.length === 1) {
      const p = this.ctx.structure(type.profiles[0]);
      if (p) {
        childrenNode = p.root;
        usedProfile = type.profiles[0];
      }
    }
    childrenNode = childrenNode ?? typeRoot;
    if (!childrenNode) return; // unknown type: reported where the type was chosen
    const here = !isRoot && this.isDataType(type.code) ? paths.asDataType(type.code) : paths;
    this.walkChildren(obj, childrenNode, loc, scope, here, isRoot);
    evaluateConstraints(this, obj, mergedConstraints(node, childrenNode, typeRoot), this.fhirPathBase(type.code, node), loc, scope);
    if (!isRoot) {
      for (const p of type.profiles ?? []) {
        if (p === usedProfile) continue;
        const s = this.ctx.structure(p);
        if (s) this.walkStructure(obj, s, loc, scope);
        else if (type.code !== 'Extension') scope.sink.add(finding('FHIR-PROFILE-UNKNOWN', loc, { profile: p }, scope.profile));
      }
    }
  }

  /** Root node of a type's base definition (BackboneElement children live in the owning element). */
  typeRoot(code: string): ElementNode | undefined {
    if (code === 'BackboneElement' || code === 'Element') return undefined;
    let root = this.typeRoots.get(code);
    if (root === undefined) this.typeRoots.set(code, (root = this.ctx.typeStructure(code)?.root ?? null));
    return root ?? undefined;
  }

  private readonly typeRoots = new Map<string, ElementNode | null>();
  private readonly dataTypes = new Map<string, boolean>();

  /** Base path FHIRPath needs for typing: the data type, or the element path for backbone elements. */
  fhirPathBase(code: string, node: ElementNode): string {
    if (code === 'BackboneElement' || code === 'Element') return node.el.path.replace(/\[x\]$/, '');
    return code;
  }

  /** Complex data types (not backbone elements, resources or primitives) start a new context path. */
  private isDataType(code: string): boolean {
    let yes = this.dataTypes.get(code);
    if (yes === undefined) {
      yes = code !== 'BackboneElement' && code !== 'Element' && !isPrimitiveType(code) && !this.ctx.isResourceType(code) && code !== 'Resource';
      this.dataTypes.set(code, yes);
    }
    return yes;
  }

  walkChildren(obj: JsonObject, parent: ElementNode, loc: Loc, scope: Scope, paths: ContextPath, isResourceRoot: boolean): void {
    const uses: Uses = new Map();
    let extParts: Set<ElementNode> | undefined;
    for (const key in obj) {
      if (key === 'resourceType' && isResourceRoot) continue;
      if (key === 'fhir_comments') continue;
      if (key.charCodeAt(0) === 0x5f) {
        const base = key.slice(1);
        const m = parent.childForKey(base);
        if (m && isPrimitiveType(m.type.code)) {
          (extParts ??= new Set()).add(m.node);
          if (!(base in obj)) addUse(uses, m);
          continue;
        }
      } else {
        const m = parent.childForKey(key);
        if (m) {
          addUse(uses, m);
          continue;
        }
      }
      this.reportUnknownKey(key, parent, loc, scope);
    }
    const primitiveHolder = isPrimitiveType(parent.el.types?.[0]?.code ?? '');
    for (const child of parent.children) {
      const use = uses.get(child);
      if (use === undefined) {
        // Absent element (most of them): only a minimum, on it or on one of its slices, can be broken.
        if (child.el.min === 0 && !child.hasRequiredSlice) continue;
        if (primitiveHolder && child.name === 'value') continue;
        const elementLoc = loc.child(child.baseName);
        this.checkCardinality(child, 0, elementLoc, scope);
        if (child.hasRequiredSlice) validateSlicedItems(this, [], child, obj, scope, paths.child(child.baseName), elementLoc);
        continue;
      }
      const used = Array.isArray(use) ? use : [use];
      if (used.length > 1) {
        scope.sink.add(finding('FHIR-STRUCT-CHOICE-MULTIPLE', loc.child(child.name), { element: child.name, keys: used.map((u) => u.key).join(', ') }, scope.profile));
      }
      const items: Item[] = [];
      const hasExt = extParts?.has(child) ?? false;
      for (const u of used) this.collectItems(obj, u.key, hasExt ? `_${u.key}` : undefined, u.type, child, loc, scope, items);
      const elementLoc = loc.child(used[0].key);
      this.checkCardinality(child, items.length, elementLoc, scope);
      const childPaths = paths.child(child.baseName);
      let assigned: (ElementNode | undefined)[] | undefined;
      if (child.el.slicing && child.slices.length) assigned = validateSlicedItems(this, items, child, obj, scope, childPaths, elementLoc);
      else for (const item of items) this.validateItem(item, child, obj, scope, childPaths);
      if (child.name === 'extension' || child.name === 'modifierExtension') {
        items.forEach((item, i) => {
          // An item matched to a slice typed with its extension profile was walked against it already.
          const walked = assigned?.[i]?.el.types?.[0]?.profiles?.[0]?.split('|')[0];
          if (isObject(item.value)) checkExtensionItem(this, item, child, scope, { paths, node: parent, value: obj }, walked);
        });
      }
    }
  }

  private reportUnknownKey(key: string, parent: ElementNode, loc: Loc, scope: Scope): void {
    // A choice element used with a type the definition does not allow reads better as a type error.
    for (const c of parent.children) {
      if (!c.isChoice) continue;
      const prefix = c.name.slice(0, -3);
      if (key.startsWith(prefix) && /^[A-Z]/.test(key.slice(prefix.length))) {
        scope.sink.add(finding('FHIR-STRUCT-TYPE', loc.child(key), {
          element: c.name, found: key.slice(prefix.length), allowed: (c.el.types ?? []).map((t) => suffixOfType(t.code)).join(', '),
        }, scope.profile));
        return;
      }
    }
    const type = parent.parent ? parent.el.types?.[0]?.code ?? parent.el.path : parent.structure.def.type;
    scope.sink.add(finding('FHIR-STRUCT-UNKNOWN', loc.child(key), { key, type }, scope.profile));
  }

  private collectItems(obj: JsonObject, key: string, extKey: string | undefined, type: CompiledType, node: ElementNode, loc: Loc, scope: Scope, out: Item[]): void {
    const value = obj[key];
    const ext = extKey ? obj[extKey] : undefined;
    const here = loc.child(key);
    const name = node.name;
    if (node.el.array) {
      if (value !== undefined && !Array.isArray(value)) {
        scope.sink.add(finding('FHIR-JSON-ARRAY-EXPECTED', here, { element: name }, scope.profile));
        if (value !== null) out.push({ value, ext: Array.isArray(ext) ? ext[0] : ext, loc: here, type });
        return;
      }
      if (ext !== undefined && !Array.isArray(ext)) {
        scope.sink.add(finding('FHIR-JSON-PRIMITIVE-EXTENSION', here, { element: key, detail: 'un tableau est attendu', detail_en: 'an array is expected' }, scope.profile));
        return;
      }
      const values = (value as unknown[] | undefined) ?? [];
      const exts = (ext as unknown[] | undefined) ?? [];
      if (value !== undefined && values.length === 0) scope.sink.add(finding('FHIR-JSON-EMPTY-ARRAY', here, { element: name }, scope.profile));
      if (value !== undefined && ext !== undefined && values.length !== exts.length) {
        scope.sink.add(finding('FHIR-JSON-PRIMITIVE-EXTENSION', here, { element: key, detail: `longueurs différentes (${values.length} et ${exts.length})`, detail_en: `different lengths (${values.length} and ${exts.length})` }, scope.profile));
      }
      const n = Math.max(values.length, exts.length);
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? undefined;
        const x = exts[i] ?? undefined;
        const at = here.at(i);
        if (values[i] === null && (exts[i] === null || exts[i] === undefined)) {
          scope.sink.add(finding('FHIR-JSON-NULL', at, { element: name }, scope.profile));
          continue;
        }
        if (v === undefined && x === undefined) continue;
        out.push({ value: v, ext: x, loc: at, type });
      }
      return;
    }
    if (Array.isArray(value)) {
      scope.sink.add(finding('FHIR-JSON-ARRAY-UNEXPECTED', here, { element: name }, scope.profile));
      value.forEach((v, i) => v !== null && out.push({ value: v, loc: here.at(i), type }));
      return;
    }
    if (value === null) {
      scope.sink.add(finding('FHIR-JSON-NULL', here, { element: name }, scope.profile));
      return;
    }
    if (Array.isArray(ext)) {
      scope.sink.add(finding('FHIR-JSON-PRIMITIVE-EXTENSION', here, { element: key, detail: 'un objet est attendu', detail_en: 'an object is expected' }, scope.profile));
      out.push({ value, loc: here, type });
      return;
    }
    out.push({ value, ext, loc: here, type });
  }

  checkCardinality(node: ElementNode, count: number, loc: Loc, scope: Scope): void {
    const { min, max } = node.el;
    const element = node.el.sliceName ? `${node.name}:${node.el.sliceName}` : node.name;
    if (count < min) scope.sink.add(finding('FHIR-CARD-MIN', loc, { element, count, min }, scope.profile));
    if (max >= 0 && count > max) scope.sink.add(finding('FHIR-CARD-MAX', loc, { element, count, max }, scope.profile));
  }

  // ---- items -----------------------------------------------------------------------------

  /** Validates one occurrence against an element (the element itself or a slice of it). */
  validateItem(item: Item, node: ElementNode, owner: JsonObject, scope: Scope, paths: ContextPath): void {
    const code = item.type.code;
    if (isPrimitiveType(code)) {
      this.validatePrimitive(item, node, scope, paths);
      return;
    }
    if (code === 'Resource' || this.ctx.isResourceType(code)) {
      const fromEntry = owner && node.el.path === 'Bundle.entry.resource';
      this.validateResource(item.value, item.loc, scope.sink, {
        profiles: item.type.profiles,
        container: node.el.path.endsWith('.contained') ? scope : undefined,
        bundle: scope.bundle,
        bundleLoc: scope.bundleLoc,
        fullUrl: fromEntry && typeof owner.fullUrl === 'string' ? owner.fullUrl : undefined,
        profile: scope.profile,
      });
      return;
    }
    if (!isObject(item.value)) {
      scope.sink.add(finding('FHIR-JSON-TYPE', item.loc, { element: node.name, expected: `un objet ${code}`, found: jsonKind(item.value) }, scope.profile));
      return;
    }
    const obj = item.value;
    if (Object.keys(obj).length === 0) {
      scope.sink.add(finding('FHIR-INV-ele-1', item.loc, { key: 'ele-1', expression: 'hasValue() or (children().count() > id.count())', source: 'http://hl7.org/fhir/StructureDefinition/Element' }, scope.profile, 'error'));
      return;
    }
    this.walkComplex(obj, node, item.type, item.loc, scope, paths);
    this.checkFixedPattern(obj, node, item.loc, scope);
    if (node.el.binding) checkBinding(this, obj, code, node, item.loc, scope);
    if (code === 'Reference') checkReference(this, obj, item.type, item.loc, scope);
    if (code === 'Coding') checkCodingAgainstSystem(this, obj, item.loc, scope);
  }

  private validatePrimitive(item: Item, node: ElementNode, scope: Scope, paths: ContextPath): void {
    const code = item.type.code;
    const { value, loc } = item;
    const name = node.name;
    if (value !== undefined) {
      const expected = jsonTypeOf(code as never);
      if (typeof value !== expected) {
        scope.sink.add(finding('FHIR-JSON-TYPE', loc, { element: name, expected: expected === 'number' ? 'un nombre' : expected === 'boolean' ? 'un booléen' : 'une chaîne', found: jsonKind(value) }, scope.profile));
      } else if (value === '') {
        scope.sink.add(finding('FHIR-JSON-EMPTY-STRING', loc, { element: name }, scope.profile));
      } else {
        const problem = checkPrimitive(code as never, value as string);
        if (problem) scope.sink.add(finding(problem.rule, loc, { value: brief(value), type: code }, scope.profile));
        if (code === 'string' && hasOuterWhitespace(value as string)) scope.sink.add(finding('FHIR-PRIM-WHITESPACE', loc, { element: name }, scope.profile));
        const maxLength = this.maxLengthOf(node, code);
        if (maxLength && typeof value === 'string' && value.length > maxLength) {
          scope.sink.add(finding('FHIR-PRIM-LENGTH', loc, { element: name, length: value.length, max: maxLength }, scope.profile));
        }
        if (code === 'xhtml') checkNarrativeDiv(value as string, loc, scope);
        else if (node.el.constraints) evaluateConstraints(this, value as string, node.el.constraints, code, loc, scope);
        this.checkFixedPattern(value, node, loc, scope);
        if (node.el.binding && (code === 'code' || code === 'string' || code === 'uri')) checkBinding(this, value, code, node, loc, scope);
      }
    }
    if (item.ext !== undefined && !isObject(item.ext)) {
      scope.sink.add(finding('FHIR-JSON-PRIMITIVE-EXTENSION', loc, { element: name, detail: 'un objet est attendu', detail_en: 'an object is expected' }, scope.profile));
      return;
    }
    // Extensions on the primitive: walk `_x` against the element's own children when the profile
    // constrains them (e.g. a required extension on birthDate), else against the primitive type.
    const extObj = (item.ext as JsonObject | undefined) ?? (node.children.length ? {} : undefined);
    if (extObj) {
      const holder = node.children.length ? node : this.typeRoot(code);
      if (holder) this.walkChildren(extObj, holder, loc, scope, paths, false);
    }
  }

  /**
   * maxLength of a primitive element: on the element itself, else on its `value` (a profile's unrolled
   * children, then the primitive type's definition: R4 string.value carries the 1 MB limit of
   * http://hl7.org/fhir/R4/datatypes.html#string).
   */
  private maxLengthOf(node: ElementNode, code: string): number | undefined {
    if (node.el.maxLength) return node.el.maxLength;
    const own = node.children.find((c) => c.name === 'value')?.el.maxLength;
    if (own) return own;
    let byType = this.typeMaxLength.get(code);
    if (byType === undefined) {
      byType = this.typeRoot(code)?.children.find((c) => c.name === 'value')?.el.maxLength ?? 0;
      this.typeMaxLength.set(code, byType);
    }
    return byType || undefined;
  }

  checkFixedPattern(value: unknown, node: ElementNode, loc: Loc, scope: Scope): void {
    const { fixed, pattern } = node.el;
    const element = node.el.sliceName ? `${node.name}:${node.el.sliceName}` : node.name;
    if (fixed && !fixedMatches(fixed.value, value)) {
      scope.sink.add(finding('FHIR-FIXED', loc, { element, expected: brief(fixed.value), found: brief(value) }, scope.profile));
    }
    if (pattern && !patternMatches(pattern.value, value)) {
      scope.sink.add(finding('FHIR-PATTERN', loc, { element, expected: brief(pattern.value), found: brief(value) }, scope.profile));
    }
  }

  /** Structure for an extension URL, when known. */
  extensionStructure(url: string): StructureView | undefined {
    const s = this.ctx.structure(url);
    return s && s.def.type === 'Extension' ? s : undefined;
  }

  isCoreCanonical(url: string): boolean {
    return url.startsWith(CORE_PREFIX);
  }
}

function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => isBlocking(f.severity));
}
