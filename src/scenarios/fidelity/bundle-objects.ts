/**
 * One side of a comparison: the Bundle's resources as objects, how a person recognises each one (identity
 * keys), and reference resolution inside the Bundle (BundleIndex: fullUrl, base-relative, Type/id).
 *
 * Identity keys, in priority order:
 *  - usager (Patient): the INS matricule (whatever its authority, so a changed authority is reported as
 *    an altered identifier, not a lost usager), then the local usager id (TDDUI `PI` slice);
 *  - any other object: its TDDUI business identifiers first, then its other identifiers (national ids of
 *    structures and professionals, …) and DocumentReference.masterIdentifier.
 * Objects without any (Consent, Schedule, PractitionerRole…) are matched on their content instead.
 */
import { businessIdSystem } from '../../rules/fr-identifiers/business-identifiers.js';
import { insAuthority } from '../../rules/fr-identifiers/ins-authorities.js';
import { BundleIndex, referencedType } from '../../validation/bundle-index.js';
import { isObject, type JsonObject } from '../../validation/json-values.js';

export const LOCAL_USAGER_SYSTEM = 'https://identifiant-medicosocial-localusager.esante.gouv.fr';

export interface BundleObject {
  /** Position among the side's objects. */
  index: number;
  /** Bundle entry index and fullUrl. */
  entry: number;
  fullUrl?: string;
  type: string;
  resource: JsonObject;
  /** Location of the resource, e.g. Bundle.entry[4].resource */
  path: string;
  /** Identity keys, most specific first (prefixed by the resource type). */
  keys: string[];
  /** What a person reads: "Patient 3480787529/194704032", or the type and entry when there is no identifier. */
  label: string;
  /** The key value shown in findings (INS, business identifier…), empty when there is none. */
  keyValue: string;
}

export class BundleSide {
  readonly objects: BundleObject[] = [];
  private readonly index: BundleIndex;
  private readonly byResource = new Map<JsonObject, BundleObject>();

  constructor(readonly bundle: JsonObject, readonly root: string) {
    this.index = new BundleIndex(bundle);
    for (const e of this.index.entries) {
      const r = e.resource;
      if (!r || typeof r.resourceType !== 'string') continue;
      const { keys, keyValue } = identityOf(r);
      const obj: BundleObject = {
        index: this.objects.length, entry: e.index, fullUrl: e.fullUrl, type: r.resourceType, resource: r, path: `${root}.entry[${e.index}].resource`, keys, keyValue,
        label: keyValue ? `${r.resourceType} ${keyValue}` : `${r.resourceType} (entrée ${e.index})`,
      };
      this.objects.push(obj);
      this.byResource.set(r, obj);
    }
  }

  /** The object a literal reference made from `from` points to, inside this Bundle. */
  resolve(reference: string, from: BundleObject): BundleObject | undefined {
    const r = this.index.resolve(reference, from.fullUrl);
    return r.found && r.entry.resource ? this.byResource.get(r.entry.resource) : undefined;
  }
}

const bareSystem = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);

function identityOf(r: JsonObject): { keys: string[]; keyValue: string } {
  const type = String(r.resourceType);
  const ids = [...(Array.isArray(r.identifier) ? r.identifier : isObject(r.identifier) ? [r.identifier] : []), ...(isObject(r.masterIdentifier) ? [r.masterIdentifier] : [])]
    .filter(isObject)
    .filter((i) => typeof i.value === 'string' && i.value !== '')
    .map((i) => ({ system: typeof i.system === 'string' ? bareSystem(i.system) : '', value: i.value as string }));
  const ranked: { rank: number; key: string; value: string }[] = [];
  for (const i of ids) {
    if (type === 'Patient') {
      if (insAuthority(i.system)) ranked.push({ rank: 0, key: `INS|${i.value}`, value: i.value });
      else if (i.system === LOCAL_USAGER_SYSTEM) ranked.push({ rank: 1, key: `PI|${i.value}`, value: i.value });
    } else {
      ranked.push({ rank: businessIdSystem(i.system) ? 0 : 1, key: `${i.system}|${i.value}`, value: i.value });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return { keys: ranked.map((k) => `${type}|${k.key}`), keyValue: ranked[0]?.value ?? '' };
}

/** Token a reference that leaves the Bundle compares by: its resource type only (ids may be renamed). */
export function outsideToken(reference: string): string {
  if (reference.startsWith('#')) return `?${reference}`;
  return `?${referencedType(reference) ?? reference}`;
}
