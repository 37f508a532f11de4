/**
 * The INS, structure/professional identifier and business identifier rules, run through the Checker on
 * mutated copies of the official TDDUI 2.4.0-ballot examples: for every rule id a negative fixture
 * (rule id, path, severity) and a positive one that does not fire it; then what the official examples
 * produce under these rules.
 *
 * Rule ids covered here: TDDUI-INS-001 … TDDUI-INS-008, TDDUI-IDF-001 … TDDUI-IDF-014,
 * TDDUI-BID-001, TDDUI-BID-002.
 */
import { expect } from 'chai';
import { CHECK_RULES } from '../../src/rules/catalogue.js';
import { Checker } from '../../src/rules/checker.js';
import { formatNirKey, nirKey } from '../../src/rules/fr-identifiers/nir.js';
import { BUSINESS_ID_RULES } from '../../src/rules/tddui/business-id-rules.js';
import { IDENTIFIER_RULES } from '../../src/rules/tddui/identifier-rules.js';
import type { Finding, Severity } from '../../src/validation/finding.js';
import { expectFinding, expectNoFinding } from '../support/assertions.js';
import { example, requireSpec, shippedContext, specAvailable } from '../support/context.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RULES = [...IDENTIFIER_RULES, ...BUSINESS_ID_RULES];
const OUR_IDS = new Set(RULES.map((r) => r.id));

let checker: Checker | undefined;

/** Findings of these rules only (the engine's own findings are not the subject here). */
function run(input: unknown): Finding[] {
  checker ??= new Checker(shippedContext(), RULES);
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  const findings = checker.check(text).findings;
  // A fatal finding stops the checker before the rules: a positive fixture would then pass for nothing.
  expect(findings.filter((f) => f.severity === 'fatal'), 'entrée illisible').to.deep.equal([]);
  return findings.filter((f) => OUR_IDS.has(f.ruleId));
}

/** Deep copy of an official example (by file name) or of a fixture, then change it. */
function mutate(base: string | Json, change: (r: Json) => void): Json {
  const copy = structuredClone(typeof base === 'string' ? example<Json>(base) : base);
  change(copy);
  return copy;
}

const PATIENT_INS = 'Patient-tddui-patient-ins-example.json';
const PATIENT = 'Patient-tddui-patient-example.json';
const ORGANIZATION = 'Organization-tddui-organization-example.json';
const PRACTITIONER = 'Practitioner-tddui-practitioner-example.json';
const SEJOUR = 'Encounter-tddui-encounter-sejour-example.json';
const EVENEMENT = 'Encounter-tddui-encounter-evenement-example.json';
const QR = 'QuestionnaireResponse-tddui-questionnaire-response-aggir-pa-example.json';
const SLOT = 'Slot-tddui-slot-presence-absence-example.json';
const BUNDLES = ['Bundle-tddui-bundle-example.json', 'Bundle-tddui-pp-ime-bundle-example.json', 'Bundle-tddui-pp-pa-bundle-example.json'];

const FR_CORE_TYPES = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
const RELIABILITY = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability';
const BIRTH_ORDER = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-birth-order';

const withKey = (first13: string) => first13 + formatNirKey(nirKey(first13));
/** The official INS patient's traits (male, 1947-04, born in 63220) with an NIR that matches them, order 674. */
const COHERENT_NIR = withKey('1470463220674');

const coherentInsPatient = () => mutate(PATIENT_INS, (p) => {
  p.identifier[0].value = COHERENT_NIR;
  p._birthDate = { extension: [{ url: BIRTH_ORDER, valuePositiveInt: 674 }] };
});

