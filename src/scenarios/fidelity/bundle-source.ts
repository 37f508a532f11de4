/**
 * The two sides of a comparison as parsed Bundles: given as bytes or text (JSON or FHIR XML, read with the
 * engine's parsers) or already parsed (a generator's output, or the export the checker just parsed).
 */
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import { isObject, type JsonObject } from '../../validation/json-values.js';
import { scanJsonLayout, toBytes } from '../../validation/parse/json-scan.js';
import { parseJsonBytes } from '../../validation/parse/json-input.js';
import { parseFhirXml } from '../../validation/parse/xml-to-json.js';
import { detectFormat } from '../../validation/validate.js';

export type BundleSource = Buffer | Uint8Array | string | JsonObject;

/** A dataset or export that cannot be compared (unreadable, not a Bundle); the message is French. */
export class FidelityInputError extends Error {
  constructor(message: string, readonly en: string) {
    super(message);
  }
}

/** Which side a reading error is about, in both languages. */
export type Side = 'dataset' | 'export';
const SIDE = { dataset: { fr: 'jeu de données attendu', en: 'expected dataset' }, export: { fr: 'export', en: 'export' } } as const;

/** Parses a source into a Bundle; throws FidelityInputError (French message) when it is not one. */
export function readBundle(source: BundleSource, side: Side, definitions?: DefinitionContext): JsonObject {
  const what = SIDE[side];
  const parsed = isParsed(source) ? source : parseSource(source, what, definitions);
  if (parsed.resourceType !== 'Bundle') {
    const found = String(parsed.resourceType ?? '∅');
    throw new FidelityInputError(`${what.fr} : un Bundle est attendu (resourceType trouvé : ${found})`, `${what.en}: a Bundle is expected (resourceType found: ${found})`);
  }
  return parsed;
}

function isParsed(source: BundleSource): source is JsonObject {
  return typeof source !== 'string' && !(source instanceof Uint8Array);
}

function parseSource(source: string | Uint8Array, what: { fr: string; en: string }, definitions?: DefinitionContext): JsonObject {
  if (detectFormat(source) === 'xml') {
    if (!definitions) throw new FidelityInputError(`${what.fr} : lecture XML impossible sans les définitions FHIR`, `${what.en}: XML cannot be read without the FHIR definitions`);
    const text = typeof source === 'string' ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
    const r = parseFhirXml(text, definitions);
    const fatal = r.findings.find((f) => f.severity === 'fatal');
    if (fatal || !r.resource) {
      const detail = fatal ? `${fatal.ruleId} ${JSON.stringify(fatal.params)}` : '∅';
      throw new FidelityInputError(`${what.fr} : XML illisible (${detail})`, `${what.en}: unreadable XML (${detail})`);
    }
    return r.resource;
  }
  const bytes = toBytes(source);
  const scan = scanJsonLayout(bytes);
  if (scan.error || !scan.layout) {
    throw new FidelityInputError(`${what.fr} : JSON illisible (${scan.error?.fr ?? 'document vide'})`, `${what.en}: unreadable JSON (${scan.error?.en ?? 'empty document'})`);
  }
  const value = parseJsonBytes(bytes, scan.layout);
  if (!isObject(value)) throw new FidelityInputError(`${what.fr} : un objet JSON est attendu`, `${what.en}: a JSON object is expected`);
  return value;
}
