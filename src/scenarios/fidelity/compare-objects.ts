/**
 * Compares one dataset object with its counterpart in the export, element by element, and counts the
 * primitive values ("fields") the export kept. One finding per missing element (at its root, not per
 * value inside it), per altered value, and per reference that points to another object than in the
 * dataset. Elements the export adds are not losses and are ignored.
 *
 * Array items are paired as a person would: identical items first, then items with the same key
 * (extension url, identifier/coding system and type, name use…), then in order; so an export that
 * reorders identifiers or extensions loses nothing. Primitive lists (given names, address lines) keep
 * their order, which carries meaning.
 */
import type { Finding } from '../../validation/finding.js';
import { brief, isObject, type Json, type JsonObject } from '../../validation/json-values.js';
import { finding } from '../../validation/sink.js';
import { outsideToken, type BundleObject, type BundleSide } from './bundle-objects.js';
import { Canonicaliser, comparableText, TECHNICAL_ELEMENTS } from './canonical.js';
import { alterationOf, FIDELITY_SEVERITY } from './fidelity-rules.js';
import type { Matching } from './match-objects.js';

/** A step of the walk: an element name, with the item indexes on each side for array items. */
interface Place {
  parent?: Place;
  key: string;
  exp?: number;
  act?: number;
  /** Extension url when the item is an extension. */
  url?: string;
}

export interface ObjectTally {
  fields: number;
  kept: number;
  findings: number;
}

export function report(out: Finding[], ruleId: string, path: string, params: Finding['params']): void {
  out.push(finding(ruleId, path, params, undefined, FIDELITY_SEVERITY.get(ruleId)));
}

/** The object a finding is about: its label, and the English form when the label is not just type + key. */
export function labelParams(o: BundleObject): Finding['params'] {
  return o.keyValue ? { object: o.label } : { object: o.label, object_en: `${o.type} (entry ${o.entry})` };
}

/** Number of primitive values of a value (a reference counts as one). */
export function countFields(v: Json | undefined, skipTechnical = false): number {
  if (v === null || v === undefined) return 0;
  if (Array.isArray(v)) {
    let n = 0;
    for (const x of v) n += countFields(x);
    return n;
  }
  if (typeof v !== 'object') return 1;
  let n = 0;
  for (const k in v) if (!(skipTechnical && TECHNICAL_ELEMENTS.has(k))) n += countFields(v[k]);
  return n;
}

export class ObjectComparer {
  private e!: BundleObject;
  private a!: BundleObject;
  private expC!: Canonicaliser;
  private actC!: Canonicaliser;
  private tally!: ObjectTally;

  constructor(private readonly exp: BundleSide, private readonly act: BundleSide, private readonly m: Matching, private readonly out: Finding[]) {}

  compare(e: BundleObject, a: BundleObject): ObjectTally {
    this.e = e;
    this.a = a;
    // Fresh memo per object: canonical texts are only needed while pairing this object's array items.
    this.expC = new Canonicaliser(this.exp, (t) => `#${t.index}`);
    this.actC = new Canonicaliser(this.act, (t) => (this.m.actToExp[t.index] >= 0 ? `#${this.m.actToExp[t.index]}` : `!${t.index}`));
    this.tally = { fields: 0, kept: 0, findings: 0 };
    this.walkObject(e.resource, a.resource, undefined);
    return this.tally;
  }

  private walkObject(eo: JsonObject, ao: JsonObject, parent: Place | undefined): void {
    for (const k of Object.keys(eo)) {
      if (!parent && TECHNICAL_ELEMENTS.has(k)) continue;
      const place: Place = { parent, key: k };
      const ev = eo[k];
      if (k === 'reference' && typeof ev === 'string') this.compareReference(ev, ao[k], place);
      else this.walk(ev, ao[k], place);
    }
  }

  private walk(ev: Json, av: Json | undefined, place: Place): void {
    if (ev === null) return;
    if (Array.isArray(ev)) {
      if (!Array.isArray(av)) return this.missing(place, ev, av);
      const byIndex = place.key.startsWith('_') || ev.every((x) => x === null || typeof x !== 'object');
      const pairs = byIndex ? ev.map((_, i) => (i < av.length ? i : -1)) : this.pairItems(ev, av);
      for (let i = 0; i < ev.length; i++) {
        const item: Place = { parent: place.parent, key: place.key, exp: i, url: extensionUrl(place.key, ev[i]) };
        if (pairs[i] < 0) {
          if (ev[i] !== null) this.missing(item, ev[i]);
          continue;
        }
        item.act = pairs[i];
        this.walk(ev[i], av[pairs[i]], item);
      }
      return;
    }
    if (isObject(ev)) {
      if (!isObject(av)) return this.missing(place, ev, av);
      return this.walkObject(ev, av, place);
    }
    this.tally.fields++;
    if (av === undefined || av === null) return this.missing(place, ev, undefined, false);
    if (samePrimitive(ev, av)) {
      this.tally.kept++;
      return;
    }
    const keys = keysOf(place);
    const { ruleId } = alterationOf({ resourceType: this.e.type, keys, extensionUrls: urlsOf(place), expected: ev });
    this.finding(ruleId, place, { expected: brief(ev), found: brief(av) });
  }

