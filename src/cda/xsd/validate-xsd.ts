/**
 * XSD validation with xmllint-wasm (libxml2 in WebAssembly): one call per batch of documents, because a
 * call costs a worker start and a schema parse (~0.5 s for the CDA set); the call runs in a worker thread,
 * so the caller keeps parsing and running rules meanwhile.
 */
import { validateXML } from 'xmllint-wasm';
import type { CdaSchemaSet } from './schema-set.js';

export interface XsdError {
  message: string;
  line?: number;
}

/** Wasm memory ceiling for one call (the batch is held in wasm memory): 2 GiB. */
const MAX_MEMORY_PAGES = 32768;

/** libxml2 messages that are about the schema set, not the document (e.g. "Skipping import … already imported"). */
const SCHEMA_NOTICE = /Schemas parser (warning|error)|\.xsd:\d+:/;

/** libxml2's message without its prefix, with the fixed prefixes instead of namespace URIs. */
function readable(message: string): string {
  return message.replace(/^Schemas validity error : /, '').replace(/\{urn:hl7-org:v3\}/g, 'cda:').replace(/\{urn:hl7-org:sdtc\}/g, 'sdtc:').trim();
}

export async function validateBatch(schemas: CdaSchemaSet, texts: readonly (string | Uint8Array)[]): Promise<XsdError[][]> {
  const out: XsdError[][] = texts.map(() => []);
  if (!texts.length) return out;
  const names = texts.map((_, i) => `document-${i + 1}.xml`);
  const result = await validateXML({
    xml: texts.map((contents, i) => ({ fileName: names[i], contents })),
    schema: [schemas.entry],
    preload: schemas.preload,
    maxMemoryPages: MAX_MEMORY_PAGES,
  });
  const index = new Map(names.map((n, i) => [n, i] as const));
  for (const e of result.errors) {
    const i = e.loc ? index.get(e.loc.fileName) : undefined;
    if (i === undefined) {
      if (SCHEMA_NOTICE.test(e.rawMessage) || / (validates|fails to validate)$/.test(e.rawMessage)) continue;
      // An error not tied to a document (e.g. the schema failed to compile) concerns every document.
      for (const list of out) list.push({ message: e.message });
      continue;
    }
    out[i].push({ message: readable(e.message), line: e.loc?.lineNumber });
  }
  return out;
}
