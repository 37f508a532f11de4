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

/** A dataset or export that cannot be compared (unreadable, not a Bundle): a usage error, not a finding. */
export class FidelityInputError extends Error {}

/** Parses a source into a Bundle; throws FidelityInputError (French message) when it is not one. */
export function readBundle(source: BundleSource, what: string, definitions?: DefinitionContext): JsonObject {
  const parsed = isParsed(source) ? source : parseSource(source, what, definitions);
  if (parsed.resourceType !== 'Bundle') {
    throw new FidelityInputError(`${what} : un Bundle est attendu (trouvé ${String(parsed.resourceType ?? 'aucun resourceType')})`);
  }
  return parsed;
}

function isParsed(source: BundleSource): source is JsonObject {
  return typeof source !== 'string' && !(source instanceof Uint8Array);
}

function parseSource(source: string | Uint8Array, what: string, definitions?: DefinitionContext): JsonObject {
  if (detectFormat(source) === 'xml') {
    if (!definitions) throw new FidelityInputError(`${what} : lecture XML impossible sans les définitions FHIR`);
    const text = typeof source === 'string' ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
    const r = parseFhirXml(text, definitions);
    const fatal = r.findings.find((f) => f.severity === 'fatal');
    if (fatal || !r.resource) throw new FidelityInputError(`${what} : XML illisible (${fatal ? `${fatal.ruleId} ${JSON.stringify(fatal.params)}` : 'aucune ressource'})`);
    return r.resource;
  }
  const bytes = toBytes(source);
  const scan = scanJsonLayout(bytes);
  if (scan.error || !scan.layout) throw new FidelityInputError(`${what} : JSON illisible (${scan.error?.fr ?? 'document vide'})`);
  const value = parseJsonBytes(bytes, scan.layout);
  if (!isObject(value)) throw new FidelityInputError(`${what} : un objet JSON est attendu`);
  return value;
}
