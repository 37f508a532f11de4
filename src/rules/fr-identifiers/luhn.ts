/**
 * Luhn (mod 10) check digit, as used by SIREN, SIRET and, in practice, FINESS and RPPS numbers.
 * Digits are counted from the right; every second digit (starting with the one just left of the
 * check digit) is doubled, and 9 is subtracted from doubles above 9.
 */

/** Only ASCII digits, optionally an exact length. */
export function isDigits(value: string, length?: number): boolean {
  return /^[0-9]+$/.test(value) && (length === undefined || value.length === length);
}

function weightedSum(digits: string, doubleFirst: boolean): number {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if ((i % 2 === 1) !== doubleFirst) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total;
}

/** Does the whole string (body + check digit) pass Luhn? Non-digit input never passes. */
export function luhnValid(digits: string): boolean {
  return isDigits(digits) && weightedSum(digits, false) % 10 === 0;
}

/** The check digit to append to `body` so that the result passes Luhn. */
export function luhnCheckDigit(body: string): string {
  if (!isDigits(body)) throw new Error(`luhnCheckDigit: chiffres attendus (${body})`);
  return String((10 - (weightedSum(body, true) % 10)) % 10);
}

/** Sum of the digits (the La Poste SIRET rule uses it). */
export function digitSum(digits: string): number {
  let total = 0;
  for (const ch of digits) total += ch.charCodeAt(0) - 48;
  return total;
}
