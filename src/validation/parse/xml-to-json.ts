/** FHIR XML → FHIR JSON (placeholder while the XML reader is written). */
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import type { Finding } from '../finding.js';
import type { JsonObject } from '../json-values.js';
import type { Position } from './json-scan.js';

export interface XmlParseResult {
  resource?: JsonObject;
  findings: Finding[];
  positions: Map<string, Position>;
}

export function parseFhirXml(_text: string, _ctx: DefinitionContext): XmlParseResult {
  throw new Error('XML non pris en charge pour l’instant');
}
