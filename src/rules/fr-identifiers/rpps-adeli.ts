/**
 * Health professional numbers. RPPS: 11 digits; a final Luhn digit is commonly stated but unverified
 * (the rules report it as a warning). ADELI: 9 characters (département first, 2A/2B in Corsica);
 * its check rule is unknown and even its format is only stated by secondary sources.
 */
import type { IdentifierIssue } from './identifier-issue.js';
import { isDigits, luhnCheckDigit, luhnValid } from './luhn.js';
import { lengthReason, reason } from './reason.js';

export const ADELI_PATTERN = /^(?:[0-9]{2}|2[AB])[0-9]{7}$/;

export function checkRpps(value: string): IdentifierIssue[] {
  if (value.length !== 11) return [{ kind: 'RPPS', code: 'format', value, reason: lengthReason(value.length, '11') }];
  if (!isDigits(value)) return [{ kind: 'RPPS', code: 'format', value, reason: reason('chiffres uniquement', 'digits only') }];
  if (luhnValid(value)) return [];
  return [{ kind: 'RPPS', code: 'check-digit', value, expected: luhnCheckDigit(value.slice(0, 10)), found: value[10] }];
}

export function checkAdeli(value: string): IdentifierIssue[] {
  if (value.length !== 9) return [{ kind: 'ADELI', code: 'format', value, reason: lengthReason(value.length, '9') }];
  if (!ADELI_PATTERN.test(value)) return [{ kind: 'ADELI', code: 'format', value, reason: reason('chiffres attendus (2A/2B admis en tête)', 'digits expected (2A/2B allowed first)') }];
  return [];
}
