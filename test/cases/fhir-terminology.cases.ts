/**
 * FHIR engine — terminology (http://hl7.org/fhir/R4/terminologies.html): binding strengths (required → error,
 * extensible → warning, preferred → information) on code, Coding and CodeableConcept, bindings that cannot be
 * checked locally (aggregated per value set), and codes / displays checked against complete local CodeSystems.
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';
import { patient } from './fhir-json.cases.js';

const FHIR = { tddui: false };
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Allergie</div>' };
const CS_0445 = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445';
const CS_VALIDATION = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity';

type Json = Record<string, any>;
const REPAS = 'Observation-tddui-observation-repas-example.json';
const SEJOUR = 'Encounter-tddui-encounter-sejour-example.json';
const PATIENT_INS = 'Patient-tddui-patient-ins-example.json';
const changed = (file: string, change: (r: Json) => void) => () => mutate(example<Json>(file), change);

/** The fr-core-identity-reliability extension of the INS example (its first extension). */
const reliability = (p: Json) => {
  const ext = p.extension[0];
  if (ext.url !== 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability') throw new Error('exemple INS modifié : extension[0] attendue');
  return ext;
};

function allergy(clinicalStatus: Json): Json {
  return {
    resourceType: 'AllergyIntolerance',
    text: NARRATIVE,
    clinicalStatus,
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    code: { text: 'Pénicilline' },
    patient: { reference: 'Patient/p1' },
  };
}

export const FHIR_TERMINOLOGY_CASES: Case[] = [
  // --- required ---------------------------------------------------------------------------------
  {
    name: 'FHIR-BIND-REQUIRED (code) : genre hors de administrative-gender',
    input: () => mutate(patient(), (p) => { p.gender = 'homme'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-REQUIRED', path: 'Patient.gender', severity: 'error' }],
    clean: ['FHIR-BIND-EMPTY-VS'],
  },
  {
    name: 'FHIR-BIND-REQUIRED (code, positif) : genre du jeu de valeurs',
    input: patient,
    options: FHIR,
    clean: ['FHIR-BIND-REQUIRED', 'FHIR-BIND-NOT-CHECKED'],
  },
  {
    name: 'FHIR-BIND-REQUIRED (Coding) : mode de validation d’identité pris dans un autre système (fr-core-identity-reliability)',
    needsSpec: true,
    input: changed(PATIENT_INS, (p) => {
      reliability(p).extension.push({ url: 'validationMode', valueCoding: { system: CS_0445, code: 'VALI' } });
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-REQUIRED', path: 'Patient.extension[0].extension[1].valueCoding', severity: 'error' }],
  },
  {
    name: 'FHIR-BIND-REQUIRED (Coding, positif) : mode de validation du jeu de valeurs',
    needsSpec: true,
    input: changed(PATIENT_INS, (p) => {
      reliability(p).extension.push({ url: 'validationMode', valueCoding: { system: CS_VALIDATION, code: 'CN' } });
    }),
    options: FHIR,
    clean: ['FHIR-BIND-REQUIRED', 'FHIR-CODE-UNKNOWN'],
  },
  {
    name: 'FHIR-BIND-REQUIRED (CodeableConcept) : type de repas hors du JDV J407 (profil tddui-observation-repas)',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.category[0].coding[0].code = '9'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-REQUIRED', path: 'Observation.category[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-BIND-REQUIRED (CodeableConcept, texte seul) : type de repas sans code',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.category[0] = { text: 'Déjeuner' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-REQUIRED', path: 'Observation.category[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-BIND-REQUIRED (CodeableConcept, positif) : exemple officiel, puis un second codage hors jeu à côté d’un code valide',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.category[0].coding.push({ system: 'https://example.org/repas', code: 'DEJ' }); }),
    options: FHIR,
    clean: ['FHIR-BIND-REQUIRED'],
  },
  {
    name: 'FHIR-BIND-REQUIRED (CodeableConcept, R4) : statut clinique d’allergie pris dans condition-clinical',
    input: () => allergy({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-REQUIRED', path: 'AllergyIntolerance.clinicalStatus', severity: 'error' }],
    clean: ['FHIR-CODE-UNKNOWN'],
  },
  {
    name: 'FHIR-BIND-REQUIRED (CodeableConcept, R4, positif) : statut clinique d’allergie du jeu de valeurs',
    input: () => allergy({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }),
    options: FHIR,
    clean: ['FHIR-BIND-REQUIRED', 'FHIR-BIND-NOT-CHECKED'],
  },

  // --- extensible, preferred --------------------------------------------------------------------
  {
    name: 'FHIR-BIND-EXTENSIBLE : situation maritale codée hors du jeu de valeurs (avertissement)',
    input: () => mutate(patient(), (p) => {
      p.maritalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'NI' }] };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-EXTENSIBLE', path: 'Patient.maritalStatus', severity: 'warning' }],
    clean: ['FHIR-BIND-REQUIRED'],
  },
  {
    name: 'FHIR-BIND-EXTENSIBLE (positif) : situation maritale du jeu de valeurs',
    input: () => mutate(patient(), (p) => {
      p.maritalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] };
    }),
    options: FHIR,
    clean: ['FHIR-BIND-EXTENSIBLE'],
  },
  {
    name: 'FHIR-BIND-PREFERRED : mode d’entrée de l’exemple officiel de séjour, hors du jeu préféré R4 (information)',
    needsSpec: true,
    input: () => example(SEJOUR),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-PREFERRED', path: 'Encounter.hospitalization.admitSource', severity: 'information' }],
  },
  {
    name: 'FHIR-BIND-PREFERRED (positif) : mode d’entrée du jeu préféré',
    needsSpec: true,
    input: changed(SEJOUR, (e) => {
      e.hospitalization.admitSource = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/admit-source', code: 'hosp-trans' }] };
    }),
    options: FHIR,
    clean: ['FHIR-BIND-PREFERRED'],
  },

  // --- not checkable locally --------------------------------------------------------------------
  {
    name: 'FHIR-BIND-NOT-CHECKED : types MIME (urn:ietf:bcp:13 absent) — une seule note, trois occurrences comptées',
    input: () => mutate(patient(), (p) => {
      p.photo = [{ contentType: 'image/png' }, { contentType: 'image/jpeg' }, { contentType: 'image/gif' }];
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-BIND-NOT-CHECKED', path: 'Patient.photo[0].contentType', severity: 'information', params: { count: 3, strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/mimetypes' } }],
  },
  {
    name: 'FHIR-BIND-NOT-CHECKED (positif) : liaisons toutes vérifiables localement',
    input: () => mutate(patient(), (p) => {
      p.maritalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] };
    }),
    options: FHIR,
    clean: ['FHIR-BIND-NOT-CHECKED'],
  },

  // --- codes and displays against complete local CodeSystems --------------------------------------------
  {
    name: 'FHIR-CODE-UNKNOWN : statut d’identité RECUP absent de fr-core-cs-v2-0445 (système complet)',
    needsSpec: true,
    input: changed(PATIENT_INS, (p) => { reliability(p).extension[0].valueCoding.code = 'RECUP'; }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-CODE-UNKNOWN', path: 'Patient.extension[0].extension[0].valueCoding.code', severity: 'error' },
      { ruleId: 'FHIR-BIND-EXTENSIBLE', path: 'Patient.extension[0].extension[0].valueCoding', severity: 'warning' },
    ],
  },
  {
    name: 'FHIR-CODE-UNKNOWN : code inconnu d’un système R4 complet (v3-MaritalStatus)',
    input: () => mutate(patient(), (p) => {
      p.maritalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'Z' }] };
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CODE-UNKNOWN', path: 'Patient.maritalStatus.coding[0].code', severity: 'error' }],
  },
  {
    name: 'FHIR-CODE-UNKNOWN (positif) : exemple officiel tddui-patient-ins (statut VALI)',
    needsSpec: true,
    input: () => example(PATIENT_INS),
    options: FHIR,
    clean: ['FHIR-CODE-UNKNOWN', 'FHIR-CODE-DISPLAY'],
  },
  {
    name: 'FHIR-CODE-DISPLAY : libellé anglais pour VALI (attendu « Identité validée »)',
    needsSpec: true,
    input: changed(PATIENT_INS, (p) => { reliability(p).extension[0].valueCoding.display = 'Validated identity'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CODE-DISPLAY', path: 'Patient.extension[0].extension[0].valueCoding.display', severity: 'warning' }],
    clean: ['FHIR-CODE-UNKNOWN'],
  },
  {
    name: 'FHIR-CODE-DISPLAY (positif) : libellé exact, à la casse et aux espaces près',
    needsSpec: true,
    input: changed(PATIENT_INS, (p) => { reliability(p).extension[0].valueCoding.display = '  identité   VALIDÉE '; }),
    options: FHIR,
    clean: ['FHIR-CODE-DISPLAY'],
  },
  // --- a required value set that FHIR expands to nothing ---------------------------------------------
  {
    name: 'FHIR-BIND-EMPTY-VS : tddui-serafin intersecte J283 et J284 (disjoints), un code SERAFIN-PH valide ne peut convenir',
    needsSpec: true,
    input: () => ({
      resourceType: 'Task', text: NARRATIVE, status: 'completed', intent: 'plan',
      input: [{
        type: { coding: [{ system: 'https://interop.esante.gouv.fr/ig/fhir/tddui/CodeSystem/tddui-task-input-prestation', code: 'typePrestation' }] },
        valueCodeableConcept: { coding: [{ system: 'https://smt.esante.gouv.fr/terminologie-SERAFINPH', code: '2.1.1.1' }] },
      }],
    }),
    options: { tddui: false, profiles: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-task-prestation'] },
    fires: [{ ruleId: 'FHIR-BIND-EMPTY-VS', path: 'Task.input[0].valueCodeableConcept', severity: 'error' }],
    clean: ['FHIR-BIND-REQUIRED'],
  },
];
