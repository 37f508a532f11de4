/**
 * Deterministic bench data: transaction Bundles of N TDDUI entries made by replicating the entries of the
 * official example Bundles of the guide (read at run time from ../shared/spec, never copied into the project).
 *
 * One "group" is the union of the entries of the three example Bundles, in file order (45 entries with the
 * 2.4.0-ballot examples): the examples reference each other (e.g. the pp-pa entries reference the Organization
 * of tddui-bundle-example, the pp-ime Consent its Practitioner), so a copy of the union is self-contained where
 * a copy of one example would have to drop required references. The group is copied until N entries are
 * written; the last copy may be cut short. In each copy:
 *  - every entry gets a fresh `urn:uuid:` fullUrl derived from a global counter (fixed prefix, no randomness)
 *    and a fresh resource id (the UUID itself);
 *  - every reference that designates an entry of the example (by `Type/id` or by fullUrl) is rewritten to
 *    the fullUrl of the copy of that entry;
 *  - a reference that leaves the examples (or designates an entry cut from a short last copy) is pointed at
 *    the first entry of the copy with the referenced type, and dropped when the copy has none: a Reference
 *    left with nothing but `type` is removed, then any element left empty (or holding only `url`/`id`,
 *    e.g. an extension whose value was that Reference) is removed in turn;
 *  - exception: QuestionnaireResponse.source is rewritten to `Patient/<new id>` (relative, resolved through
 *    Type/id as TDDUI allows) rather than to the urn:uuid fullUrl, because the invariant professionnel-requis
 *    of tddui-questionnaire-response tests the reference text (`source.reference.contains('Patient/')`) and
 *    would fail on any urn:uuid reference although the same Patient is designated;
 *  - request is { method: "POST", url: <resource type> } (the examples put the profile name in url).
 * Nothing depends on the clock; the same N gives byte-identical files.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLE_FILES = [
  'Bundle-tddui-bundle-example.json',
  'Bundle-tddui-pp-pa-bundle-example.json',
  'Bundle-tddui-pp-ime-bundle-example.json',
] as const;

export const TDDUI_BUNDLE_PROFILE = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface TemplateEntry {
  fullUrl?: string;
  type: string;
  id?: string;
  resource: JsonObject;
}

export interface ExampleGroup {
  files: readonly string[];
  entries: TemplateEntry[];
}

export interface GeneratedBundle {
  file: string;
  entries: number;
  bytes: number;
  /**
   * References rewritten to an entry of the same copy (of which `relative` as Type/id, see above) / pointed
   * at a same-type entry of the copy / dropped.
   */
  references: { internal: number; relative: number; retargeted: number; dropped: number };
  copies: number;
}

/** Fixed-prefix, counter-based UUIDs (valid RFC 4122 version 4 / variant 1 layout). */
export function benchUuid(n: number): string {
  return `b3c4e5f6-7a8b-4c9d-8e0f-${n.toString(16).padStart(12, '0')}`;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RESTFUL = /^https?:\/\/.+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** The group replicated by the bench: all entries of the official example Bundles, in file order. */
export function loadExampleGroup(exampleDir: string): ExampleGroup {
  const missing = EXAMPLE_FILES.filter((f) => !existsSync(join(exampleDir, f)));
  if (missing.length) {
    throw new Error(
      `Official TDDUI example Bundles not found in ${exampleDir} (missing: ${missing.join(', ')}).\n` +
        'The bench reads them at run time from the shared spec checkout beside the project (../shared/spec/tddui-fhir/<version>/); ' +
        'make it available there or pass --spec-dir <dir>.',
    );
  }
  const entries: TemplateEntry[] = [];
  for (const file of EXAMPLE_FILES) {
    const bundle = JSON.parse(readFileSync(join(exampleDir, file), 'utf8')) as unknown;
    if (!isObject(bundle) || bundle.resourceType !== 'Bundle' || !Array.isArray(bundle.entry)) throw new Error(`${file}: not a Bundle with entries`);
    for (const e of bundle.entry) {
      if (!isObject(e) || !isObject(e.resource) || typeof e.resource.resourceType !== 'string') throw new Error(`${file}: entry without resource`);
      entries.push({
        fullUrl: typeof e.fullUrl === 'string' ? e.fullUrl : undefined,
        type: e.resource.resourceType,
        id: typeof e.resource.id === 'string' ? e.resource.id : undefined,
        resource: e.resource,
      });
    }
  }
  return { files: EXAMPLE_FILES, entries };
}

const DROP = Symbol('drop');

/** Elements (resource type + path, without indexes) whose references keep the relative Type/id form. */
const KEEP_RELATIVE = new Set(['QuestionnaireResponse.source']);

interface NewEntry {
  fullUrl: string;
  type: string;
  id: string;
}

interface CopyState {
  /** Example reference key (`Type/id` or fullUrl) → new entry, for the entries present in this copy. */
  byKey: Map<string, NewEntry>;
  /** Resource type → first entry of that type in this copy. */
  byType: Map<string, NewEntry>;
  stats: GeneratedBundle['references'];
}

function mapReference(reference: string, path: string, st: CopyState): string | undefined {
  const m = RELATIVE.exec(reference) ?? RESTFUL.exec(reference);
  let target = st.byKey.get(reference) ?? (m ? st.byKey.get(`${m[1]}/${m[2]}`) : undefined);
  if (target) st.stats.internal++;
  else if (m && (target = st.byType.get(m[1]))) st.stats.retargeted++;
  if (!target) {
    if (reference.startsWith('#')) return reference; // contained: unchanged
    st.stats.dropped++;
    return undefined;
  }
  if (KEEP_RELATIVE.has(path)) {
    st.stats.relative++;
    return `${target.type}/${target.id}`;
  }
  return target.fullUrl;
}

/** Deep copy with references rewritten; returns DROP when the node ends up empty. `path`: Type.elem.elem */
function rewrite(node: Json, path: string, st: CopyState): Json | typeof DROP {
  if (Array.isArray(node)) {
    const out: Json[] = [];
    for (const item of node) {
      const r = rewrite(item, path, st);
      if (r !== DROP) out.push(r);
    }
    return node.length > 0 && out.length === 0 ? DROP : out;
  }
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  let lost = false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'reference' && typeof value === 'string') {
      const mapped = mapReference(value, path, st);
      if (mapped === undefined) lost = true;
      else out[key] = mapped;
      continue;
    }
    const r = rewrite(value, `${path}.${key}`, st);
    if (r === DROP) lost = true;
    else out[key] = r;
  }
  if (lost) {
    const meaningful = Object.keys(out).filter((k) => k !== 'url' && k !== 'id' && k !== 'type');
    if (meaningful.length === 0) return DROP;
  }
  return out;
}

