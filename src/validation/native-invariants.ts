/**
 * Native forms of a few R4 invariants, used instead of FHIRPath when the compiled expression is exactly
 * the published one (tests check that both forms agree).
 */
import { isObject, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';

export interface NativeInvariant {
  expression: string;
  check(value: JsonObject, scope: Scope): boolean;
  /** Checked elsewhere (e.g. narrative XHTML by the narrative module). */
  skip?: boolean;
}

export const NATIVE_INVARIANTS = new Map<string, NativeInvariant>([
  ['ele-1', {
    // An element has a value or children other than id. Objects reaching here are non-empty JSON objects.
    expression: 'hasValue() or (children().count() > id.count())',
    check: (v) => Object.keys(v).some((k) => k !== 'id' && k !== 'fhir_comments'),
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
  ['txt-1', { expression: 'htmlChecks()', check: () => true, skip: true }],
  ['txt-2', { expression: 'htmlChecks()', check: () => true, skip: true }],
]);

export type { Scope };
