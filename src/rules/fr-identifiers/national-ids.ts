/**
 * National identifiers of the ANS directories, a type prefix followed by a number.
 *
 * idNat_PS (IDNPS, urn:oid:1.2.250.1.71.4.2.1), prefix from TRE_G08-TypeIdentifiantPersonne:
 *   0 + ADELI · 8 + RPPS · 1 + cabinet ADELI id / registry number · 3 + FINESS / registry number ·
 *   4 + SIREN / registry number · 5 + SIRET / registry number · 6 + cabinet RPPS id / registry number ·
 *   10 MSSanté address · 30 ROR situation id; 2 (DRASS) and 9 (student) closed in 2020.
 * idNat_Struct (IDNST, urn:oid:1.2.250.1.71.4.2.2), prefixes given by FR Core's idNatSt definition:
 *   0 + ADELI rang · 1 + FINESS · 2 + SIREN · 3 + SIRET · 4 + RPPS rang or technical structure id.
 *   (The TRE_G07 code list itself was not read: an unknown prefix is reported as its own issue.)
 */
import { checkFiness } from './finess.js';
import { within, type IdentifierIssue, type IdentifierKind } from './identifier-issue.js';
import { checkAdeli, checkRpps } from './rpps-adeli.js';
import { lengthReason, reason, type Reason } from './reason.js';
import { checkSiren, checkSiret } from './siren-siret.js';

export interface NationalIdPrefix {
  code: string;
  label: Reason;
  /** Kind of the number after the prefix (before the "/" for the registry forms). */
  embedded?: IdentifierKind;
  /** The value is "<structure id>/<registry number>". */
  registry?: boolean;
  closed?: boolean;
}

const prefix = (code: string, fr: string, en: string, more: Partial<NationalIdPrefix> = {}): NationalIdPrefix => ({ code, label: reason(fr, en), ...more });

export const IDNPS_PREFIXES: readonly NationalIdPrefix[] = [
  prefix('0', 'N° ADELI', 'ADELI number', { embedded: 'ADELI' }),
  prefix('1', 'Id cabinet ADELI / n° de registre', 'ADELI practice id / registry number', { embedded: 'ADELI', registry: true }),
  prefix('2', 'N° DRASS', 'DRASS number', { closed: true }),
  prefix('3', 'FINESS / n° de registre', 'FINESS / registry number', { embedded: 'FINESS', registry: true }),
  prefix('4', 'SIREN / n° de registre', 'SIREN / registry number', { embedded: 'SIREN', registry: true }),
  prefix('5', 'SIRET / n° de registre', 'SIRET / registry number', { embedded: 'SIRET', registry: true }),
  prefix('6', 'Id cabinet RPPS / n° de registre', 'RPPS practice id / registry number', { registry: true }),
  prefix('8', 'N° RPPS', 'RPPS number', { embedded: 'RPPS' }),
  prefix('9', 'N° étudiant', 'student number', { closed: true }),
  prefix('10', 'Adresse MSSanté', 'MSSanté address'),
  prefix('30', 'Id de situation opérationnelle ROR', 'ROR operational situation id'),
];

export const IDNST_PREFIXES: readonly NationalIdPrefix[] = [
  prefix('0', 'ADELI rang', 'ADELI rank', { embedded: 'ADELI' }),
  prefix('1', 'FINESS', 'FINESS', { embedded: 'FINESS' }),
  prefix('2', 'SIREN', 'SIREN', { embedded: 'SIREN' }),
  prefix('3', 'SIRET', 'SIRET', { embedded: 'SIRET' }),
  prefix('4', 'RPPS rang ou id technique de structure', 'RPPS rank or technical structure id', { embedded: 'RPPS' }),
];

export interface ParsedNationalId {
  prefix: NationalIdPrefix;
  /** The value without its prefix. */
  rest: string;
  /** Registry forms: the structure id before the "/" and the registry number after it. */
  structure?: string;
  registryNumber?: string;
}

const byCode = (list: readonly NationalIdPrefix[], code: string) => list.find((p) => p.code === code);

