/**
 * Identifiers of a dataset: fictitious FINESS (Luhn check digit, metropolitan département so that the
 * check digit applies), RPPS-format practitioner numbers (11 digits starting with 10, Luhn), TDDUI business
 * identifiers in the published pattern, and entry UUIDs derived from the seed and a counter.
 */
import { createHash } from 'node:crypto';
import { luhnCheckDigit } from '../rules/fr-identifiers/luhn.js';
import type { Random } from './random.js';

export function makeFiness(rng: Random): string {
  const dep = String(rng.int(1, 95)).padStart(2, '0');
  const body = dep === '20' ? '21' : dep; // 20 is not a département code any more (2A/2B)
  const first8 = body + rng.digits(6);
  return first8 + luhnCheckDigit(first8);
}

export function makeRpps(rng: Random): string {
  const first10 = `10${rng.digits(8)}`;
  return first10 + luhnCheckDigit(first10);
}

/** `3` + FINESS + `/` + local person id (+ `-CODE-` + local object id). */
export function businessId(finess: string, localId: string, code?: string, objectId?: string): string {
  return code ? `3${finess}/${localId}-${code}-${objectId}` : `3${finess}/${localId}`;
}

/**
 * UUIDs in the version 4 layout: 12 hex digits from a hash of (scenario, seed), then a counter, so that
 * they are unique within a dataset, stable for the same arguments, and consume no randomness.
 */
export class UuidSequence {
  private readonly prefix: string;
  private n = 0;

  constructor(scenario: string, seed: number) {
    const h = createHash('sha256').update(`${scenario}:${seed}`).digest('hex');
    this.prefix = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-8${h.slice(15, 18)}`;
  }

  next(): string {
    this.n++;
    return `urn:uuid:${this.prefix}-${this.n.toString(16).padStart(12, '0')}`;
  }
}
