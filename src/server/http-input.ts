/** Reading request inputs safely: raw bodies with a size limit, small JSON bodies with a depth limit, query values. */
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { HttpError } from './errors.js';

/** Raw body of any content type (exports: JSON or XML), up to `limit` bytes; parsed later by the engine. */
export function rawBody(limit: number) {
  return express.raw({ type: () => true, limit });
}

/** Deepest nesting of a parsed JSON value, walked without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/** Small JSON bodies (annotations, administration): size and nesting limits, an object expected. */
export function smallJson(limit: number, maxDepth: number) {
  const parse = express.json({ limit, type: ['application/json', 'application/*+json'] });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.body === undefined) return next(new HttpError(415, 'type-de-contenu', 'corps JSON attendu (Content-Type: application/json)'));
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return next(new HttpError(400, 'corps-invalide', 'objet JSON attendu'));
      if (jsonDepth(req.body) > maxDepth) return next(new HttpError(400, 'corps-invalide', `JSON trop imbriqué (profondeur maximale ${maxDepth})`));
      next();
    });
  };
}

/** One string value of a query or form field; an error when repeated. */
export function single(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  throw new HttpError(400, 'parametre-invalide', `paramètre « ${name} » : une seule valeur attendue`);
}

/** A repeatable string parameter. */
export function many(value: unknown, name: string): string[] {
  if (value === undefined || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string')) throw new HttpError(400, 'parametre-invalide', `paramètre « ${name} » : texte attendu`);
  return values.filter((v) => v !== '') as string[];
}

export function boolParam(value: unknown, name: string): boolean | undefined {
  const v = single(value, name);
  if (v === undefined) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new HttpError(400, 'parametre-invalide', `paramètre « ${name} » : true ou false attendu, reçu « ${v} »`);
}

export function intParam(value: unknown, name: string, fallback: number, min: number, max: number): number {
  const v = single(value, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'parametre-invalide', `paramètre « ${name} » : entier entre ${min} et ${max} attendu, reçu « ${v} »`);
  return n;
}

export function baseUrl(req: Request): string {
  const configured = req.app.locals.publicUrl as string | undefined;
  return configured ?? `${req.protocol}://${req.get('host')}`;
}
