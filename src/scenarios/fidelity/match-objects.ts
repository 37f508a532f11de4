/**
 * Pairs the dataset's objects with the export's, in phases from the most to the least certain:
 *  1. identity keys (INS / local usager id, business identifiers, other identifiers);
 *  2. identical content (references compared by what they point to), repeated while pairs are found,
 *     since a reference can only be compared once its target is paired;
 *  3. identical content except identifiers (an identifier altered in the export is then reported as such,
 *     not as a lost object plus an extra one);
 *  4. objects without identifier: referred to by the same paired objects (a consent by its care plan,
 *     an agenda by its slots);
 *  5. objects without identifier: the same anchor elements (table below), else the same targets — only
 *     when the anchor is unambiguous, since references to lost objects no longer tell usagers apart;
 *  6. an object without identifier still unpaired, when it is the only one of its type left on both sides.
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

/** Elements that recognise an object without identifier (phase 5); other types use their reference targets. */
const ANCHORS: Record<string, readonly string[]> = {
  Patient: ['birthDate', 'gender'],
  Consent: ['dateTime', 'performer'],
  Schedule: ['actor'],
  PractitionerRole: ['practitioner', 'organization'],
};

const IDENTIFIERS = new Set(['identifier', 'masterIdentifier']);
const MAX_ROUNDS = 8;

type KeyOf = (o: BundleObject) => string | undefined;

export function matchObjects(exp: BundleSide, act: BundleSide): Matching {
  const m: Matching = { expToAct: new Int32Array(exp.objects.length).fill(-1), actToExp: new Int32Array(act.objects.length).fill(-1) };
  const keyless = (e: BundleObject) => e.keys.length === 0;

  // 1. Identity keys.
  const byKey = new Map<string, number[]>();
  for (const a of act.objects) for (const k of a.keys) push(byKey, k, a.index);
  for (const e of exp.objects) {
    for (const k of e.keys) {
      const a = byKey.get(k)?.find((i) => m.actToExp[i] < 0);
      if (a !== undefined) {
        pair(m, e.index, a);
        break;
      }
    }
  }

  // 2 and 3. Same content, then same content but identifiers, in rounds.
  for (const leaveOut of [undefined, IDENTIFIERS]) {
    repeat(() => {
      const { expC, actC } = canonicalisers(exp, act, m, false);
      return pairOn(exp, act, m, (o) => `${o.type}|${expC.resource(o, leaveOut)}`, (o) => `${o.type}|${actC.resource(o, leaveOut)}`, () => true, false);
    });
  }

  if (!m.expToAct.includes(-1) || !m.actToExp.includes(-1)) return m;

  // 4. Referred to by the same paired objects (who refers to what is collected once per side).
  const expIn = referrersOf(exp, m.expToAct);
  const actIn = referrersOf(act, m.actToExp);
  const referrers = (list: Map<number, Referrer[]>, token: (i: number) => string | undefined) => (o: BundleObject) => {
    const tokens: string[] = [];
    for (const r of list.get(o.index) ?? []) {
      const t = token(r.from);
      if (t !== undefined) tokens.push(`${t}>${r.path}`);
    }
    return tokens.length ? `${o.type}|${tokens.sort().join('|')}` : undefined;
  };
  repeat(() => pairOn(
    exp, act, m,
    referrers(expIn, (i) => (m.expToAct[i] >= 0 ? `#${i}` : undefined)),
    referrers(actIn, (i) => (m.actToExp[i] >= 0 ? `#${m.actToExp[i]}` : undefined)),
    keyless, false,
  ));

  // 5. Anchors, unambiguous only.
  const { expC, actC } = canonicalisers(exp, act, m, true);
  pairOn(exp, act, m, (o) => anchorOf(expC, o), (o) => anchorOf(actC, o), keyless, true);

  // 6. The last one of its type.
  const expLeft = unpairedByType(exp, m.expToAct);
  const actLeft = unpairedByType(act, m.actToExp);
  pairOn(exp, act, m, (o) => o.type, (o) => o.type, (e) => keyless(e) && expLeft.get(e.type) === 1 && actLeft.get(e.type) === 1, true);
  return m;
}

function pair(m: Matching, e: number, a: number): void {
  m.expToAct[e] = a;
  m.actToExp[a] = e;
}

