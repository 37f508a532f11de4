/**
 * NIR (numéro d'inscription au répertoire, the French social security number) and NIA (numéro
 * identifiant d'attente, built like a NIR): 13 characters and a 2-digit key.
 *
 *   pos  1     sex: 1 male, 2 female (7/8 = NNP, 5/6 = MIG: other CNAM numbers, never a NIR)
 *   pos  2–3   year of birth (2 digits)
 *   pos  4–5   month of birth 01–12, or 20–99 when the month is unknown
 *   pos  6–7   département 01–99, 2A/2B (Corsica); 97/98 overseas with the 3rd digit in pos 8; 99 abroad
 *   pos  8–10  commune (INSEE COG), or the INSEE country code when born abroad
 *   pos 11–13  order number 001–999
 *   pos 14–15  key = 97 − (N mod 97), N = the 13 characters with 2A→19 / 2B→18 at positions 6–7 only
 *
 * Positions 6–10 together are the INSEE code of the birth place (commune, or 99 + country).
 */
import { isDigits } from './luhn.js';
import { lengthReason, reason, type Reason } from './reason.js';

export type NirSex = 'male' | 'female';
export type NirPlace = 'metropole' | 'corse' | 'outre-mer' | 'etranger';
export type NirField = 'length' | 'sex' | 'year' | 'month' | 'department' | 'commune' | 'order' | 'key';

export interface NirFields {
  /** The value as parsed (13 or 15 characters). */
  value: string;
  sexDigit: string;
  sex: NirSex;
  /** Two-digit year of birth. */
  year: string;
  /** Two-digit month field as written (may be 20–99). */
  month: string;
  /** False when the month field is 20–99 (unknown month). */
  monthKnown: boolean;
  /** Département of birth: 2 characters, 3 digits for 97x/98x, "99" when born abroad. */
  department: string;
  /** Commune within the département (3 digits, 2 for 97x/98x), or the country code when born abroad. */
  commune: string;
  /** Positions 6–10: INSEE code of the birth place (commune code, or 99 + country code). */
  inseeCode: string;
  place: NirPlace;
  /** INSEE country code (3 digits) when born abroad. */
  countryCode?: string;
  /** Three-digit order number. */
  order: string;
  /** Two-digit key when the value has 15 characters. */
  key?: string;
}

export interface NirProblem {
  field: NirField;
  reason: Reason;
}

export type NirParse = { ok: true; nir: NirFields } | { ok: false; problems: NirProblem[] };

export interface NirParseOptions {
  /** Require the 2-digit key (15 characters). Default true; false also accepts 13 characters. */
  requireKey?: boolean;
}

