/**
 * Client errors: a status, a stable code and a French message. Under /fhir they are OperationOutcomes,
 * elsewhere `{ error: { code, message } }`. Never a stack trace.
 */
import type { Request, Response } from 'express';
import { operationOutcome, sendFhir } from './fhir/fhir-format.js';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** FHIR issue type for each error code (http://hl7.org/fhir/R4/valueset-issue-type.html). */
const FHIR_ISSUE_CODE: Record<string, string> = {
  'non-authentifie': 'login',
  'interdit': 'forbidden',
  'introuvable': 'not-found',
  'trop-de-requetes': 'throttled',
  'corps-trop-gros': 'too-costly',
  'non-implemente': 'not-supported',
  'type-de-contenu': 'not-supported',
  'erreur-interne': 'exception',
};

export function isFhirPath(req: Request): boolean {
  return req.path === '/fhir' || req.path.startsWith('/fhir/');
}

export function sendError(req: Request, res: Response, err: HttpError): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  if (isFhirPath(req)) {
    const oo = operationOutcome([{ severity: 'error', code: FHIR_ISSUE_CODE[err.code] ?? 'invalid', text: err.message }]);
    sendFhir(req, res, err.status, oo);
    return;
  }
  res.status(err.status).json({ error: { code: err.code, message: err.message } });
}
