/**
 * Canonical text of a value for equality tests across the two sides: object keys sorted, and every
 * literal reference replaced by a token naming what it points to (never the id or fullUrl it uses).
 */
import type { Json, JsonObject } from '../../validation/json-values.js';
import { outsideToken, type BundleObject, type BundleSide } from './bundle-objects.js';

/** Resource elements that are no data of the usager: the id, technical metadata and the generated narrative. */
export const TECHNICAL_ELEMENTS = new Set(['id', 'meta', 'text']);

/** Token of a resolved target ("#3": expected object 3), chosen by the side (see Matching). */
export type TargetToken = (target: BundleObject) => string;

export class Canonicaliser {
  private readonly memo = new WeakMap<object, string>();

  constructor(
    private readonly side: BundleSide,
    private readonly targetToken: TargetToken,
    private readonly outside: (reference: string) => string = outsideToken,
  ) {}

  /** Token of a literal reference made from `from`. */
  referenceToken(reference: string, from: BundleObject): string {
    const target = this.side.resolve(reference, from);
    return target ? this.targetToken(target) : this.outside(reference);
  }

  of(value: Json | undefined, from: BundleObject): string {
    if (typeof value === 'string') return JSON.stringify(comparableText(value));
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
    let text = this.memo.get(value);
    if (text === undefined) {
      text = Array.isArray(value) ? `[${value.map((v) => this.of(v, from)).join(',')}]` : this.objectText(value, from, undefined);
      this.memo.set(value, text);
    }
    return text;
  }

  /** The resource's data: technical elements left out, and optionally other top-level elements. */
  resource(obj: BundleObject, leaveOut?: ReadonlySet<string>): string {
    return this.objectText(obj.resource, obj, (k) => TECHNICAL_ELEMENTS.has(k) || (leaveOut?.has(k) ?? false));
  }

  private objectText(o: JsonObject, from: BundleObject, skip: ((key: string) => boolean) | undefined): string {
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) {
      if (skip?.(k)) continue;
      const v = o[k];
      const text = k === 'reference' && typeof v === 'string' ? JSON.stringify(this.referenceToken(v, from)) : this.of(v, from);
      parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The form two texts are compared in: Unicode NFC, and an instant with its offset as the same instant in
 * UTC (a DUI may store times in another zone without losing anything).
 */
export function comparableText(s: string): string {
  if (INSTANT.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? s : new Date(t).toISOString();
  }
  return NON_ASCII.test(s) ? s.normalize('NFC') : s;
}
