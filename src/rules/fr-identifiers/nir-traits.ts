/**
 * Coherence of a NIR/NIA with the INS traits of the same person: sex digit ↔ gender, YY/MM ↔ birth
 * date, positions 6–10 ↔ birth-place INSEE code, order number ↔ the tddui-birth-order extension.
 */
import type { NirFields } from './nir.js';

export interface InsTraits {
  /** Patient.gender (only male/female are compared). */
  gender?: string;
  /** Patient.birthDate (YYYY, YYYY-MM or YYYY-MM-DD). */
  birthDate?: string;
  /** Code of the birth place's INSEE code extension. */
  birthPlaceInsee?: string;
  /** Value of the tddui-birth-order extension. */
  birthOrder?: number;
}

export type NirTraitField = 'sex' | 'year' | 'month' | 'birthPlace' | 'order';

export interface NirTraitMismatch {
  field: NirTraitField;
  /** The NIR characters compared. */
  nirPart: string;
  /** Trait value implied by the NIR. */
  expected: string;
  /** Trait value found. */
  found: string;
}

/** One mismatch per incoherent field; absent traits and an unknown NIR month are not compared. */
export function compareNirWithTraits(nir: NirFields, traits: InsTraits): NirTraitMismatch[] {
  const out: NirTraitMismatch[] = [];
  if ((traits.gender === 'male' || traits.gender === 'female') && traits.gender !== nir.sex) {
    out.push({ field: 'sex', nirPart: nir.sexDigit, expected: nir.sex, found: traits.gender });
  }
  const date = traits.birthDate ? /^(\d{4})(?:-(\d{2}))?/.exec(traits.birthDate) : null;
  if (date) {
    if (date[1].slice(2) !== nir.year) out.push({ field: 'year', nirPart: nir.year, expected: `..${nir.year}`, found: date[1] });
    if (date[2] !== undefined && nir.monthKnown && date[2] !== nir.month) out.push({ field: 'month', nirPart: nir.month, expected: nir.month, found: date[2] });
  }
  if (traits.birthPlaceInsee !== undefined && traits.birthPlaceInsee.toUpperCase() !== nir.inseeCode) {
    out.push({ field: 'birthPlace', nirPart: nir.inseeCode, expected: nir.inseeCode, found: traits.birthPlaceInsee });
  }
  if (traits.birthOrder !== undefined && traits.birthOrder !== Number(nir.order)) {
    out.push({ field: 'order', nirPart: nir.order, expected: String(Number(nir.order)), found: String(traits.birthOrder) });
  }
  return out;
}