const status = (code: string) => ({ url: RELIABILITY, extension: [{ url: 'identityStatus', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', code } }] });
const identifier = (system: string | undefined, value: string, typeCode?: string) => ({
  ...(typeCode ? { type: { coding: [{ system: FR_CORE_TYPES, code: typeCode }] } } : {}),
  ...(system ? { system } : {}),
  value,
});
const IDNST = (value: string) => identifier('urn:oid:1.2.250.1.71.4.2.2', value, 'IDNST');
const IDNPS = (value: string) => identifier('urn:oid:1.2.250.1.71.4.2.1', value);
const organization = (...extra: object[]) => mutate(ORGANIZATION, (o) => { o.identifier = [IDNST('1750712184'), ...extra]; });
const practitioner = (...ids: object[]) => mutate(PRACTITIONER, (p) => { p.identifier = ids; });

interface Fixture {
  name: string;
  input: () => unknown;
  fires?: { path: string; params?: Record<string, unknown> }[];
}

interface RuleFixtures {
  severity: Severity;
  negative: Fixture[];
  positive: Fixture[];
}

const FIXTURES: Record<string, RuleFixtures> = {
  'TDDUI-INS-001': {
    severity: 'error',
    negative: [
      { name: 'premier chiffre 3', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '347720425367411'; }), fires: [{ path: 'Patient.identifier[0].value' }] },
      { name: 'NNP (premier chiffre 7)', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '747720425367411'; }), fires: [{ path: 'Patient.identifier[0].value' }] },
      { name: 'mois 13', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '147130425367411'; }), fires: [{ path: 'Patient.identifier[0].value' }] },
      { name: 'espaces', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '1 47 72 04 253 674 11'; }), fires: [{ path: 'Patient.identifier[0].value' }] },
      {
        name: 'NIA de 14 caractères',
        input: () => mutate(PATIENT_INS, (p) => { p.identifier[0] = { use: 'temp', type: { coding: [{ system: FR_CORE_TYPES, code: 'INS-NIA' }] }, system: 'urn:oid:1.2.250.1.213.1.4.9', value: '14772042536741' }; }),
        fires: [{ path: 'Patient.identifier[0].value', params: { label: 'INS-NIA' } }],
      },
    ],
    positive: [{ name: 'exemple officiel', input: () => example(PATIENT_INS) }, { name: 'NIR cohérent', input: coherentInsPatient }],
  },
  'TDDUI-INS-002': {
    severity: 'error',
    negative: [
      { name: 'exemple officiel (clé 11, attendu 30)', input: () => example(PATIENT_INS), fires: [{ path: 'Patient.identifier[0].value', params: { expected: '30', found: '11' } }] },
      { name: 'identité de test INSi, clé altérée', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.10'; p.identifier[0].type.coding[0].code = 'INS-NIR-TEST'; p.identifier[0].value = '279035121518988'; }), fires: [{ path: 'Patient.identifier[0].value', params: { expected: '89', found: '88' } }] },
    ],
    positive: [
      { name: 'clé corrigée', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '147720425367430'; }) },
      { name: 'Corse (2B) avec la bonne clé', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].value = '284052B32102579'; }) },
    ],
  },
  'TDDUI-INS-003': {
    severity: 'error',
    negative: [
      { name: 'type INS-NIA sur l’OID NIR', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].type.coding[0].code = 'INS-NIA'; }), fires: [{ path: 'Patient.identifier[0].type' }] },
      { name: 'type INS-NIR sur l’OID de test', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.10'; }), fires: [{ path: 'Patient.identifier[0].type' }] },
    ],
    positive: [
      { name: 'exemple officiel', input: () => example(PATIENT_INS) },
      { name: 'NSS (v2-0203#NH) sur l’OID .8', input: () => mutate(PATIENT_INS, (p) => { p.identifier.push({ use: 'official', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NH' }] }, system: 'urn:oid:1.2.250.1.213.1.4.8', value: '255081416802538' }); }) },
    ],
  },
  'TDDUI-INS-004': {
    severity: 'information',
    negative: [
      { name: 'autorité de test (.10)', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.10'; p.identifier[0].type.coding[0].code = 'INS-NIR-TEST'; }), fires: [{ path: 'Patient.identifier[0].system', params: { kind: 'test' } }] },
      { name: 'autorité de démonstration (.11)', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.11'; p.identifier[0].type.coding[0].code = 'INS-NIR-DEMO'; }), fires: [{ path: 'Patient.identifier[0].system', params: { kind: 'démonstration' } }] },
    ],
    positive: [{ name: 'exemple officiel (.8)', input: () => example(PATIENT_INS) }],
  },
  'TDDUI-INS-005': {
    severity: 'error',
    negative: [
      { name: 'usager sans INS déclaré VALI', input: () => mutate(PATIENT, (p) => { p.extension.push(status('VALI')); }), fires: [{ path: 'Patient.extension[2].extension[0].valueCoding' }] },
      {
        name: 'VALI avec le seul NSS (un NSS n’est pas un INS)',
        input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].type = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NH' }] }; }),
        fires: [{ path: 'Patient.extension[0].extension[0].valueCoding' }],
      },
    ],
    positive: [
      { name: 'exemple officiel (VALI + INS-NIR)', input: () => example(PATIENT_INS) },
      { name: 'usager sans INS au statut PROV', input: () => mutate(PATIENT, (p) => { p.extension.push(status('PROV')); }) },
      { name: 'VALI + INS de démonstration (.11)', input: () => mutate(PATIENT_INS, (p) => { p.identifier[0].system = 'urn:oid:1.2.250.1.213.1.4.11'; p.identifier[0].type.coding[0].code = 'INS-NIR-DEMO'; }) },
    ],
  },
  'TDDUI-INS-006': {
    severity: 'error',
    negative: [
      { name: 'nom de naissance absent', input: () => mutate(PATIENT_INS, (p) => { delete p.name[0].family; }), fires: [{ path: 'Patient.name[0]', params: { element: 'family' } }] },
      { name: 'liste des prénoms absente', input: () => mutate(PATIENT_INS, (p) => { delete p.name[0].extension; }), fires: [{ path: 'Patient.name[0]', params: { element: 'extension[birth-list-given-name]' } }] },
      { name: 'premier prénom absent', input: () => mutate(PATIENT_INS, (p) => { delete p.name[0].given; }), fires: [{ path: 'Patient.name[0]', params: { element: 'given' } }] },
      { name: 'date de naissance absente', input: () => mutate(PATIENT_INS, (p) => { delete p.birthDate; }), fires: [{ path: 'Patient', params: { element: 'birthDate' } }] },
      { name: 'sexe unknown', input: () => mutate(PATIENT_INS, (p) => { p.gender = 'unknown'; }), fires: [{ path: 'Patient.gender' }] },
      { name: 'code INSEE du lieu de naissance absent', input: () => mutate(PATIENT_INS, (p) => { delete p.extension[1].valueAddress.extension; }), fires: [{ path: 'Patient.extension[1].valueAddress', params: { element: 'extension[inseeCode]' } }] },
      {
        name: 'pas de nom officiel : trois traits manquent',
        input: () => mutate(PATIENT_INS, (p) => { p.name = [p.name[1]]; }),
        fires: [{ path: 'Patient', params: { trait: 'nom de naissance' } }, { path: 'Patient', params: { trait: 'liste des prénoms de naissance' } }, { path: 'Patient', params: { trait: 'premier prénom de naissance' } }],
      },
    ],
    positive: [
      { name: 'exemple officiel', input: () => example(PATIENT_INS) },
      { name: 'usager sans INS à qui il manque des traits', input: () => mutate(PATIENT, (p) => { delete p.extension; }) },
    ],
  },
  'TDDUI-INS-007': {
    severity: 'warning',
    negative: [
      { name: 'exemple officiel : 04253 ≠ 63220', input: () => example(PATIENT_INS), fires: [{ path: 'Patient.identifier[0].value', params: { nirPart: '04253', expected: '04253', found: '63220' } }] },
      { name: 'sexe', input: () => mutate(coherentInsPatient(), (p) => { p.gender = 'female'; }), fires: [{ path: 'Patient.identifier[0].value', params: { expected: 'male', found: 'female' } }] },
      { name: 'année', input: () => mutate(coherentInsPatient(), (p) => { p.birthDate = '1948-04-03'; }), fires: [{ path: 'Patient.identifier[0].value', params: { nirPart: '47', found: '1948' } }] },
      { name: 'mois', input: () => mutate(coherentInsPatient(), (p) => { p.birthDate = '1947-05-03'; }), fires: [{ path: 'Patient.identifier[0].value', params: { expected: '04', found: '05' } }] },
      { name: 'ordre de naissance', input: () => mutate(coherentInsPatient(), (p) => { p._birthDate.extension[0].valuePositiveInt = 1; }), fires: [{ path: 'Patient.identifier[0].value', params: { expected: '674', found: '1', trait: 'Patient.birthDate.extension[0].valuePositiveInt' } }] },
    ],
    positive: [
      { name: 'NIR cohérent avec les traits et le rang de naissance', input: coherentInsPatient },
      { name: 'mois inconnu (72) : seul le mois n’est pas comparé', input: () => mutate(coherentInsPatient(), (p) => { p.identifier[0].value = withKey('1477263220674'); }) },
    ],
  },
  'TDDUI-INS-008': {
    severity: 'warning',
    negative: [{ name: 'deuxième prénom en given', input: () => mutate(PATIENT_INS, (p) => { p.name[0].given = ['Stéphane']; }), fires: [{ path: 'Patient.name[0].given[0]', params: { expected: 'Jean', found: 'Stéphane' } }] }],
    positive: [{ name: 'exemple officiel', input: () => example(PATIENT_INS) }, { name: 'usager sans INS', input: () => example(PATIENT) }],
  },

  'TDDUI-IDF-001': {
    severity: 'error',
    negative: [
      { name: 'idNat_Struct 1 + FINESS tronqué', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '148078752'; }), fires: [{ path: 'Organization.identifier[0].value' }] },
      { name: 'FINESS (système) avec une lettre', input: () => organization(identifier('https://finess.esante.gouv.fr', '48O787529', 'FINEG')), fires: [{ path: 'Organization.identifier[1].value' }] },
      {
        name: 'FINESS dans hospitalization.preAdmissionIdentifier (repéré par le type FINEG)',
        input: () => mutate(SEJOUR, (e) => { e.hospitalization.preAdmissionIdentifier = identifier(undefined, '75071218', 'FINEG'); }),
        fires: [{ path: 'Encounter.hospitalization.preAdmissionIdentifier.value' }],
      },
    ],
    positive: [{ name: 'idNat_Struct 1 + FINESS valide', input: () => organization(identifier('https://finess.esante.gouv.fr', '750712184', 'FINEJ')) }],
  },
  'TDDUI-IDF-002': {
    severity: 'warning',
    negative: [
      { name: 'exemple officiel (1480787529)', input: () => example(ORGANIZATION), fires: [{ path: 'Organization.identifier[0].value', params: { part: '480787529', expected: '2', found: '9' } }] },
      { name: 'FINESS (système)', input: () => organization(identifier('https://finess.esante.gouv.fr', '479207529')), fires: [{ path: 'Organization.identifier[1].value' }] },
    ],
    positive: [{ name: 'FINESS réels', input: () => organization(identifier('https://finess.esante.gouv.fr', '690781810', 'FINEG'), identifier('https://finess.esante.gouv.fr', '2A0000012', 'FINEG')) }],
  },
  'TDDUI-IDF-003': {
    severity: 'error',
    negative: [{ name: 'SIREN de 8 chiffres', input: () => organization(identifier('https://sirene.fr', '55210055', 'SIREN')), fires: [{ path: 'Organization.identifier[1].value' }] }],
    positive: [{ name: 'SIREN valide', input: () => organization(identifier('https://sirene.fr', '552100554', 'SIREN')) }],
  },
  'TDDUI-IDF-004': {
    severity: 'error',
    negative: [
      { name: 'SIREN, clé fausse', input: () => organization(identifier('https://sirene.fr', '552100555', 'SIREN')), fires: [{ path: 'Organization.identifier[1].value', params: { expected: '4', found: '5' } }] },
      { name: 'idNat_Struct 2 + SIREN faux', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '2267500453'; }), fires: [{ path: 'Organization.identifier[0].value' }] },
    ],
    positive: [{ name: 'idNat_Struct 2 + SIREN', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '2267500452'; }) }],
  },
  'TDDUI-IDF-005': {
    severity: 'error',
    negative: [{ name: 'SIRET de 13 chiffres', input: () => organization(identifier('https://sirene.fr', '5521005540001', 'SIRET')), fires: [{ path: 'Organization.identifier[1].value' }] }],
    positive: [{ name: 'SIRET valide (type absent : 14 chiffres)', input: () => organization(identifier('https://sirene.fr', '26750045200011')) }],
  },
  'TDDUI-IDF-006': {
    severity: 'error',
    negative: [
      { name: 'SIRET, clé fausse', input: () => organization(identifier('https://sirene.fr', '55210055400014', 'SIRET')), fires: [{ path: 'Organization.identifier[1].value', params: { expected: '3', found: '4' } }] },
      { name: 'idNat_Struct 3 + SIRET faux', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '355210055400012'; }), fires: [{ path: 'Organization.identifier[0].value' }] },
    ],
    positive: [{ name: 'idNat_Struct 3 + SIRET', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '355210055400013'; }) }],
  },
  'TDDUI-IDF-007': {
    severity: 'warning',
    negative: [{ name: 'SIRET de La Poste, somme 27', input: () => organization(identifier('https://sirene.fr', '35600000000049', 'SIRET')), fires: [{ path: 'Organization.identifier[1].value' }] }],
    positive: [{ name: 'SIRET de La Poste, somme 15', input: () => organization(identifier('https://sirene.fr', '35600000000001', 'SIRET')) }],
  },
  'TDDUI-IDF-008': {
    severity: 'error',
    negative: [
      { name: 'idNat_PS 8 + RPPS tronqué', input: () => practitioner(IDNPS('81000553158')), fires: [{ path: 'Practitioner.identifier[0].value' }] },
      { name: 'RPPS (système) de 10 chiffres', input: () => practitioner(IDNPS('810005531586'), identifier('https://rpps.esante.gouv.fr', '1000553158', 'RPPS')), fires: [{ path: 'Practitioner.identifier[1].value' }] },
    ],
    positive: [{ name: 'idNat_PS 8 + RPPS et RPPS', input: () => practitioner(IDNPS('810005531586'), identifier('https://rpps.esante.gouv.fr', '10005531586', 'RPPS')) }],
  },
  'TDDUI-IDF-009': {
    severity: 'warning',
    negative: [
      { name: 'idNat_PS 8 + RPPS, Luhn faux', input: () => practitioner(IDNPS('810103441234')), fires: [{ path: 'Practitioner.identifier[0].value', params: { part: '10103441234' } }] },
      { name: 'RPPS repéré par le seul type', input: () => practitioner(IDNPS('810005531586'), identifier('http://hopital.example/rh', '10101234567', 'RPPS')), fires: [{ path: 'Practitioner.identifier[1].value' }] },
    ],
    positive: [{ name: 'RPPS valide', input: () => practitioner(IDNPS('810005531586')) }],
  },
  'TDDUI-IDF-010': {
    severity: 'warning',
    negative: [
      { name: 'ADELI de 5 caractères', input: () => practitioner(IDNPS('810005531586'), identifier('https://adeli.esante.gouv.fr', '75123', 'ADELI')), fires: [{ path: 'Practitioner.identifier[1].value' }] },
      { name: 'idNat_PS 0 + ADELI tronqué', input: () => practitioner(IDNPS('07512345')), fires: [{ path: 'Practitioner.identifier[0].value' }] },
    ],
    positive: [{ name: 'idNat_PS 0 + ADELI', input: () => practitioner(IDNPS('0751234567'), identifier('https://adeli.esante.gouv.fr', '751234567', 'ADELI')) }],
  },
  'TDDUI-IDF-011': {
    severity: 'error',
    negative: [{ name: 'préfixe 7', input: () => practitioner(IDNPS('710005531586')), fires: [{ path: 'Practitioner.identifier[0].value', params: { found: '7' } }] }],
    positive: [{ name: 'préfixe 8', input: () => practitioner(IDNPS('810005531586')) }],
  },
  'TDDUI-IDF-012': {
    severity: 'warning',
    negative: [{ name: 'préfixe 9 (étudiant, clos)', input: () => practitioner(IDNPS('9123456')), fires: [{ path: 'Practitioner.identifier[0].value', params: { found: '9' } }] }],
    positive: [{ name: 'préfixe 3 + FINESS / registre', input: () => practitioner(IDNPS('3750100125/1453')) }],
  },
  'TDDUI-IDF-013': {
    severity: 'warning',
    negative: [{ name: 'exemple officiel (10103441234 : RPPS sans le préfixe 8 ?)', input: () => example(PRACTITIONER), fires: [{ path: 'Practitioner.identifier[0].value', params: { found: '1' } }] }],
    positive: [{ name: '8 + RPPS', input: () => practitioner(IDNPS('810103441235')) }],
  },
  'TDDUI-IDF-014': {
    severity: 'error',
    negative: [
      { name: 'préfixe 9', input: () => mutate(ORGANIZATION, (o) => { o.identifier[0].value = '9480787529'; }), fires: [{ path: 'Organization.identifier[0].value' }] },
      {
        name: 'idNat_Struct dans Encounter.serviceProvider.identifier',
        input: () => mutate(SEJOUR, (e) => { e.serviceProvider.identifier = IDNST('9750712184'); }),
        fires: [{ path: 'Encounter.serviceProvider.identifier.value' }],
      },
    ],
    positive: [{ name: 'préfixes 0 à 4', input: () => mutate(ORGANIZATION, (o) => { o.identifier = ['075123456701', '1750712184', '2552100554', '355210055400013', '41000553158601'].map(IDNST); }) }],
  },

  'TDDUI-BID-001': {
    severity: 'warning',
    negative: [
      { name: 'événement avec le code -EVT-', input: () => mutate(EVENEMENT, (e) => { e.identifier[0].value = '3480787529/147720425367411-EVT-12548'; }), fires: [{ path: 'Encounter.identifier[0].value' }] },
      { name: 'évaluation sans FINESS (identifier non répété)', input: () => mutate(QR, (q) => { q.identifier.value = '147720425367411-EVAL-21564655'; }), fires: [{ path: 'QuestionnaireResponse.identifier.value' }] },
      { name: 'identifiant local d’usager sans « / »', input: () => mutate(PATIENT, (p) => { p.identifier[0].value = '3480787529-194704032'; }), fires: [{ path: 'Patient.identifier[0].value' }] },
    ],
    positive: [
      { name: 'événement officiel', input: () => example(EVENEMENT) },
      { name: 'séjour officiel (le NUMDOSS « 1012 » n’est pas concerné)', input: () => example(SEJOUR) },
      { name: 'présence/absence : format laissé à l’invariant du guide', input: () => mutate(SLOT, (s) => { s.identifier[0].value = '3480787529/1012-Pa-0001'; }) },
    ],
  },
  'TDDUI-BID-002': {
    severity: 'warning',
    negative: [
      { name: 'Bundle officiel : une fois pour 8 identifiants', input: () => example(BUNDLES[0]), fires: [{ path: 'Bundle.entry[0].resource.identifier[1].value', params: { finess: '480787529', expected: '2', found: '9', count: 8 } }] },
      { name: 'ressource seule', input: () => example(EVENEMENT), fires: [{ path: 'Encounter.identifier[0].value' }] },
    ],
    positive: [{ name: 'Bundle officiel avec un FINESS valide', input: () => JSON.stringify(example(BUNDLES[0])).replaceAll('3480787529/', '3750712184/') }],
  },
};

