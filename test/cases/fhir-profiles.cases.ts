/**
 * FHIR engine — profiles (http://hl7.org/fhir/R4/profiling.html): cardinalities, fixed and pattern values,
 * slicing (open / closed / ordered, each discriminator type the loaded profiles use), profile claims.
 * Inputs are the official TDDUI examples, mutated; the ordered slicing is the only one loaded (the core
 * example profile lipidprofile, DiagnosticReport.result, value@resolve().code).
 * Slicing kinds no loaded profile has (openAtEnd, exists, a profile@resource slice with min ≥ 1) and
 * non-terminology unevaluable discriminators are covered with test-only profiles in
 * test/validation/test-definitions.test.ts.
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';
import { minimalBundle } from './tddui-bundle.cases.js';

const FHIR = { tddui: false };
const TDDUI_SD = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';
const CORE_SD = 'http://hl7.org/fhir/StructureDefinition/';
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Résultat</div>' };
const UCUM = 'http://unitsofmeasure.org';
const FR_CORE_0203 = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';

type Json = Record<string, any>;
const ex = (file: string) => () => example<Json>(file);
const changed = (file: string, change: (r: Json) => void) => () => mutate(example<Json>(file), change);

const REPAS = 'Observation-tddui-observation-repas-example.json';
const PERIODE = 'Observation-tddui-observation-periodescolaire-example.json';
const PRACTITIONER = 'Practitioner-tddui-practitioner-example.json';
const ORGANIZATION = 'Organization-tddui-organization-example.json';
const EVENEMENT = 'Encounter-tddui-encounter-evenement-example.json';
const PATIENT = 'Patient-tddui-patient-example.json';

// --- lipidprofile (core example profile): ordered, closed slicing of DiagnosticReport.result ----------------
const lipidUrn = (n: number) => `urn:uuid:3f9d2a1c-8e7b-4c6d-a5f4-0e1d2c3b4a${String(n).padStart(2, '0')}`;
const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

function lipidObservation(profile: string, code: Json, range: Json): Json {
  return {
    resourceType: 'Observation',
    text: NARRATIVE,
    meta: { profile: [CORE_SD + profile] },
    status: 'final',
    code,
    subject: { reference: lipidUrn(9) },
    valueQuantity: { value: 5.1, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
    referenceRange: [range],
  };
}

/** A collection Bundle: a lipid panel whose results point, in the given order, to entries 2 (cholesterol), 3 (triglyceride), 4 (HDL). */
function lipidPanel(order: number[]): Json {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: lipidUrn(1),
        resource: {
          resourceType: 'DiagnosticReport',
          text: NARRATIVE,
          meta: { profile: [CORE_SD + 'lipidprofile'] },
          status: 'final',
          code: loinc('57698-3', 'Lipid panel with direct LDL - Serum or Plasma'),
          subject: { reference: lipidUrn(9) },
          result: order.map((n) => ({ reference: lipidUrn(n) })),
        },
      },
      { fullUrl: lipidUrn(2), resource: lipidObservation('cholesterol', loinc('35200-5', 'Cholesterol [Moles/\u200bvolume] in Serum or Plasma'), { high: { value: 4.5 } }) },
      { fullUrl: lipidUrn(3), resource: lipidObservation('triglyceride', loinc('35217-9', 'Triglyceride [Moles/\u200bvolume] in Serum or Plasma'), { high: { value: 2 } }) },
      { fullUrl: lipidUrn(4), resource: lipidObservation('hdlcholesterol', loinc('2085-9', 'HDL Cholesterol'), { low: { value: 1.5 } }) },
      { fullUrl: lipidUrn(9), resource: { resourceType: 'Patient', text: NARRATIVE, name: [{ family: 'Martin' }] } },
    ],
  };
}

