/**
 * Round-trip fidelity rules (issue 3 §4): a vendor's re-export compared with the dataset the bench gave
 * it. Objects are matched on what a person recognises them by (INS or local usager id, TDDUI business
 * identifiers — flow page, "identifiants métier"), never on ids, fullUrls or entry order.
 *
 * Rule ids (stable, never reused):
 *   FIDELITY-001 error        usager of the dataset absent from the export
 *   FIDELITY-002 error        other object of the dataset absent from the export
 *   FIDELITY-003 error        element of a matched object absent from the export
 *   FIDELITY-004 error        name altered (HumanName, birth first-name list, organisation name)
 *   FIDELITY-005 error        identity trait of a usager altered (sex, birth date and rank, birth place, death, identity status)
 *   FIDELITY-006 error        date altered
 *   FIDELITY-007 error        code altered (coding system/code, status)
 *   FIDELITY-008 error        identifier altered
 *   FIDELITY-009 error        other value altered
 *   FIDELITY-010 error        reference pointing to another object than in the dataset
 *   FIDELITY-011 information  object of the export absent from the dataset
 *   FIDELITY-012 warning      object exported twice (same identifier as a matched object)
 *   FIDELITY-013 error        comparison impossible: the export is not a readable Bundle
 */
import { FLOW_PAGE, INS_PAGE } from '../../rules/tddui/spec-links.js';
import type { RuleDefinition } from '../../validation/finding.js';

const CATEGORY = 'fidélité aller-retour';
const rule = (id: string, severity: RuleDefinition['severity'], fr: string, en: string, specUrl = FLOW_PAGE): RuleDefinition => ({
  id, severity, category: CATEGORY, specUrl, message: { fr, en },
});

const ALTERED_FR = '{object} : {field} modifié — « {expected} » attendu, « {found} » trouvé';
const ALTERED_EN = '{object}: {field} altered — "{expected}" expected, "{found}" found';

export const FIDELITY_RULES: readonly RuleDefinition[] = [
  rule('FIDELITY-001', 'error',
    'Usager perdu : {object} du jeu de données est absent de l’export',
    'Lost usager: {object} of the dataset is missing from the export', INS_PAGE),
  rule('FIDELITY-002', 'error',
    'Objet perdu : {object} du jeu de données est absent de l’export',
    'Lost object: {object} of the dataset is missing from the export'),
  rule('FIDELITY-003', 'error',
    '{object} : {field} absent de l’export (attendu « {expected} »)',
    '{object}: {field} missing from the export ("{expected}" expected)'),
  rule('FIDELITY-004', 'error', `Nom modifié. ${ALTERED_FR}`, `Name altered. ${ALTERED_EN}`),
  rule('FIDELITY-005', 'error', `Trait d’identité modifié. ${ALTERED_FR}`, `Identity trait altered. ${ALTERED_EN}`, INS_PAGE),
  rule('FIDELITY-006', 'error', `Date modifiée. ${ALTERED_FR}`, `Date altered. ${ALTERED_EN}`),
  rule('FIDELITY-007', 'error', `Code modifié. ${ALTERED_FR}`, `Code altered. ${ALTERED_EN}`),
  rule('FIDELITY-008', 'error', `Identifiant modifié. ${ALTERED_FR}`, `Identifier altered. ${ALTERED_EN}`),
  rule('FIDELITY-009', 'error', `Valeur modifiée. ${ALTERED_FR}`, `Value altered. ${ALTERED_EN}`),
  rule('FIDELITY-010', 'error',
    '{object} : {field} désigne {found} au lieu de {expected}',
    '{object}: {field} points to {found} instead of {expected}'),
  rule('FIDELITY-011', 'information',
    'Objet supplémentaire : {object} n’est pas dans le jeu de données',
    'Extra object: {object} is not in the dataset'),
  rule('FIDELITY-012', 'warning',
    'Objet en double : {object} a le même identifiant ({expected}) que l’entrée {duplicateOf} de l’export',
    'Duplicate object: {object} has the same identifier ({expected}) as entry {duplicateOf} of the export'),
  rule('FIDELITY-013', 'error',
    'Comparaison au jeu de données impossible : {reason}',
    'Comparison with the dataset impossible: {reason}'),
];

export const FIDELITY_SEVERITY = new Map(FIDELITY_RULES.map((r) => [r.id, r.severity] as const));

/** What an altered leaf is, for the choice of rule; the first kind that applies wins. */
export type AlterationKind = 'identifier' | 'name' | 'trait' | 'code' | 'date' | 'value';

/** Where a leaf sits: element names from the resource root (no indexes) and the extension urls crossed. */
export interface LeafPlace {
  resourceType: string;
  keys: readonly string[];
  extensionUrls: readonly string[];
  expected: unknown;
}

const FR_CORE_SD = 'https://hl7.fr/ig/fhir/core/StructureDefinition/';
const TDDUI_SD = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';
const BIRTH_LIST_GIVEN_NAME = `${FR_CORE_SD}fr-core-patient-birth-list-given-name`;
const TRAIT_ELEMENTS = new Set(['gender', 'birthDate', '_birthDate', 'deceasedDateTime', 'deceasedBoolean', 'multipleBirthBoolean', 'multipleBirthInteger']);
const TRAIT_EXTENSIONS = new Set([
  'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
  `${FR_CORE_SD}fr-core-identity-reliability`,
  `${TDDUI_SD}tddui-birth-order`,
  `${FR_CORE_SD}fr-core-patient-death-place`,
]);
/** FHIR date, dateTime and instant lexical forms. */
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const leafName = (p: LeafPlace) => p.keys[p.keys.length - 1];
const inCoding = (p: LeafPlace) => p.keys.some((k) => k === 'coding' || k === 'valueCoding');

export const ALTERATION_KINDS: readonly { kind: AlterationKind; ruleId: string; applies(p: LeafPlace): boolean }[] = [
  { kind: 'identifier', ruleId: 'FIDELITY-008', applies: (p) => p.keys.some((k) => k === 'identifier' || k === 'masterIdentifier') },
  { kind: 'name', ruleId: 'FIDELITY-004', applies: (p) => p.keys[0] === 'name' || p.extensionUrls.includes(BIRTH_LIST_GIVEN_NAME) },
  {
    kind: 'trait', ruleId: 'FIDELITY-005',
    applies: (p) => p.resourceType === 'Patient' && (TRAIT_ELEMENTS.has(p.keys[0]) || p.extensionUrls.some((u) => TRAIT_EXTENSIONS.has(u))),
  },
  { kind: 'code', ruleId: 'FIDELITY-007', applies: (p) => ((leafName(p) === 'code' || leafName(p) === 'system') && inCoding(p)) || leafName(p) === 'status' },
  { kind: 'date', ruleId: 'FIDELITY-006', applies: (p) => typeof p.expected === 'string' && DATE_VALUE.test(p.expected) },
  { kind: 'value', ruleId: 'FIDELITY-009', applies: () => true },
];

export function alterationOf(place: LeafPlace): { kind: AlterationKind; ruleId: string } {
  return ALTERATION_KINDS.find((k) => k.applies(place))!;
}