describe('règles d’identifiants français (INS, IDF, BID)', function () {
  before(function () {
    requireSpec(this);
  });

  it('chaque règle est au catalogue (CHECK_RULES) et a ses cas', () => {
    const catalogue = new Set(CHECK_RULES.map((r) => r.id));
    expect([...OUR_IDS].filter((id) => !catalogue.has(id)), 'règles absentes de CHECK_RULES').to.deep.equal([]);
    expect(Object.keys(FIXTURES).sort()).to.deep.equal([...OUR_IDS].sort());
  });

  for (const [ruleId, spec] of Object.entries(FIXTURES)) {
    describe(ruleId, () => {
      it(`a la sévérité ${spec.severity}`, () => {
        expect(RULES.find((r) => r.id === ruleId)?.severity).to.equal(spec.severity);
      });
      for (const n of spec.negative) {
        it(`se déclenche : ${n.name}`, () => {
          const findings = run(n.input());
          const mine = findings.filter((f) => f.ruleId === ruleId);
          expect(mine, `nombre de ${ruleId}`).to.have.length(n.fires!.length);
          for (const e of n.fires!) {
            expectFinding(mine, { ruleId, path: e.path, severity: spec.severity });
            const params = e.params ?? {};
            const hit = mine.find((f) => f.path === e.path && Object.entries(params).every(([k, v]) => f.params[k] === v));
            expect(hit, `${ruleId} @ ${e.path} avec ${JSON.stringify(params)} ; trouvé ${JSON.stringify(mine.map((f) => f.params))}`).to.not.equal(undefined);
          }
        });
      }
      for (const p of spec.positive) {
        it(`ne se déclenche pas : ${p.name}`, () => {
          expectNoFinding(run(p.input()), ruleId);
        });
      }
    });
  }

  describe('exemples officiels', () => {
    const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.path}`).sort();
    /**
     * What these rules report on the official examples. The only error is TDDUI-INS-002: the published
     * INS-NIR 147720425367411 has key 11 where the NIR algorithm gives 30 (like FR Core's own example).
     */
    const EXPECTED: Record<string, string[]> = {
      [PATIENT_INS]: [
        'error TDDUI-INS-002 Patient.identifier[0].value',
        'warning TDDUI-BID-002 Patient.identifier[1].value',
        'warning TDDUI-INS-007 Patient.identifier[0].value',
      ],
      [BUNDLES[0]]: [
        'error TDDUI-INS-002 Bundle.entry[0].resource.identifier[0].value',
        'warning TDDUI-BID-002 Bundle.entry[0].resource.identifier[1].value',
        'warning TDDUI-IDF-002 Bundle.entry[1].resource.identifier[0].value',
        'warning TDDUI-IDF-013 Bundle.entry[4].resource.identifier[0].value',
        'warning TDDUI-INS-007 Bundle.entry[0].resource.identifier[0].value',
      ],
      [BUNDLES[1]]: ['warning TDDUI-BID-002 Bundle.entry[0].resource.identifier[0].value'],
      [BUNDLES[2]]: [
        'warning TDDUI-BID-002 Bundle.entry[0].resource.identifier[0].value',
        'warning TDDUI-IDF-013 Bundle.entry[10].resource.identifier[0].value',
      ],
    };
    for (const [file, expected] of Object.entries(EXPECTED)) {
      it(`${file} : ${expected.length} constat(s), seule erreur la clé NIR publiée`, function () {
        if (!specAvailable()) this.skip();
        const findings = run(example(file));
        expect(show(findings)).to.deep.equal([...expected].sort());
        const errors = findings.filter((f) => f.severity === 'error' || f.severity === 'fatal');
        expect(errors.every((f) => f.ruleId === 'TDDUI-INS-002' && f.params.expected === '30' && f.params.found === '11')).to.equal(true);
      });
    }
  });
});
