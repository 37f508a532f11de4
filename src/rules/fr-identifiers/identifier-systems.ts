/**
 * Which French identifier an Identifier carries, from its system (FR Core 2.1.0 organization and
 * practitioner slices) or, failing that, from its FR Core type code.
 */
import type { IdentifierKind } from './identifier-issue.js';
import { FR_CORE_IDENTIFIER_TYPE_SYSTEM } from './ins-authorities.js';

export const FINESS_SYSTEM = 'https://finess.esante.gouv.fr';
/** Shared by SIREN and SIRET (told apart by type, else by length). */
export const SIRENE_SYSTEM = 'https://sirene.fr';
export const RPPS_SYSTEM = 'https://rpps.esante.gouv.fr';
export const ADELI_SYSTEM = 'https://adeli.esante.gouv.fr';
export const IDNPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
export const IDNST_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.2';

const BY_SYSTEM: Record<string, IdentifierKind> = {
  [FINESS_SYSTEM]: 'FINESS',
  [RPPS_SYSTEM]: 'RPPS',
  [ADELI_SYSTEM]: 'ADELI',
  [IDNPS_SYSTEM]: 'IDNPS',
  [IDNST_SYSTEM]: 'IDNST',
};

/** FR Core identifier type codes (fr-core-cs-v2-0203) naming one of the kinds. */
export const KIND_BY_TYPE_CODE: Record<string, IdentifierKind> = {
  FINEJ: 'FINESS',
  FINEG: 'FINESS',
  SIREN: 'SIREN',
  SIRET: 'SIRET',
  RPPS: 'RPPS',
  ADELI: 'ADELI',
  IDNPS: 'IDNPS',
  IDNST: 'IDNST',
};

export interface TypeCoding {
  system?: string;
  code?: string;
}

function kindFromType(codings: readonly TypeCoding[]): IdentifierKind | undefined {
  for (const c of codings) {
    if (c.system === FR_CORE_IDENTIFIER_TYPE_SYSTEM && c.code && KIND_BY_TYPE_CODE[c.code]) return KIND_BY_TYPE_CODE[c.code];
  }
  return undefined;
}

/** The kind of identifier, or undefined when it is none of them. The system wins over the type. */
export function identifierKind(system: string | undefined, codings: readonly TypeCoding[], value = ''): IdentifierKind | undefined {
  const bySystem = system !== undefined ? BY_SYSTEM[system] : undefined;
  if (bySystem) return bySystem;
  const byType = kindFromType(codings);
  if (system === SIRENE_SYSTEM) {
    if (byType === 'SIREN' || byType === 'SIRET') return byType;
    return value.length >= 12 ? 'SIRET' : 'SIREN';
  }
  return byType;
}
