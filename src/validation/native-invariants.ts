/**
 * Native forms of a few R4 invariants, used instead of FHIRPath when the compiled expression is exactly
 * the published one (tests check that both forms agree).
 */
import { isObject, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';

export interface NativeInvariant {
  expression: string;
  /** true/false, or undefined when the native form does not decide (FHIRPath is then evaluated). */
  check(value: JsonObject, scope: Scope): boolean | undefined;
  /** Checked elsewhere (e.g. narrative XHTML by the narrative module). */
  skip?: boolean;
}

export const NATIVE_INVARIANTS = new Map<string, NativeInvariant>([
  ['ele-1', {
    // An element has a value or children other than id. Objects reaching here are non-empty JSON objects.
    expression: 'hasValue() or (children().count() > id.count())',
    check: (v) => {
      for (const k in v) if (k !== 'id' && k !== 'fhir_comments') return true;
      return false;
    },
  }],
  ['ext-1', {
    // An extension has either nested extensions or a value, not both.
    expression: 'extension.exists() != value.exists()',
    check: (v) => {
      const hasExt = Array.isArray(v.extension) ? v.extension.length > 0 : v.extension !== undefined;
      const hasValue = Object.keys(v).some((k) => k.startsWith('value') && /^[A-Z]/.test(k.slice(5)));
      return hasExt !== hasValue;
    },
  }],
  ['ref-1', {
    // Only a local reference ("#id") must name a contained resource; a Reference without `reference` passes
    // (the FHIRPath form yields an empty result there, which the reference validator does not report).
    expression: "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))",
    check: (v, scope) => {
      if (typeof v.reference !== 'string' || !v.reference.startsWith('#')) return true;
      const id = v.reference.slice(1);
      if (id === '') return true;
      const contained = scope.rootResource.contained;
      return Array.isArray(contained) && contained.some((c) => isObject(c) && c.id === id);
    },
  }],
  ['bdl-7', {
    // fullUrl unique unless versions differ; FHIRPath isDistinct() is quadratic on large Bundles.
    expression: "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()",
    check: (v) => {
      if (v.type === 'history') return true;
      const seen = new Set<string>();
      for (const e of Array.isArray(v.entry) ? v.entry : []) {
        if (!isObject(e) || typeof e.fullUrl !== 'string') continue;
        const version = isObject(e.resource) && isObject(e.resource.meta) && typeof e.resource.meta.versionId === 'string' ? e.resource.meta.versionId : '';
        const key = `${e.fullUrl}${version}`;
        if (seen.has(key)) return false;
        seen.add(key);
      }
      return true;
    },
  }],
  // DomainResource invariants hold on every resource; all but dom-6 only concern contained resources.
  ['dom-2', { expression: 'contained.contained.empty()', check: (v) => containedOf(v).every((c) => !hasItems(c.contained)) }],
  ['dom-3', {
    expression: "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()",
    check: (v) => (containedOf(v).length === 0 ? true : undefined),
  }],
  ['dom-4', { expression: 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()', check: (v) => containedOf(v).every((c) => !isObject(c.meta) || (c.meta.versionId === undefined && c.meta.lastUpdated === undefined)) }],
  ['dom-5', { expression: 'contained.meta.security.empty()', check: (v) => containedOf(v).every((c) => !isObject(c.meta) || !hasItems(c.meta.security)) }],
  ['dom-6', { expression: 'text.`div`.exists()', check: (v) => isObject(v.text) && v.text.div !== undefined }],
  ['bdl-5', { expression: 'resource.exists() or request.exists() or response.exists()', check: (v) => v.resource !== undefined || v.request !== undefined || v.response !== undefined }],
  ['bdl-8', { expression: "fullUrl.exists() implies fullUrl.contains('/_history/').not()", check: (v) => typeof v.fullUrl !== 'string' || !v.fullUrl.includes('/_history/') }],
  // Bundle-level invariants: their FHIRPath forms wrap every entry (10,000 entries → seconds).
  // Bundle.type is 1..1; without it FHIRPath answers "unknown" and the native defers to it.
  ['bdl-1', { expression: "total.empty() or (type = 'searchset') or (type = 'history')", check: (v) => (v.total === undefined ? true : typeof v.type !== 'string' ? undefined : v.type === 'searchset' || v.type === 'history') }],
  ['bdl-2', { expression: "entry.search.empty() or (type = 'searchset')", check: (v) => (!entriesOf(v).some((e) => e.search !== undefined) ? true : typeof v.type !== 'string' ? undefined : v.type === 'searchset') }],
  ['bdl-3', {
    expression: "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))",
    check: (v) => bundleTyped(v, (t) => entriesOf(v).every((e) => (e.request !== undefined) === ['batch', 'transaction', 'history'].includes(t))),
  }],
  ['bdl-4', {
    expression: "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))",
    check: (v) => bundleTyped(v, (t) => entriesOf(v).every((e) => (e.response !== undefined) === ['batch-response', 'transaction-response', 'history'].includes(t))),
  }],
  ['bdl-9', {
    expression: "type = 'document' implies (identifier.system.exists() and identifier.value.exists())",
    check: (v) => bundleTyped(v, (t) => t !== 'document' || (isObject(v.identifier) && v.identifier.system !== undefined && v.identifier.value !== undefined)),
  }],
  ['bdl-10', { expression: "type = 'document' implies (timestamp.hasValue())", check: (v) => bundleTyped(v, (t) => t !== 'document' || typeof v.timestamp === 'string') }],
  ['bdl-11', { expression: "type = 'document' implies entry.first().resource.is(Composition)", check: (v) => bundleTyped(v, (t) => t !== 'document' || firstResourceType(v) === 'Composition') }],
  ['bdl-12', { expression: "type = 'message' implies entry.first().resource.is(MessageHeader)", check: (v) => bundleTyped(v, (t) => t !== 'message' || firstResourceType(v) === 'MessageHeader') }],
  // Data type and resource invariants met on most exports (the FHIRPath forms cost ~50 µs each).
  ['per-1', {
    expression: 'start.hasValue().not() or end.hasValue().not() or (start <= end)',
    check: (v) => (typeof v.start !== 'string' || typeof v.end !== 'string' ? true : orderedDates(v.start, v.end)),
  }],
  ['inv-1', {
    expression: 'lastModified.exists().not() or authoredOn.exists().not() or lastModified >= authoredOn',
    check: (v) => (typeof v.lastModified !== 'string' || typeof v.authoredOn !== 'string' ? true : orderedDates(v.authoredOn, v.lastModified)),
  }],
  ['qty-3', { expression: 'code.empty() or system.exists()', check: (v) => v.code === undefined || v.system !== undefined }],
  ['att-1', { expression: 'data.empty() or contentType.exists()', check: (v) => v.data === undefined || v.contentType !== undefined }],
  ['prr-1', { expression: 'orderDetail.empty() or code.exists()', check: (v) => !hasItems(v.orderDetail) || v.code !== undefined }],
  ['org-1', { expression: '(identifier.count() + name.count()) > 0', check: (v) => hasItems(v.identifier) || v.name !== undefined }],
  ['dis-1', {
    expression: '(code.exists() or value.empty()) and (system.empty() or system = %ucum)',
    check: (v) => (v.code !== undefined || v.value === undefined) && (v.system === undefined || v.system === UCUM),
  }],
  ['drt-1', {
    expression: 'code.exists() implies ((system = %ucum) and value.exists())',
    check: (v) => v.code === undefined || (v.system === UCUM && v.value !== undefined),
  }],
  ['ppc-1', { expression: 'policy.exists() or policyRule.exists()', check: (v) => hasItems(v.policy) || v.policyRule !== undefined }],
  ...(['patient-privacy', 'research', 'adr', 'treatment'] as const).map((code, i): [string, NativeInvariant] => [`ppc-${i + 2}`, {
    expression: `patient.exists() or scope.coding.where(system='something' and code='${code}').exists().not()`,
    check: (v) => v.patient !== undefined || !(isObject(v.scope) && Array.isArray(v.scope.coding) && v.scope.coding.some((c) => isObject(c) && c.system === 'something' && c.code === code)),
  }]),
  // TDDUI / FR Core invariants that fhirpath.js evaluates slowly (~180 µs), with FHIRPath's collection
  // semantics reproduced: `codes = 'X'` is true only for exactly one code X; an empty left side of `implies`
  // leaves the result to the right side.
  ...(['MatDetailOnlyIfTypeOrg206:TDDUIMaterialDetail:ORG-206', 'FacilityOnlyIfTypeOrg207:TDDUIFacilityResource:ORG-207'].map((spec): [string, NativeInvariant] => {
    const [key, detail, code] = spec.split(':');
    const ru = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-ressources-used';
    return [key, {
      expression: `(Encounter.extension.where(url='${ru}').extension.where(url='${detail}').exists()) implies(Encounter.extension.where(url='${ru}').extension.where(url='TDDUIRessourceType').exists() and(Encounter.extension.where(url='${ru}').extension.where(url='TDDUIRessourceType').value.coding.code='${code}'))`,
      check: (v) => {
        const subs = extensions(v, ru).flatMap((e) => (Array.isArray(e.extension) ? e.extension.filter(isObject) : []));
        if (!subs.some((x) => x.url === detail)) return true;
        const types = subs.filter((x) => x.url === 'TDDUIRessourceType');
        const codes = types.flatMap((x) => codingCodes(x.valueCodeableConcept));
        return types.length > 0 && codes.length === 1 && codes[0] === code;
      },
    }];
  })),
  ['fr-core-1', {
    expression: "(extension.where(url= 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability').extension.where(url = 'identityStatus').value.code = 'VALI') implies (identifier.where(system = 'urn:oid:1.2.250.1.213.1.4.8').exists() or identifier.where(system = 'urn:oid:1.2.250.1.213.1.4.9').exists() or identifier.where(system = 'urn:oid:1.2.250.1.213.1.4.10').exists() or identifier.where(system = 'urn:oid:1.2.250.1.213.1.4.10').exists())",
    check: (v) => {
      const codes = extensions(v, 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability')
        .flatMap((e) => (Array.isArray(e.extension) ? e.extension.filter((x) => isObject(x) && x.url === 'identityStatus') : []))
        .flatMap((x) => (isObject(x) && isObject(x.valueCoding) && typeof x.valueCoding.code === 'string' ? [x.valueCoding.code] : []));
      const vali = codes.length === 0 ? undefined : codes.length === 1 && codes[0] === 'VALI';
      const ins = Array.isArray(v.identifier) && v.identifier.some((i) => isObject(i) && ['urn:oid:1.2.250.1.213.1.4.8', 'urn:oid:1.2.250.1.213.1.4.9', 'urn:oid:1.2.250.1.213.1.4.10'].includes(i.system as string));
      return vali === false || ins;
    },
  }],
  ['txt-1', { expression: 'htmlChecks()', check: () => true, skip: true }],
  ['txt-2', { expression: 'htmlChecks()', check: () => true, skip: true }],
]);

const UCUM = 'http://unitsofmeasure.org';

/**
 * a <= b for FHIR date/dateTime/instant values when FHIRPath can decide it the same way: both full
 * date-times with a time zone (compared as instants) or both dates of the same precision. Otherwise
 * (mixed precision, where FHIRPath may answer "unknown") undefined lets FHIRPath decide.
 */
function orderedDates(a: string, b: string): boolean | undefined {
  const full = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (full.test(a) && full.test(b)) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    return Number.isNaN(ta) || Number.isNaN(tb) ? undefined : ta <= tb;
  }
  if (a.length === b.length && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(a) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(b)) return a <= b;
  return undefined;
}

/** `value.matches('<regex>')`, the form of TDDUI's identifier format invariants: on an element with a value, or a primitive. */
const MATCHES = /^value\.matches\('([^'\\]*)'\)$/;
const regexCache = new Map<string, RegExp | null>();

export function nativeMatches(expression: string, value: unknown): boolean | undefined {
  let re = regexCache.get(expression);
  if (re === undefined) {
    const m = MATCHES.exec(expression);
    try {
      re = m ? new RegExp(m[1], 'su') : null;
    } catch {
      re = null;
    }
    regexCache.set(expression, re);
  }
  if (!re) return undefined;
  const s = typeof value === 'string' ? value : isObject(value) ? value.value : undefined;
  return typeof s === 'string' ? re.test(s) : false; // no value: matches() is empty, the invariant fails
}

function extensions(v: JsonObject, url: string): JsonObject[] {
  return Array.isArray(v.extension) ? v.extension.filter((e): e is JsonObject => isObject(e) && e.url === url) : [];
}

function codingCodes(cc: unknown): string[] {
  return isObject(cc) && Array.isArray(cc.coding) ? cc.coding.flatMap((c) => (isObject(c) && typeof c.code === 'string' ? [c.code] : [])) : [];
}

function entriesOf(v: JsonObject): JsonObject[] {
  return Array.isArray(v.entry) ? v.entry.filter(isObject) : [];
}

function bundleTyped(v: JsonObject, f: (type: string) => boolean): boolean | undefined {
  return typeof v.type === 'string' ? f(v.type) : undefined;
}

function firstResourceType(v: JsonObject): unknown {
  const first = Array.isArray(v.entry) ? v.entry[0] : undefined;
  return isObject(first) && isObject(first.resource) ? first.resource.resourceType : undefined;
}

function containedOf(v: JsonObject): JsonObject[] {
  return Array.isArray(v.contained) ? v.contained.filter(isObject) : [];
}

function hasItems(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

export type { Scope };
