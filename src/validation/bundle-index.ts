/**
 * BundleIndex: built once per Bundle (Map lookups, linear in the number of entries) and shared by the
 * reference checks, the FHIRPath resolve() function and the TDDUI rules.
 * Resolution follows http://hl7.org/fhir/R4/bundle.html#references : absolute URLs and urn:uuid/urn:oid
 * against fullUrl; relative references against the RESTful base of the referring entry's fullUrl, then,
 * as TDDUI allows, against `Type/id` of the entries.
 */
import { isObject, type JsonObject } from './json-values.js';

export interface IndexedEntry {
  index: number;
  fullUrl?: string;
  resource?: JsonObject;
}

const RESTFUL = /^(https?:\/\/.+)\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export type Resolution =
  | { found: true; entry: IndexedEntry; via: 'fullUrl' | 'base' | 'type-id' }
  | { found: false; kind: 'relative' | 'absolute' | 'urn' | 'contained' | 'other' };

export class BundleIndex {
  readonly entries: IndexedEntry[];
  private readonly byFullUrl = new Map<string, IndexedEntry>();
  private readonly byTypeId = new Map<string, IndexedEntry>();
  /** fullUrls that occur on several entries (index of the later ones). */
  readonly duplicateFullUrls: { fullUrl: string; index: number; first: number }[] = [];

  constructor(bundle: JsonObject) {
    const raw = Array.isArray(bundle.entry) ? bundle.entry : [];
    this.entries = raw.map((e, index) => {
      const entry = isObject(e) ? e : {};
      return {
        index,
        fullUrl: typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined,
        resource: isObject(entry.resource) ? entry.resource : undefined,
      };
    });
    for (const e of this.entries) {
      if (e.fullUrl) {
        const prev = this.byFullUrl.get(e.fullUrl);
        if (prev) this.duplicateFullUrls.push({ fullUrl: e.fullUrl, index: e.index, first: prev.index });
        else this.byFullUrl.set(e.fullUrl, e);
      }
      const r = e.resource;
      if (r && typeof r.resourceType === 'string' && typeof r.id === 'string') {
        const key = `${r.resourceType}/${r.id}`;
        if (!this.byTypeId.has(key)) this.byTypeId.set(key, e);
      }
    }
  }

  /** Resolves a literal reference made from the entry whose fullUrl is `fromFullUrl`. */
  resolve(reference: string, fromFullUrl?: string): Resolution {
    if (reference.startsWith('#')) return { found: false, kind: 'contained' };
    const direct = this.byFullUrl.get(reference);
    if (direct) return { found: true, entry: direct, via: 'fullUrl' };
    if (reference.startsWith('urn:')) return { found: false, kind: 'urn' };
    const abs = RESTFUL.exec(reference);
    if (abs) {
      const e = this.byFullUrl.get(`${abs[1]}/${abs[2]}/${abs[3]}`);
      return e ? { found: true, entry: e, via: 'fullUrl' } : { found: false, kind: 'absolute' };
    }
    const rel = RELATIVE.exec(reference);
    if (!rel) return { found: false, kind: 'other' };
    const base = fromFullUrl ? RESTFUL.exec(fromFullUrl)?.[1] : undefined;
    if (base) {
      const e = this.byFullUrl.get(`${base}/${rel[1]}/${rel[2]}`);
      if (e) return { found: true, entry: e, via: 'base' };
    }
    const byId = this.byTypeId.get(`${rel[1]}/${rel[2]}`);
    return byId ? { found: true, entry: byId, via: 'type-id' } : { found: false, kind: 'relative' };
  }
}

/** Resource type a literal reference names, when it says so ("Patient/1", "https://x/fhir/Patient/1"). */
export function referencedType(reference: string): string | undefined {
  return RELATIVE.exec(reference)?.[1] ?? RESTFUL.exec(reference)?.[2];
}

export const REFERENCE_FORMAT = /^(#\S*|urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|urn:oid:[0-2](\.(0|[1-9][0-9]*))+|[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?|[a-z][a-z0-9+.-]*:\/\/\S+)$/;