/** What the CNAM validator does before checking: remove spaces, upper-case. Strict parsing does not. */
export function normalizeNir(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const problem = (field: NirField, fr: string, en: string): NirProblem => ({ field, reason: reason(fr, en) });

/** Strict structural parse; reports every faulty field. */
export function parseNir(value: string, options: NirParseOptions = {}): NirParse {
  const requireKey = options.requireKey ?? true;
  const lengthOk = value.length === 15 || (!requireKey && value.length === 13);
  if (!lengthOk) {
    return { ok: false, problems: [{ field: 'length', reason: lengthReason(value.length, requireKey ? '15' : '13 ou 15', requireKey ? '15' : '13 or 15') }] };
  }
  const problems: NirProblem[] = [];
  const sexDigit = value[0];
  if (sexDigit === '7' || sexDigit === '8') {
    problems.push(problem('sex', `premier chiffre ${sexDigit} : numéro NNP (provisoire CNAM), pas un NIR`, `first digit ${sexDigit}: an NNP (CNAM provisional number), not a NIR`));
  } else if (sexDigit === '5' || sexDigit === '6') {
    problems.push(problem('sex', `premier chiffre ${sexDigit} : numéro MIG (migrant en transit), pas un NIR`, `first digit ${sexDigit}: a MIG number (migrant in transit), not a NIR`));
  } else if (sexDigit !== '1' && sexDigit !== '2') {
    problems.push(problem('sex', `sexe « ${sexDigit} » : 1 ou 2 attendu`, `sex "${sexDigit}": 1 or 2 expected`));
  }
  const year = value.slice(1, 3);
  if (!isDigits(year)) problems.push(problem('year', `année « ${year} » : 2 chiffres attendus`, `year "${year}": 2 digits expected`));
  const month = value.slice(3, 5);
  const m = isDigits(month) ? Number(month) : NaN;
  if (!(m >= 1 && m <= 12) && !(m >= 20 && m <= 99)) {
    problems.push(problem('month', `mois « ${month} » : 01–12 (ou 20–99 pour un mois inconnu) attendu`, `month "${month}": 01–12 (or 20–99 for an unknown month) expected`));
  }
  const dep = value.slice(5, 7);
  if (!isDigits(dep) && dep !== '2A' && dep !== '2B') {
    problems.push(problem('department', `département « ${dep} » : 2 chiffres, 2A ou 2B attendu`, `département "${dep}": 2 digits, 2A or 2B expected`));
  }
  const commune = value.slice(7, 10);
  if (!isDigits(commune)) problems.push(problem('commune', `commune/pays « ${commune} » : 3 chiffres attendus`, `commune/country "${commune}": 3 digits expected`));
  const order = value.slice(10, 13);
  if (!isDigits(order) || order === '000') problems.push(problem('order', `numéro d’ordre « ${order} » : 001–999 attendu`, `order number "${order}": 001–999 expected`));
  const key = value.length === 15 ? value.slice(13, 15) : undefined;
  if (key !== undefined && !isDigits(key)) problems.push(problem('key', `clé « ${key} » : 2 chiffres attendus`, `key "${key}": 2 digits expected`));
  if (problems.length) return { ok: false, problems };

  const overseas = dep === '97' || dep === '98';
  const nir: NirFields = {
    value,
    sexDigit,
    sex: sexDigit === '1' ? 'male' : 'female',
    year,
    month,
    monthKnown: m <= 12,
    department: overseas ? value.slice(5, 8) : dep,
    commune: overseas ? value.slice(8, 10) : commune,
    inseeCode: value.slice(5, 10),
    place: dep === '99' ? 'etranger' : overseas ? 'outre-mer' : dep === '2A' || dep === '2B' || dep === '20' ? 'corse' : 'metropole',
    order,
  };
  if (dep === '99') nir.countryCode = commune;
  if (key !== undefined) nir.key = key;
  return { ok: true, nir };
}

/**
 * The key of the first 13 characters: 97 − (N mod 97), with 2A → 19 and 2B → 18 substituted at
 * positions 6–7 only (CNAM substitutes anywhere; the results agree for well-formed values).
 */
export function nirKey(first13: string): number {
  if (first13.length !== 13) throw new Error(`nirKey : 13 caractères attendus (${first13})`);
  const dep = first13.slice(5, 7);
  const digits = first13.slice(0, 5) + (dep === '2A' ? '19' : dep === '2B' ? '18' : dep) + first13.slice(7);
  if (!isDigits(digits)) throw new Error(`nirKey : chiffres attendus (${first13})`);
  // 13 digits stay below 2^53: plain number arithmetic is exact.
  return 97 - (Number(digits) % 97);
}

/** Two-digit rendering of a key (5 → "05"). */
export const formatNirKey = (key: number): string => String(key).padStart(2, '0');

export interface NirKeyCheck {
  valid: boolean;
  expected: string;
  found: string;
}

/** Compares the written key with the computed one; undefined when the value has no key. */
export function checkNirKey(nir: NirFields): NirKeyCheck | undefined {
  if (nir.key === undefined) return undefined;
  const expected = formatNirKey(nirKey(nir.value.slice(0, 13)));
  return { valid: expected === nir.key, expected, found: nir.key };
}