function repeat(phase: () => boolean): void {
  for (let round = 0; round < MAX_ROUNDS && phase(); round++);
}

/**
 * References compared by their targets: paired targets by the dataset index; unpaired ones by a token of
 * their side, except in the final phases where nothing more will pair: there, references to a lost object,
 * to an extra object or outside the Bundle all agree ("?").
 */
function canonicalisers(exp: BundleSide, act: BundleSide, m: Matching, final: boolean): { expC: Canonicaliser; actC: Canonicaliser } {
  const unknown = final ? () => '?' : undefined;
  return {
    expC: new Canonicaliser(exp, (t) => (m.expToAct[t.index] >= 0 || !final ? `#${t.index}` : '?'), unknown),
    actC: new Canonicaliser(act, (t) => (m.actToExp[t.index] >= 0 ? `#${m.actToExp[t.index]}` : final ? '?' : `!${t.index}`), unknown),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One pass: unpaired objects of both sides grouped by a key; returns whether any pair was made. */
function pairOn(exp: BundleSide, act: BundleSide, m: Matching, expKey: KeyOf, actKey: KeyOf, eligible: (e: BundleObject) => boolean, uniqueOnly: boolean): boolean {
  const candidates = new Map<string, number[]>();
  for (const a of act.objects) {
    if (m.actToExp[a.index] >= 0) continue;
    const k = actKey(a);
    if (k !== undefined) push(candidates, k, a.index);
  }
  if (!candidates.size) return false;
  const wanted = new Map<string, number[]>();
  for (const e of exp.objects) {
    if (m.expToAct[e.index] >= 0 || !eligible(e)) continue;
    const k = expKey(e);
    if (k !== undefined) push(wanted, k, e.index);
  }
  let found = false;
  // Expected objects in document order (Map insertion order follows the first object of each key).
  for (const [k, es] of wanted) {
    const as = candidates.get(k);
    if (!as || (uniqueOnly && (es.length > 1 || as.length > 1))) continue;
    for (let i = 0; i < es.length && i < as.length; i++) {
      pair(m, es[i], as[i]);
      found = true;
    }
  }
  return found;
}

function unpairedByType(side: BundleSide, pairs: Int32Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of side.objects) if (pairs[o.index] < 0) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  return counts;
}

interface Referrer {
  from: number;
  /** Element path of the reference in the referring object (names only). */
  path: string;
}

/** For each unpaired object of a side: the objects that refer to it, and from which element. */
function referrersOf(side: BundleSide, pairs: Int32Array): Map<number, Referrer[]> {
  const incoming = new Map<number, Referrer[]>();
  for (const o of side.objects) {
    collectReferences(o.resource, '', (ref, path) => {
      const target = side.resolve(ref, o);
      if (target && target !== o && pairs[target.index] < 0) push(incoming, target.index, { from: o.index, path });
    });
  }
  return incoming;
}

function anchorOf(c: Canonicaliser, o: BundleObject): string {
  const elements = ANCHORS[o.type];
  if (elements) return `${o.type}|${elements.map((k) => c.of(o.resource[k], o)).join('|')}`;
  const tokens: string[] = [];
  collectReferences(o.resource, '', (ref) => tokens.push(c.referenceToken(ref, o)));
  return `${o.type}|${tokens.sort().join('|')}`;
}

/** Visits the literal references of a value with their element path (names only, no indexes). */
function collectReferences(v: Json, path: string, visit: (reference: string, path: string) => void): void {
  walkReferences(v, [], (ref, keys) => visit(ref, path ? `${path}.${keys.join('.')}` : keys.join('.')));
}

/** The walk behind collectReferences: element names kept on a stack, joined only at a reference. */
function walkReferences(v: Json, keys: string[], visit: (reference: string, keys: string[]) => void): void {
  if (Array.isArray(v)) {
    for (const x of v) walkReferences(x, keys, visit);
  } else if (isObject(v)) {
    for (const k in v) {
      const x = (v as JsonObject)[k];
      keys.push(k);
      if (k === 'reference' && typeof x === 'string') visit(x, keys);
      else if (x !== null && typeof x === 'object') walkReferences(x, keys, visit);
      keys.pop();
    }
  }
}