/** Which TRE_G08 prefix an idNat_PS uses (10 and 30 are told from 1 and 3 by their shape). */
export function parseIdNatPs(value: string): ParsedNationalId | undefined {
  let p: NationalIdPrefix | undefined;
  if (value.startsWith('10') && value.includes('@')) p = byCode(IDNPS_PREFIXES, '10');
  else if (value.startsWith('30') && !value.includes('/')) p = byCode(IDNPS_PREFIXES, '30');
  else p = byCode(IDNPS_PREFIXES, value.slice(0, 1));
  if (!p) return undefined;
  const rest = value.slice(p.code.length);
  const parsed: ParsedNationalId = { prefix: p, rest };
  const slash = rest.indexOf('/');
  if (p.registry && slash >= 0) {
    parsed.structure = rest.slice(0, slash);
    parsed.registryNumber = rest.slice(slash + 1);
  }
  return parsed;
}

export function parseIdNatSt(value: string): ParsedNationalId | undefined {
  const p = byCode(IDNST_PREFIXES, value.slice(0, 1));
  return p ? { prefix: p, rest: value.slice(1) } : undefined;
}

function checkEmbedded(kind: IdentifierKind, value: string): IdentifierIssue[] {
  switch (kind) {
    case 'FINESS': return checkFiness(value);
    case 'SIREN': return checkSiren(value);
    case 'SIRET': return checkSiret(value);
    case 'RPPS': return checkRpps(value);
    case 'ADELI': return checkAdeli(value);
    default: return [];
  }
}

const unknownPrefix = (kind: 'IDNPS' | 'IDNST', value: string, known: readonly NationalIdPrefix[]): IdentifierIssue => ({
  kind, code: 'prefix', value,
  reason: value ? reason(`préfixe « ${value.slice(0, 1)} » inconnu`, `unknown prefix "${value.slice(0, 1)}"`) : reason('valeur vide', 'empty value'),
  expected: known.filter((p) => !p.closed).map((p) => p.code).join(', '),
  found: value.slice(0, 1),
});

export function checkIdNatPs(value: string): IdentifierIssue[] {
  const parsed = parseIdNatPs(value);
  if (!parsed) return [unknownPrefix('IDNPS', value, IDNPS_PREFIXES)];
  const p = parsed.prefix;
  if (p.closed) return [{ kind: 'IDNPS', code: 'closed-prefix', value, found: p.code, reason: p.label }];
  if (p.registry) {
    if (!parsed.structure || !parsed.registryNumber) {
      return [{ kind: 'IDNPS', code: 'registry-form', value, found: p.code, reason: p.label }];
    }
    return p.embedded ? within(checkEmbedded(p.embedded, parsed.structure), 'IDNPS', value) : [];
  }
  return p.embedded ? within(checkEmbedded(p.embedded, parsed.rest), 'IDNPS', value) : [];
}

export function checkIdNatSt(value: string): IdentifierIssue[] {
  const parsed = parseIdNatSt(value);
  if (!parsed) return [unknownPrefix('IDNST', value, IDNST_PREFIXES)];
  const rest = parsed.rest;
  switch (parsed.prefix.code) {
    case '0': {
      // ADELI rang: 9-character ADELI number + 2-digit rank.
      const issues = rest.length === 11 ? checkAdeli(rest.slice(0, 9)) : [{ kind: 'ADELI' as const, code: 'format' as const, value: rest, reason: lengthReason(rest.length, '11 (ADELI + rang)', '11 (ADELI + rank)') }];
      return within(issues, 'IDNST', value);
    }
    case '4':
      // RPPS + rank (2 or 3 digits); anything else is a technical structure id, not checked.
      return /^[0-9]{13,14}$/.test(rest) ? within(checkRpps(rest.slice(0, 11)), 'IDNST', value) : [];
    default:
      return within(checkEmbedded(parsed.prefix.embedded!, rest), 'IDNST', value);
  }
}

/** Checks a value of any kind (national ids included). */
export function checkIdentifierValue(kind: IdentifierKind, value: string): IdentifierIssue[] {
  if (kind === 'IDNPS') return checkIdNatPs(value);
  if (kind === 'IDNST') return checkIdNatSt(value);
  return checkEmbedded(kind, value);
}
