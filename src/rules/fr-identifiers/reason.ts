/** A short bilingual explanation produced by the identifier algorithms (French first). */
export interface Reason {
  fr: string;
  en: string;
}

export const reason = (fr: string, en: string): Reason => ({ fr, en });

/** "8 caractère(s) au lieu de 9" and its English version (expectedEn defaults to the French text, e.g. a number). */
export function lengthReason(found: number, expected: string, expectedEn = expected): Reason {
  return reason(`${found} caractère(s) au lieu de ${expected}`, `${found} character(s) instead of ${expectedEn}`);
}