/** Entries of one copy of a group (the first `take` entries), as JSON texts. */
function copyGroup(group: ExampleGroup, take: number, nextUuid: () => string, stats: GeneratedBundle['references']): string[] {
  const entries = group.entries.slice(0, take);
  const st: CopyState = { byKey: new Map(), byType: new Map(), stats };
  const fresh = entries.map((e): NewEntry => {
    const uuid = nextUuid();
    const n: NewEntry = { fullUrl: `urn:uuid:${uuid}`, type: e.type, id: uuid };
    if (e.fullUrl) st.byKey.set(e.fullUrl, n);
    if (e.id) st.byKey.set(`${e.type}/${e.id}`, n);
    if (!st.byType.has(e.type)) st.byType.set(e.type, n);
    return n;
  });
  return entries.map((e, i) => {
    const r = rewrite(e.resource, e.type, st);
    if (r === DROP || !isObject(r)) throw new Error(`bench group: resource ${e.type}/${e.id ?? '?'} vanished while rewriting`);
    // Keep the key order of the example; replace the id in place (or put it right after resourceType).
    const resource: JsonObject = { resourceType: e.type, id: fresh[i].id };
    for (const [k, v] of Object.entries(r)) if (k !== 'resourceType' && k !== 'id') resource[k] = v;
    return JSON.stringify({ fullUrl: fresh[i].fullUrl, resource, request: { method: 'POST', url: e.type } });
  });
}

/**
 * Writes a transaction Bundle of exactly `size` entries to `file`, in chunks (the full text is never held
 * in memory): compact JSON, one entry per line.
 */
export function writeBenchBundle(group: ExampleGroup, size: number, file: string): GeneratedBundle {
  let counter = 0;
  const nextUuid = () => benchUuid(++counter);
  const stats = { internal: 0, relative: 0, retargeted: 0, dropped: 0 };
  const fd = openSync(file, 'w');
  let bytes = 0;
  const write = (s: string) => {
    bytes += writeSync(fd, s);
  };
  try {
    const header = { resourceType: 'Bundle', id: `tddui-bench-${size}`, meta: { profile: [TDDUI_BUNDLE_PROFILE] }, type: 'transaction' };
    write(`${JSON.stringify(header).slice(0, -1)},"entry":[\n`);
    let written = 0;
    let copies = 0;
    let buffer: string[] = [];
    while (written < size) {
      const take = Math.min(group.entries.length, size - written);
      const texts = copyGroup(group, take, nextUuid, stats);
      for (const t of texts) buffer.push(written++ === 0 ? t : `,\n${t}`);
      copies++;
      if (buffer.length >= 2000) {
        write(buffer.join(''));
        buffer = [];
      }
    }
    write(buffer.join(''));
    write('\n]}\n');
    return { file, entries: written, bytes, references: stats, copies };
  } finally {
    closeSync(fd);
  }
}
