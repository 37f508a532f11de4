/**
 * Pairs the dataset's objects with the export's, in phases from the most to the least certain:
 *  1. identity keys (INS / local usager id, business identifiers, other identifiers);
 *  2. identical content (references compared by what they point to), repeated while pairs are found,
 *     since a reference can only be compared once its target is paired;
 *  3. identical content except identifiers (an identifier altered in the export is then reported as such,
 *     not as a lost object plus an extra one);
 *  4. objects without any identifier: the same anchor elements (table below), else the same targets;
 *  5. an object without identifier still unpaired, when it is the only one of its type left on both sides.
 * Within a phase, candidates are taken in document order, so the result is deterministic.
 */
import { isObject, type Json, type JsonObject } from '../../validation/json-values.js';
import type { BundleObject, BundleSide } from './bundle-objects.js';
import { Canonicaliser } from './canonical.js';

export interface Matching {
  /** Expected object index → actual object index, -1 when lost. */
  expToAct: Int32Array;
  /** Actual object index → expected object index, -1 when not in the dataset. */
  actToExp: Int32Array;
}

/** Elements that recognise an object without identifier (phase 4); other types use their reference targets. */
const ANCHORS: Record<string, readonly string[]> = {
  Patient: ['birthDate', 'gender'],
  Consent: ['dateTime', 'performer'],
  Schedule: ['actor'],
  PractitionerRole: ['practitioner', 'organization'],
};

const IDENTIFIERS = new Set(['identifier', 'masterIdentifier']);
const MAX_ROUNDS = 8;

export function matchObjects(exp: BundleSide, act: BundleSide): Matching {
  const m: Matching = { expToAct: new Int32Array(exp.objects.length).fill(-1), actToExp: new Int32Array(act.objects.length).fill(-1) };
  const pair = (e: number, a: number) => {
    m.expToAct[e] = a;
    m.actToExp[a] = e;
  };

  // 1. Identity keys.
  const byKey = new Map<string, number[]>();
  for (const a of act.objects) for (const k of a.keys) push(byKey, k, a.index);
  for (const e of exp.objects) {
    for (const k of e.keys) {
      const a = byKey.get(k)?.find((i) => m.actToExp[i] < 0);
      if (a !== undefined) {
        pair(e.index, a);
        break;
      }
    }
  }

  // 2 and 3. Same content, then same content but identifiers, in rounds.
  for (const leaveOut of [undefined, IDENTIFIERS]) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const found = pairOn(exp, act, m, pair, (c, o) => `${o.type}|${c.resource(o, leaveOut)}`, () => true);
      if (!found) break;
    }
  }

  // 4. Objects without identifier: anchors; 5. then the only unpaired object of its type on both sides.
  const keyless = (e: BundleObject) => e.keys.length === 0;
  pairOn(exp, act, m, pair, anchorOf, keyless, true);
  const expLeft = unpairedByType(exp, m.expToAct);
  const actLeft = unpairedByType(act, m.actToExp);
  pairOn(exp, act, m, pair, (_c, o) => o.type, (e) => keyless(e) && expLeft.get(e.type) === 1 && actLeft.get(e.type) === 1, true);
  return m;
}

function unpairedByType(side: BundleSide, pairs: Int32Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of side.objects) if (pairs[o.index] < 0) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  return counts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One pass: unpaired objects of both sides grouped by a key; returns whether any pair was made. */
function pairOn(
  exp: BundleSide, act: BundleSide, m: Matching, pair: (e: number, a: number) => void,
  keyOf: (c: Canonicaliser, o: BundleObject) => string, eligible: (e: BundleObject) => boolean, final = false,
): boolean {
  // Unpaired targets get a side-specific token, except in the final phase where nothing more will pair:
  // there, references to a lost object, to an extra object or outside the Bundle all agree ("?"), so an
  // object is still recognised when what it points to was lost.
  const unknown = () => '?';
  const expC = new Canonicaliser(exp, (t) => (m.expToAct[t.index] >= 0 ? `#${t.index}` : final ? '?' : `#${t.index}`), final ? unknown : undefined);
  const actC = new Canonicaliser(act, (t) => (m.actToExp[t.index] >= 0 ? `#${m.actToExp[t.index]}` : final ? '?' : `!${t.index}`), final ? unknown : undefined);
  const candidates = new Map<string, number[]>();
  for (const a of act.objects) if (m.actToExp[a.index] < 0) push(candidates, keyOf(actC, a), a.index);
  if (!candidates.size) return false;
  let found = false;
  for (const e of exp.objects) {
    if (m.expToAct[e.index] >= 0 || !eligible(e)) continue;
    const list = candidates.get(keyOf(expC, e));
    const a = list?.shift();
    if (a === undefined) continue;
    pair(e.index, a);
    found = true;
  }
  return found;
}

function anchorOf(c: Canonicaliser, o: BundleObject): string {
  const elements = ANCHORS[o.type];
  if (elements) return `${o.type}|${elements.map((k) => c.of(o.resource[k], o)).join('|')}`;
  const tokens: string[] = [];
  collectReferences(o.resource, (ref) => tokens.push(c.referenceToken(ref, o)));
  return `${o.type}|${tokens.sort().join('|')}`;
}

function collectReferences(v: Json, visit: (reference: string) => void): void {
  if (Array.isArray(v)) {
    for (const x of v) collectReferences(x, visit);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v as JsonObject)) {
      if (k === 'reference' && typeof x === 'string') visit(x);
      else collectReferences(x, visit);
    }
  }
}
