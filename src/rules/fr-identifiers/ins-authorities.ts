/**
 * INS assigning authorities (Identifier.system) and the FR Core identifier type code that goes with
 * each (FR Core 2.1.0 fr-core-patient-ins slices). The .10/.11 OIDs are test and demonstration
 * authorities for fictitious people, not NIA variants.
 */

/** FR Core identifier type CodeSystem (INS-NIR, INS-NIA, IDNPS, IDNST, FINEG, …). */
export const FR_CORE_IDENTIFIER_TYPE_SYSTEM = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
/** HL7 v2 table 0203 (NH, PI, DL, …). */
export const HL7_IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';

export type InsSlice = 'INS-NIR' | 'INS-NIA' | 'INS-NIR-TEST' | 'INS-NIR-DEMO';

export interface InsAuthority {
  oid: string;
  system: string;
  /** FR Core slice name, which is also the expected type code in FR_CORE_IDENTIFIER_TYPE_SYSTEM. */
  slice: InsSlice;
  typeCode: InsSlice;
  /** Matricule kind: NIR (definitive) or NIA (waiting number). */
  matricule: 'NIR' | 'NIA';
  /** Test or demonstration authority: the identity is fictitious. */
  fictitious: false | 'test' | 'demo';
}

const authority = (oid: string, slice: InsSlice, matricule: 'NIR' | 'NIA', fictitious: InsAuthority['fictitious']): InsAuthority => ({
  oid, system: `urn:oid:${oid}`, slice, typeCode: slice, matricule, fictitious,
});

export const INS_AUTHORITIES: readonly InsAuthority[] = [
  authority('1.2.250.1.213.1.4.8', 'INS-NIR', 'NIR', false),
  authority('1.2.250.1.213.1.4.9', 'INS-NIA', 'NIA', false),
  authority('1.2.250.1.213.1.4.10', 'INS-NIR-TEST', 'NIR', 'test'),
  authority('1.2.250.1.213.1.4.11', 'INS-NIR-DEMO', 'NIR', 'demo'),
];

export const INS_NIR_SYSTEM = INS_AUTHORITIES[0].system;

export function insAuthority(system: string | undefined): InsAuthority | undefined {
  return INS_AUTHORITIES.find((a) => a.system === system);
}

/**
 * FR Core's NSS slice (the billing NIR, possibly the insured parent's) shares the INS-NIR system and
 * differs only by its type, v2-0203 NH: such an identifier is a NIR but not the person's INS.
 */
export const NSS_TYPE = { system: HL7_IDENTIFIER_TYPE_SYSTEM, code: 'NH' } as const;