export const FHIR_PROFILE_CASES: Case[] = [
  // --- cardinality --------------------------------------------------------------------------------
  {
    name: 'FHIR-CARD-MIN : tddui-organization sans identifiant (élément 1..* et tranche idNatSt 1..1)',
    needsSpec: true,
    input: changed(ORGANIZATION, (o) => { delete o.identifier; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Organization.identifier', severity: 'error' }],
  },
  {
    name: 'FHIR-CARD-MIN (positif) : exemple officiel tddui-organization',
    needsSpec: true,
    input: ex(ORGANIZATION),
    options: FHIR,
    clean: ['FHIR-CARD-MIN', 'FHIR-CARD-MAX', 'FHIR-PATTERN', 'FHIR-FIXED', 'FHIR-SLICE-CLOSED', 'FHIR-PROFILE-UNKNOWN', 'FHIR-PROFILE-TYPE'],
  },
  {
    name: 'FHIR-CARD-MAX : tddui-observation-repas avec deux catégories (0..1 dans le profil, 0..* dans R4)',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.category.push(structuredClone(o.category[0])); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MAX', path: 'Observation.category', severity: 'error' }],
  },
  {
    name: 'FHIR-CARD-MAX : deux qualifications dans la tranche exercicePro (0..1) de tddui-practitioner',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => { p.qualification.push(structuredClone(p.qualification[1])); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MAX', path: 'Practitioner.qualification[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-CARD-MAX (positif) : exemple officiel tddui-observation-repas',
    needsSpec: true,
    input: ex(REPAS),
    options: FHIR,
    clean: ['FHIR-CARD-MAX', 'FHIR-CARD-MIN', 'FHIR-PATTERN', 'FHIR-SLICE-NO-MATCH', 'FHIR-STRUCT-TYPE'],
  },

  // --- fixed and pattern values -----------------------------------------------------------------------
  {
    name: 'FHIR-FIXED : système imposé de preAdmissionIdentifier (tddui-encounter-evenement)',
    needsSpec: true,
    input: changed(EVENEMENT, (e) => {
      e.hospitalization = { preAdmissionIdentifier: { type: { text: 'pré-admission' }, system: 'urn:oid:1.2.250.1.71.4.2.2', value: '480787529-12' } };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-FIXED', path: 'Encounter.hospitalization.preAdmissionIdentifier.system', severity: 'error' }],
  },
  {
    name: 'FHIR-FIXED (positif) : la valeur imposée exactement',
    needsSpec: true,
    input: changed(EVENEMENT, (e) => {
      e.hospitalization = { preAdmissionIdentifier: { type: { text: 'pré-admission' }, system: '1.2.250.1.71.4.2.2+.n°FINESS', value: '480787529-12' } };
    }),
    options: FHIR,
    clean: ['FHIR-FIXED'],
  },
  {
    // fixed[x] is an exact match: one more coding is a difference (a pattern would accept it).
    name: 'FHIR-FIXED : CodeableConcept imposé (profil cholesterol) augmenté d’un codage',
    input: () => mutate(lipidPanel([2, 3, 4]), (b) => {
      b.entry[1].resource.code.coding.push({ system: 'http://snomed.info/sct', code: '77068002' });
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-FIXED', path: 'Bundle.entry[1].resource.code', severity: 'error' }],
  },
  {
    name: 'FHIR-PATTERN : type d’identifiant contraire au motif de la tranche idNatPs (IDNPS attendu)',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => { p.identifier[0].type = { coding: [{ system: FR_CORE_0203, code: 'RPPS' }] }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PATTERN', path: 'Practitioner.identifier[0].type', severity: 'error' }],
  },
  {
    name: 'FHIR-PATTERN (positif) : type IDNPS, avec un libellé en plus (un motif accepte l’ajout)',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => { p.identifier[0].type = { coding: [{ system: FR_CORE_0203, code: 'IDNPS', display: 'Identifiant National de Professionnel de Santé' }], text: 'IDNPS' }; }),
    options: FHIR,
    clean: ['FHIR-PATTERN'],
  },
  {
    name: 'FHIR-PATTERN : code d’observation différent du motif REPAS',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.code.coding[0].code = 'PERIODESCOL'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PATTERN', path: 'Observation.code', severity: 'error' }],
  },

  // --- slicing: open, closed, ordered, unevaluable ----------------------------------------------------------
  {
    name: 'FHIR-SLICE-NO-MATCH : identifiant hors des tranches (découpage ouvert, information)',
    needsSpec: true,
    input: changed(REPAS, (o) => {
      o.identifier.push({ system: 'https://example.org/identifiants-locaux', value: 'R-12' });
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-NO-MATCH', path: 'Observation.identifier[1]', severity: 'information' }],
    clean: ['FHIR-SLICE-CLOSED', 'FHIR-CARD-MIN'],
  },
  {
    name: 'FHIR-SLICE-CLOSED : codage hors des tranches fermées de qualification:exercicePro.code.coding',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => { p.qualification[1].code.coding.push({ system: 'https://example.org/metiers', code: 'IDE' }); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-CLOSED', path: 'Practitioner.qualification[1].code.coding[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-SLICE-CLOSED (positif) : second codage dans la tranche categorieProfession (JDV J89)',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => {
      p.qualification[1].code.coding.push({ system: 'https://mos.esante.gouv.fr/NOS/TRE_R09-CategorieProfessionnelle/FHIR/TRE-R09-CategorieProfessionnelle', code: 'C' });
    }),
    options: FHIR,
    clean: ['FHIR-SLICE-CLOSED'],
  },
  {
    name: 'FHIR-SLICE-ORDER : résultats du bilan lipidique hors de l’ordre des tranches (lipidprofile, ordered)',
    input: () => lipidPanel([3, 2, 4]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-ORDER', path: 'Bundle.entry[0].resource.result[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-SLICE-ORDER (positif) : cholestérol, triglycérides, HDL dans l’ordre ; cibles conformes à leur profil',
    input: () => lipidPanel([2, 3, 4]),
    options: FHIR,
    clean: ['FHIR-SLICE-ORDER', 'FHIR-SLICE-CLOSED', 'FHIR-SLICE-UNEVALUABLE', 'FHIR-CARD-MIN', 'FHIR-REF-PROFILE', 'FHIR-FIXED', 'FHIR-PATTERN'],
  },
  {
    name: 'FHIR-SLICE-CLOSED : résultat du bilan lipidique qui ne résout vers aucune tranche (value@resolve().code)',
    input: () => mutate(lipidPanel([2, 3, 4]), (b) => {
      b.entry[3].resource.code = loinc('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma');
      delete b.entry[3].resource.meta;
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-SLICE-CLOSED', path: 'Bundle.entry[0].resource.result[2]', severity: 'error' },
      { ruleId: 'FHIR-CARD-MIN', path: 'Bundle.entry[0].resource.result', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-SLICE-UNEVALUABLE : discriminateur value@code.coding dont le jeu de valeurs n’est pas disponible (information)',
    needsSpec: true,
    input: ex(PRACTITIONER),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-UNEVALUABLE', path: 'Practitioner.qualification[0]', severity: 'information' }],
  },
  {
    name: 'FHIR-SLICE-UNEVALUABLE (positif) : diplôme du JDV J81 (disponible), reconnu par la première tranche',
    needsSpec: true,
    input: changed(PRACTITIONER, (p) => {
      p.qualification = [{ code: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R14-TypeDiplome/FHIR/TRE-R14-TypeDiplome', code: 'DE' }] } }];
    }),
    options: FHIR,
    clean: ['FHIR-SLICE-UNEVALUABLE'],
  },

  // --- each discriminator type, with a slice whose minimum is not met -----------------------------------------
  {
    name: 'discriminateur value@url (extensions) : extension obligatoire TDDUIParticipantPresent absente',
    needsSpec: true,
    input: changed(REPAS, (o) => {
      o.extension = [{ url: TDDUI_SD + 'tddui-comment', valueString: 'Repas pris en salle' }];
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Observation.extension', severity: 'error' }],
  },
  {
    name: 'discriminateur value@url (extension d’une primitive) : rang de naissance absent de birthDate (tddui-patient)',
    needsSpec: true,
    input: changed(PATIENT, (p) => {
      delete p._birthDate;
      p.birthDate = '1947-04-03';
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Patient.birthDate.extension', severity: 'error' }],
  },
  {
    name: 'discriminateur value@url (positif) : exemple officiel tddui-patient (_birthDate sans valeur, avec le rang)',
    needsSpec: true,
    input: ex(PATIENT),
    options: FHIR,
    clean: ['FHIR-CARD-MIN', 'FHIR-EXT-UNKNOWN', 'FHIR-EXT-CONTEXT'],
  },
  {
    name: 'discriminateur pattern@type (identifiants) : identifiant de repas d’un autre type, tranche idRepas vide',
    needsSpec: true,
    input: changed(REPAS, (o) => {
      o.identifier[0].type.coding[0].system = 'http://terminology.hl7.org/CodeSystem/v2-0203';
      o.identifier[0].type.coding[0].code = 'FILL';
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-CARD-MIN', path: 'Observation.identifier', severity: 'error' },
      { ruleId: 'FHIR-SLICE-NO-MATCH', path: 'Observation.identifier[0]', severity: 'information' },
    ],
  },
  {
    name: 'discriminateur type@$this (choix) : effectivePeriod au lieu de la tranche effectiveDateTime (1..1)',
    needsSpec: true,
    input: changed(REPAS, (o) => {
      delete o.effectiveDateTime;
      o.effectivePeriod = { start: '2025-04-17T12:00:00+02:00', end: '2025-04-17T13:00:00+02:00' };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Observation.effectivePeriod', severity: 'error' }],
  },
  {
    name: 'discriminateur type@$this (choix dans une tranche) : diplôme donné en texte, tranche valueCodeableConcept (1..1) vide',
    needsSpec: true,
    input: changed(PERIODE, (o) => {
      delete o.component[1].valueCodeableConcept;
      o.component[1].valueString = 'DES';
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Observation.component[1].valueString', severity: 'error' }],
  },
  {
    name: 'discriminateur type@resolve() : performer vers un Practitioner, tranche referentScolaire (RelatedPerson, 1..1) vide',
    needsSpec: true,
    input: changed(PERIODE, (o) => { o.performer = [{ reference: 'Practitioner/tddui-practitioner-example' }]; }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-CARD-MIN', path: 'Observation.performer', severity: 'error' },
      { ruleId: 'FHIR-SLICE-NO-MATCH', path: 'Observation.performer[0]', severity: 'information' },
    ],
  },
  {
    name: 'discriminateurs type@$this et type@resolve() (positif) : exemple officiel tddui-observation-periode-scolaire',
    needsSpec: true,
    input: ex(PERIODE),
    options: FHIR,
    clean: ['FHIR-CARD-MIN', 'FHIR-SLICE-NO-MATCH', 'FHIR-SLICE-UNEVALUABLE'],
  },
  {
    name: 'discriminateur profile@resource (entrées de Bundle) : organisation conforme à aucun profil d’entrée TDDUI',
    input: () => mutate(minimalBundle(), (b) => {
      delete b.entry[0].resource.meta;
      b.entry[0].resource.identifier[0].system = 'https://example.org/identifiants';
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-NO-MATCH', path: 'Bundle.entry[0]', severity: 'information' }],
  },
  {
    name: 'discriminateur profile@resource (positif) : organisation conforme à tddui-organization, reconnue par sa tranche',
    input: () => mutate(minimalBundle(), (b) => { delete b.entry[0].resource.meta; }),
    options: FHIR,
    clean: ['FHIR-SLICE-NO-MATCH', 'FHIR-SLICE-UNEVALUABLE', 'FHIR-CARD-MIN'],
  },

  // --- profile claims -------------------------------------------------------------------------------
  {
    name: 'FHIR-PROFILE-UNKNOWN : meta.profile inconnu (second profil déclaré)',
    input: {
      resourceType: 'Patient',
      text: NARRATIVE,
      meta: { profile: [CORE_SD + 'Patient', 'https://example.org/fhir/StructureDefinition/patient-inconnu'] },
    },
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PROFILE-UNKNOWN', path: 'Patient.meta.profile[1]', severity: 'warning' }],
  },
  {
    name: 'FHIR-PROFILE-UNKNOWN : profil imposé (--profile) inconnu',
    input: { resourceType: 'Patient', text: NARRATIVE },
    options: { tddui: false, profiles: ['https://example.org/fhir/StructureDefinition/patient-inconnu'] },
    fires: [{ ruleId: 'FHIR-PROFILE-UNKNOWN', path: 'Patient.meta.profile', severity: 'warning' }],
  },
  {
    name: 'FHIR-PROFILE-UNKNOWN / -TYPE (positif) : profils connus et du bon type',
    needsSpec: true,
    input: ex(PATIENT),
    options: { tddui: false, profiles: [TDDUI_SD + 'tddui-patient'] },
    clean: ['FHIR-PROFILE-UNKNOWN', 'FHIR-PROFILE-TYPE'],
  },
  {
    name: 'FHIR-PROFILE-TYPE : profil Patient déclaré par une Organization',
    needsSpec: true,
    input: changed(ORGANIZATION, (o) => { o.meta.profile = [TDDUI_SD + 'tddui-patient']; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PROFILE-TYPE', path: 'Organization', severity: 'error' }],
  },
  {
    name: 'FHIR-PROFILE-TYPE : profil Patient imposé (--profile) à une Organization',
    needsSpec: true,
    input: ex(ORGANIZATION),
    options: { tddui: false, profiles: [TDDUI_SD + 'tddui-patient'] },
    fires: [{ ruleId: 'FHIR-PROFILE-TYPE', path: 'Organization', severity: 'error' }],
  },
];
