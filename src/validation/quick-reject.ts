/**
 * A cheap pre-test before a full conformance walk (Bundle slicing by profile, target profiles): looks at
 * the first two levels for a required element that is missing or a fixed/pattern value that differs.
 * `true` means the value certainly does not conform; `false` means "walk it to know".
 */
import type { ElementNode, StructureView } from '../definitions/context/structure-view.js';
import { fixedMatches, isObject, patternMatches, type JsonObject } from './json-values.js';

export function quickReject(value: JsonObject, s: StructureView): boolean {
  return rejectLevel(value, s.root, 2);
}

function rejectLevel(obj: JsonObject, node: ElementNode, depth: number): boolean {
  for (const c of node.children) {
    if (c.isChoice) continue;
    const v = obj[c.name];
    if (v === undefined) {
      if (c.el.min >= 1 && !(`_${c.name}` in obj)) return true;
      continue;
    }
    const items = Array.isArray(v) ? v : [v];
    if (c.slices.length) continue; // slice membership needs the full walk
    const { fixed, pattern } = c.el;
    for (const item of items) {
      if (fixed && !fixedMatches(fixed.value, item)) return true;
      if (pattern && !patternMatches(pattern.value, item)) return true;
      if (depth > 1 && isObject(item) && c.children.length && rejectLevel(item, c, depth - 1)) return true;
    }
  }
  return false;
}