  /** A reference is kept when it points to the counterpart of the dataset's target. */
  private compareReference(ev: string, av: Json | undefined, place: Place): void {
    this.tally.fields++;
    if (typeof av !== 'string') return this.missing(place, ev, av, false);
    const expTarget = this.exp.resolve(ev, this.e);
    const actTarget = this.act.resolve(av, this.a);
    if (expTarget) {
      const counterpart = this.m.expToAct[expTarget.index];
      if (actTarget && actTarget.index === counterpart) {
        this.tally.kept++;
        return;
      }
      // The target itself is lost (already reported); an export pointing to another known object is still wrong.
      if (counterpart < 0 && !(actTarget && this.m.actToExp[actTarget.index] >= 0)) return;
      return this.finding('FIDELITY-010', place, { expected: expTarget.label, found: actTarget ? this.foundLabel(actTarget) : av });
    }
    // Outside the Bundle in the dataset: the export may rename the id, but must point to the same type.
    if ((actTarget ? `?${actTarget.type}` : outsideToken(av)) === outsideToken(ev)) {
      this.tally.kept++;
      return;
    }
    this.finding('FIDELITY-010', place, { expected: ev, found: actTarget ? this.foundLabel(actTarget) : av });
  }

  /** An actual object as the findings name it: by its dataset counterpart's label when it has one. */
  private foundLabel(o: BundleObject): string {
    const e = this.m.actToExp[o.index];
    return e >= 0 ? this.exp.objects[e].label : o.label;
  }

  private missing(place: Place, ev: Json, av?: Json, count = true): void {
    if (count) this.tally.fields += countFields(ev);
    if (av !== undefined && av !== null) {
      // Present with another shape (an object where a value was expected, or the reverse): an alteration.
      return this.finding('FIDELITY-009', place, { expected: brief(ev), found: brief(av) });
    }
    this.finding('FIDELITY-003', place, { expected: brief(ev) });
  }

  private finding(ruleId: string, place: Place, params: { expected: string; found?: string }): void {
    this.tally.findings++;
    report(this.out, ruleId, `${this.a.path}.${pathOf(place, 'act')}`, { ...labelParams(this.e), field: pathOf(place, 'exp'), ...params });
  }

  private pairItems(ev: Json[], av: Json[]): number[] {
    const pairs = ev.map(() => -1);
    if (ev.length === 1 && av.length === 1) {
      pairs[0] = 0;
      return pairs;
    }
    const used = av.map(() => false);
    // Items told apart by their key on both sides (extensions by url, identifiers by system and type…)
    // pair directly, without building the canonical text of every item.
    const expKeys = ev.map(itemKey);
    const actKeys = av.map(itemKey);
    const unique = (keys: string[]) => {
      const seen = new Map<string, number>();
      for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
      return seen;
    };
    const expCount = unique(expKeys);
    const actCount = unique(actKeys);
    const actIndex = new Map(actKeys.map((k, j) => [k, j] as const));
    expKeys.forEach((k, i) => {
      if (k !== '' && expCount.get(k) === 1 && actCount.get(k) === 1) {
        pairs[i] = actIndex.get(k)!;
        used[pairs[i]] = true;
      }
    });
    if (!pairs.includes(-1)) return pairs;
    const take = (index: Map<string, number[]>, key: string): number => {
      const list = index.get(key);
      while (list?.length) {
        const j = list.shift()!;
        if (!used[j]) {
          used[j] = true;
          return j;
        }
      }
      return -1;
    };
    const same = new Map<string, number[]>();
    av.forEach((x, j) => !used[j] && push(same, this.actC.of(x, this.a), j));
    ev.forEach((x, i) => pairs[i] < 0 && (pairs[i] = take(same, this.expC.of(x, this.e))));
    const byKey = new Map<string, number[]>();
    av.forEach((_, j) => !used[j] && push(byKey, actKeys[j], j));
    ev.forEach((_, i) => pairs[i] < 0 && (pairs[i] = take(byKey, expKeys[i])));
    return pairs;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What tells an array item from its siblings, whatever its values. */
function itemKey(v: Json): string {
  if (!isObject(v)) return '';
  const type = isObject(v.type) && Array.isArray(v.type.coding) && isObject(v.type.coding[0]) ? v.type.coding[0].code : undefined;
  return [v.url, v.linkId, v.system, type, v.use].map((x) => (typeof x === 'string' ? x : '')).join('|');
}

function extensionUrl(key: string, item: Json): string | undefined {
  return (key === 'extension' || key === 'modifierExtension') && isObject(item) && typeof item.url === 'string' ? item.url : undefined;
}

function pathOf(place: Place, side: 'exp' | 'act'): string {
  const parts: string[] = [];
  for (let p: Place | undefined = place; p; p = p.parent) {
    const i = p[side];
    parts.push(i === undefined ? p.key : `${p.key}[${i}]`);
  }
  return parts.reverse().join('.');
}

function keysOf(place: Place): string[] {
  const keys: string[] = [];
  for (let p: Place | undefined = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse();
}

function urlsOf(place: Place): string[] {
  const urls: string[] = [];
  for (let p: Place | undefined = place; p; p = p.parent) if (p.url) urls.push(p.url);
  return urls;
}

/** Equal values, or the same text in another Unicode normalisation, or the same instant in another offset. */
export function samePrimitive(e: Json, a: Json): boolean {
  if (e === a) return true;
  return typeof e === 'string' && typeof a === 'string' && comparableText(e) === comparableText(a);
}
