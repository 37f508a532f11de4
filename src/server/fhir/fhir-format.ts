/**
 * FHIR wire format: content negotiation (`_format`, then Accept, then the request's own format, then
 * JSON) and OperationOutcome building. XML is written by the engine's serialiser, driven by the definitions.
 */
import type { Request, Response } from 'express';
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import type { JsonObject } from '../../validation/json-values.js';
import { serialiseFhirXml } from '../../validation/parse/json-to-xml.js';

export type FhirFormat = 'json' | 'xml';

export const FHIR_MEDIA_TYPES: Record<FhirFormat, string> = {
  json: 'application/fhir+json; charset=utf-8',
  xml: 'application/fhir+xml; charset=utf-8',
};

const ACCEPTED = ['application/fhir+json', 'application/json', 'application/fhir+xml', 'application/xml', 'text/xml'];

/** Format of a request body from its Content-Type; undefined when it is neither FHIR JSON nor FHIR XML. */
export function requestFormat(contentType: string | undefined): FhirFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/fhir+json' || type === 'application/json') return 'json';
  if (type === 'application/fhir+xml' || type === 'application/xml' || type === 'text/xml') return 'xml';
  return undefined;
}

export function responseFormat(req: Request): FhirFormat {
  const f = req.query._format;
  if (typeof f === 'string' && f) return /xml/i.test(f) ? 'xml' : 'json';
  const accept = req.headers.accept;
  if (accept && !/^\s*\*\/\*\s*$/.test(accept)) {
    const m = req.accepts(ACCEPTED);
    if (m) return m.includes('xml') ? 'xml' : 'json';
  }
  return requestFormat(req.headers['content-type']) ?? 'json';
}

export function serialise(resource: JsonObject, format: FhirFormat, ctx: DefinitionContext): string {
  return format === 'xml' ? serialiseFhirXml(resource, ctx) : `${JSON.stringify(resource, null, 2)}\n`;
}

/** Sends a FHIR resource in the negotiated format; returns what was sent (recorded in runs). */
export function sendFhir(req: Request, res: Response, status: number, resource: JsonObject): { contentType: string; body: string } {
  const ctx = req.app.locals.definitions as DefinitionContext;
  const format = responseFormat(req);
  const body = serialise(resource, format, ctx);
  res.status(status).type(FHIR_MEDIA_TYPES[format]).send(body);
  return { contentType: FHIR_MEDIA_TYPES[format], body };
}

export interface OutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  text: string;
  ruleId?: string;
  expression?: string;
  line?: number;
  column?: number;
  diagnostics?: string;
}

export const BENCH_RULE_SYSTEM = 'urn:tddui-bench:regle';

export function operationOutcome(issues: OutcomeIssue[]): JsonObject {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => {
      const issue: JsonObject = { severity: i.severity, code: i.code };
      issue.details = i.ruleId ? { coding: [{ system: BENCH_RULE_SYSTEM, code: i.ruleId }], text: i.text } : { text: i.text };
      if (i.diagnostics) issue.diagnostics = i.diagnostics;
      if (i.line !== undefined) issue.location = [`ligne ${i.line}, colonne ${i.column ?? 1}`];
      if (i.expression) issue.expression = [i.expression];
      return issue;
    }),
  };
}
