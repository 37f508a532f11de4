/**
 * What the French identifier algorithms report: the identifier kind whose rule is broken, the kind of
 * problem, and the (sub)value it was found in. Rule ids and severities are decided by the rules.
 */

export type IdentifierKind = 'FINESS' | 'SIREN' | 'SIRET' | 'RPPS' | 'ADELI' | 'IDNPS' | 'IDNST';

export type IdentifierIssueCode =
  /** Not a well-formed value of the kind (length, characters, prefix). */
  | 'format'
  /** The check digit does not match. */
  | 'check-digit'
  /** La Poste SIRET (SIREN 356000000): digit sum not a multiple of 5. */
  | 'la-poste'
  /** National id (IDNPS/IDNST) with a prefix outside the known code list. */
  | 'prefix'
  /** IDNPS prefix of a type closed in 2020 (TRE_G08 codes 2 and 9). */
  | 'closed-prefix'
  /** IDNPS structure-based prefix (1, 3, 4, 5, 6) without the "<structure id>/<registry number>" form. */
  | 'registry-form';

export interface IdentifierIssue {
  kind: IdentifierKind;
  code: IdentifierIssueCode;
  /** The value the rule applies to (the embedded number for a national id). */
  value: string;
  reason?: { fr: string; en: string };
  /** Check digit (or prefix) expected and found. */
  expected?: string;
  found?: string;
  /** Set when the value is embedded in a national id (IDNPS, IDNST) or a SIRET. */
  within?: { kind: IdentifierKind; value: string };
}

/** Marks issues found in a part of a larger identifier. */
export function within(issues: IdentifierIssue[], kind: IdentifierKind, value: string): IdentifierIssue[] {
  return issues.map((i) => (i.within ? i : { ...i, within: { kind, value } }));
}
