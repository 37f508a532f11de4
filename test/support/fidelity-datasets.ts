/**
 * Datasets for the fidelity tests and bench, built at run time from the official example Bundles
 * (../shared/spec): one dataset of the three examples, a "perfect re-export" of it (ids and fullUrls
 * renamed, references rewritten, entries shuffled), and replicas to reach a large number of usagers.
 */
import { BundleIndex } from '../../src/validation/bundle-index.js';
import { isObject, type Json, type JsonObject } from '../../src/validation/json-values.js';
import { example } from './context.js';

export const EXAMPLE_BUNDLES = ['Bundle-tddui-bundle-example.json', 'Bundle-tddui-pp-ime-bundle-example.json', 'Bundle-tddui-pp-pa-bundle-example.json'];

/** The three example Bundles as one transaction Bundle (three usagers, 45 entries). */
export function exampleDataset(): JsonObject {
  const bundles = EXAMPLE_BUNDLES.map((f) => example<JsonObject>(f));
  return { ...bundles[0], id: 'fidelity-dataset', entry: bundles.flatMap((b) => b.entry as Json[]) };
}

/** Seeded PRNG (mulberry32): the same seed gives the same shuffle everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(n: number, seed: number): string {
  const h = (n * 2654435761 + seed * 40503).toString(16).padStart(12, '0').slice(-12);
  return `urn:uuid:00000000-0000-4000-8000-${h}`;
}

/**
 * What a DUI that keeps everything might send back: new ids, urn:uuid fullUrls, references rewritten to
 * them, entries in another order. References that leave the Bundle are kept as they are.
 */
export function renameAndShuffle(bundle: JsonObject, seed: number): JsonObject {
  const copy = structuredClone(bundle);
  const index = new BundleIndex(bundle);
  const entries = copy.entry as JsonObject[];
  const newUrl = entries.map((_, i) => uuid(i, seed));
  entries.forEach((entry, i) => {
    const original = index.entries[i];
    rewriteReferences(entry.resource, (ref) => {
      const r = index.resolve(ref, original.fullUrl);
      return r.found ? newUrl[r.entry.index] : ref;
    });
  });
  entries.forEach((entry, i) => {
    entry.fullUrl = newUrl[i];
    (entry.resource as JsonObject).id = `renomme-${seed}-${i}`;
  });
  const random = prng(seed);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  copy.id = `reexport-${seed}`;
  return copy;
}

function rewriteReferences(v: Json, rewrite: (ref: string) => string): void {
  if (Array.isArray(v)) {
    for (const x of v) rewriteReferences(x, rewrite);
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (k === 'reference' && typeof x === 'string') v[k] = rewrite(x);
      else rewriteReferences(x, rewrite);
    }
  }
}

/**
 * `copies` copies of a dataset with distinct objects: ids, fullUrls, references and every identifier
 * value get the copy number, so that matching cannot pair one copy's objects with another's.
 */
export function replicateDataset(dataset: JsonObject, copies: number): JsonObject {
  const text = JSON.stringify(dataset.entry);
  const entries: Json[] = [];
  for (let c = 0; c < copies; c++) {
    const tag = `c${c}`;
    const replica = JSON.parse(text) as JsonObject[];
    for (const entry of replica) {
      const r = entry.resource as JsonObject;
      r.id = `${String(r.id)}-${tag}`;
      entry.fullUrl = `${String(entry.fullUrl)}-${tag}`;
      tagIdentifiers(r, tag);
      rewriteReferences(r, (ref) => (/^[A-Z][A-Za-z]+\/[^/]+$/.test(ref) ? `${ref}-${tag}` : ref));
      entries.push(entry);
    }
  }
  return { ...dataset, entry: entries };
}

function tagIdentifiers(r: JsonObject, tag: string): void {
  const ids = [...(Array.isArray(r.identifier) ? r.identifier : [r.identifier]), r.masterIdentifier];
  for (const i of ids) if (isObject(i) && typeof i.value === 'string') i.value = `${i.value}-${tag}`;
}
