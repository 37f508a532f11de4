/**
 * SIREN (9 digits) and SIRET (14 digits = SIREN + 5-digit NIC), both Luhn over all their digits.
 * La Poste establishments (SIREN 356000000) follow another rule for the SIRET: the digit sum is a
 * multiple of 5 (unverified, hence its own issue code so that rules can report it as a warning).
 */
import { within, type IdentifierIssue } from './identifier-issue.js';
import { digitSum, isDigits, luhnCheckDigit, luhnValid } from './luhn.js';
import { lengthReason, reason } from './reason.js';

export const LA_POSTE_SIREN = '356000000';

const digitsOnly = reason('chiffres uniquement', 'digits only');

export function checkSiren(value: string): IdentifierIssue[] {
  if (value.length !== 9) return [{ kind: 'SIREN', code: 'format', value, reason: lengthReason(value.length, '9') }];
  if (!isDigits(value)) return [{ kind: 'SIREN', code: 'format', value, reason: digitsOnly }];
  if (luhnValid(value)) return [];
  return [{ kind: 'SIREN', code: 'check-digit', value, expected: luhnCheckDigit(value.slice(0, 8)), found: value[8] }];
}

export function isLaPosteSiret(value: string): boolean {
  return value.startsWith(LA_POSTE_SIREN);
}

export function checkSiret(value: string): IdentifierIssue[] {
  if (value.length !== 14) return [{ kind: 'SIRET', code: 'format', value, reason: lengthReason(value.length, '14') }];
  if (!isDigits(value)) return [{ kind: 'SIRET', code: 'format', value, reason: digitsOnly }];
  const issues = within(checkSiren(value.slice(0, 9)), 'SIRET', value);
  if (luhnValid(value)) return issues;
  if (isLaPosteSiret(value)) {
    const sum = digitSum(value);
    if (sum % 5 !== 0) issues.push({ kind: 'SIRET', code: 'la-poste', value, expected: '0 (mod 5)', found: String(sum) });
    return issues;
  }
  issues.push({ kind: 'SIRET', code: 'check-digit', value, expected: luhnCheckDigit(value.slice(0, 13)), found: value[13] });
  return issues;
}
