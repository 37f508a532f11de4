/**
 * FINESS (établissements sanitaires et sociaux): 9 characters, the first two the département
 * (2A/2B for Corsica, 9A–9F overseas — unverified), the 9th a check digit. Luhn over the 9 digits
 * holds for real numbers but no normative text was found: a Luhn failure is only a warning.
 */
import type { IdentifierIssue } from './identifier-issue.js';
import { isDigits, luhnCheckDigit, luhnValid } from './luhn.js';
import { lengthReason, reason } from './reason.js';

export const FINESS_PATTERN = /^(?:[0-9]{2}|2[AB]|9[A-F])[0-9]{7}$/;

/** The département prefix of a well-formed FINESS. */
export function finessDepartment(value: string): string | undefined {
  return FINESS_PATTERN.test(value) ? value.slice(0, 2) : undefined;
}

export function checkFiness(value: string): IdentifierIssue[] {
  if (value.length !== 9) return [{ kind: 'FINESS', code: 'format', value, reason: lengthReason(value.length, '9') }];
  if (!FINESS_PATTERN.test(value)) {
    return [{
      kind: 'FINESS', code: 'format', value,
      reason: reason('chiffres attendus (lettres admises seulement dans le préfixe 2A, 2B, 9A–9F)', 'digits expected (letters only in a 2A, 2B, 9A–9F prefix)'),
    }];
  }
  // A lettered département prefix has no known check rule.
  if (!isDigits(value) || luhnValid(value)) return [];
  return [{ kind: 'FINESS', code: 'check-digit', value, expected: luhnCheckDigit(value.slice(0, 8)), found: value[8] }];
}
