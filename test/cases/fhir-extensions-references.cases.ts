/**
 * FHIR engine — extensions (http://hl7.org/fhir/R4/extensibility.html: definition lookup, context of use,
 * modifier consistency, URL) and references (references.html: literal format, allowed target types, target
 * profiles; bundle.html#references: resolution by fullUrl, by the RESTful base of the referring entry, by Type/id).
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';
import { patient } from './fhir-json.cases.js';

const FHIR = { tddui: false };
const TDDUI_SD = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Ressource de test</div>' };
const BIRTH_PLACE = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
const DO_NOT_PERFORM = 'http://hl7.org/fhir/StructureDefinition/request-doNotPerform';
const u = (n: number) => `urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c${String(n).padStart(2, '0')}`;

type Json = Record<string, any>;
const REPAS = 'Observation-tddui-observation-repas-example.json';
const PERIODE = 'Observation-tddui-observation-periodescolaire-example.json';
const changed = (file: string, change: (r: Json) => void) => () => mutate(example<Json>(file), change);

const organization = (extra: Json = {}): Json => ({ resourceType: 'Organization', text: NARRATIVE, name: 'SSIAD Les Tilleuls', ...extra });
const practitioner = (extra: Json = {}): Json => ({ resourceType: 'Practitioner', text: NARRATIVE, name: [{ family: 'Martin' }], ...extra });

function collection(...entries: Json[]): Json {
  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

function nutritionOrder(slot: 'extension' | 'modifierExtension'): Json {
  return {
    resourceType: 'NutritionOrder',
    text: NARRATIVE,
    status: 'active',
    intent: 'order',
    patient: { reference: 'Patient/p1' },
    dateTime: '2023-05-01T10:00:00+02:00',
    oralDiet: { type: [{ text: 'sans sel' }] },
    [slot]: [{ url: DO_NOT_PERFORM, valueBoolean: true }],
  };
}

/** A repas Observation (official example) whose subject is entry 2 of a collection Bundle. */
function repasWithSubject(subject: Json): Json {
  return collection(
    { fullUrl: u(1), resource: mutate(example<Json>(REPAS), (o) => { o.subject = { reference: u(2) }; }) },
    { fullUrl: u(2), resource: subject },
  );
}

export const FHIR_EXTENSION_REFERENCE_CASES: Case[] = [
  // --- unknown extensions -------------------------------------------------------------------------
  {
    name: 'FHIR-EXT-UNKNOWN : extension d’un domaine non chargé (avertissement, contenu non vérifié)',
    input: () => mutate(patient(), (p) => { p.extension = [{ url: 'https://example.org/fhir/StructureDefinition/langue-des-signes', valueBoolean: true }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-UNKNOWN', path: 'Patient.extension[0].url', severity: 'warning' }],
  },
  {
    name: 'FHIR-EXT-UNKNOWN (positif) : extension R4 connue, dans son contexte',
    input: () => mutate(patient(), (p) => { p.extension = [{ url: BIRTH_PLACE, valueAddress: { city: 'Clermont-Ferrand' } }]; }),
    options: FHIR,
    clean: ['FHIR-EXT-UNKNOWN', 'FHIR-EXT-UNKNOWN-KNOWN-DOMAIN', 'FHIR-EXT-CONTEXT', 'FHIR-EXT-MODIFIER', 'FHIR-EXT-URL'],
  },
  {
    name: 'FHIR-EXT-UNKNOWN-KNOWN-DOMAIN : URL d’extension TDDUI mal orthographiée (domaine chargé : erreur)',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.extension[0].url = `${TDDUI_SD}tddui-participant-presence`; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-UNKNOWN-KNOWN-DOMAIN', path: 'Observation.extension[0].url', severity: 'error' }],
    clean: ['FHIR-EXT-UNKNOWN'],
  },
  {
    name: 'FHIR-EXT-UNKNOWN-KNOWN-DOMAIN (positif) : exemple officiel (URL exacte)',
    needsSpec: true,
    input: () => example(REPAS),
    options: FHIR,
    clean: ['FHIR-EXT-UNKNOWN-KNOWN-DOMAIN', 'FHIR-EXT-UNKNOWN', 'FHIR-EXT-CONTEXT'],
  },

  // --- context, modifier, url ------------------------------------------------------------------------
  {
    name: 'FHIR-EXT-CONTEXT : extension réservée au Patient (birthPlace) sur une Organization',
    input: () => organization({ extension: [{ url: BIRTH_PLACE, valueAddress: { city: 'Clermont-Ferrand' } }] }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-CONTEXT', path: 'Organization.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-CONTEXT : rang de naissance TDDUI (contexte Patient.birthDate) porté par le Patient',
    input: () => mutate(patient(), (p) => { p.extension = [{ url: `${TDDUI_SD}tddui-birth-order`, valuePositiveInt: 1 }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-CONTEXT', path: 'Patient.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-CONTEXT (positif) : rang de naissance TDDUI sur birthDate (`_birthDate`)',
    input: () => mutate(patient(), (p) => { p._birthDate = { extension: [{ url: `${TDDUI_SD}tddui-birth-order`, valuePositiveInt: 1 }] }; }),
    options: FHIR,
    clean: ['FHIR-EXT-CONTEXT'],
  },
  {
    name: 'FHIR-EXT-MODIFIER : extension modificatrice inconnue (ne peut pas être ignorée)',
    input: () => mutate(patient(), (p) => { p.modifierExtension = [{ url: 'https://example.org/fhir/StructureDefinition/identite-contestee', valueBoolean: true }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-MODIFIER', path: 'Patient.modifierExtension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-MODIFIER : extension non modificatrice (birthPlace) placée dans modifierExtension',
    input: () => mutate(patient(), (p) => { p.modifierExtension = [{ url: BIRTH_PLACE, valueAddress: { city: 'Clermont-Ferrand' } }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-MODIFIER', path: 'Patient.modifierExtension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-MODIFIER : extension modificatrice (request-doNotPerform) placée dans extension',
    input: () => nutritionOrder('extension'),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-MODIFIER', path: 'NutritionOrder.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-MODIFIER (positif) : request-doNotPerform dans modifierExtension',
    input: () => nutritionOrder('modifierExtension'),
    options: FHIR,
    clean: ['FHIR-EXT-MODIFIER', 'FHIR-EXT-CONTEXT', 'FHIR-EXT-UNKNOWN'],
  },
  {
    name: 'FHIR-EXT-URL : extension sans url',
    input: () => mutate(patient(), (p) => { p.extension = [{ valueBoolean: true }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-URL', path: 'Patient.extension[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-URL : url relative hors d’une extension complexe',
    input: () => mutate(patient(), (p) => { p.extension = [{ url: 'nationalite', valueCode: 'FR' }]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-EXT-URL', path: 'Patient.extension[0].url', severity: 'error' }],
  },
  {
    name: 'FHIR-EXT-URL (positif) : url relative d’une sous-extension d’extension complexe',
    input: () => mutate(patient(), (p) => {
      p.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-nationality', extension: [{ url: 'code', valueCodeableConcept: { text: 'française' } }] }];
    }),
    options: FHIR,
    clean: ['FHIR-EXT-URL', 'FHIR-EXT-UNKNOWN'],
  },

  // --- reference format and types ----------------------------------------------------------------------
  {
    name: 'FHIR-REF-FORMAT : référence avec une espace, et type de ressource en minuscules',
    input: () => mutate(patient(), (p) => {
      p.managingOrganization = { reference: 'Organization/org 1' };
      p.generalPractitioner = [{ reference: 'practitioner/1' }];
    }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-REF-FORMAT', path: 'Patient.managingOrganization.reference', severity: 'error' },
      { ruleId: 'FHIR-REF-FORMAT', path: 'Patient.generalPractitioner[0].reference', severity: 'error' },
    ],
  },
  {
    name: 'FHIR-REF-FORMAT (positif) : relative, absolue, urn:uuid, locale',
    input: () => mutate(patient(), (p) => {
      p.contained = [organization({ id: 'o1' })];
      p.managingOrganization = { reference: '#o1' };
      p.generalPractitioner = [
        { reference: 'Practitioner/pr-1' },
        { reference: 'https://annuaire.example.fr/fhir/Practitioner/pr-2/_history/3' },
        { reference: u(7) },
      ];
    }),
    options: FHIR,
    clean: ['FHIR-REF-FORMAT'],
  },
  {
    name: 'FHIR-REF-TYPE : type lu dans la référence (Practitioner au lieu d’Organization)',
    input: () => mutate(patient(), (p) => { p.managingOrganization = { reference: 'Practitioner/pr-1' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-TYPE', path: 'Patient.managingOrganization.reference', severity: 'error' }],
  },
  {
    name: 'FHIR-REF-TYPE : type donné par Reference.type (référence logique)',
    input: () => mutate(patient(), (p) => { p.managingOrganization = { type: 'Practitioner', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '10003' } }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-TYPE', path: 'Patient.managingOrganization.type', severity: 'error' }],
  },
  {
    name: 'FHIR-REF-TYPE : type de la cible résolue dans le Bundle (urn:uuid vers un Practitioner)',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: u(2) }; }) },
      { fullUrl: u(2), resource: practitioner() },
    ),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-TYPE', path: 'Bundle.entry[0].resource.managingOrganization.reference', severity: 'error' }],
  },
  {
    name: 'FHIR-REF-TYPE : sujet TDDUI (tddui-patient | tddui-patient-ins) désignant une RelatedPerson',
    needsSpec: true,
    input: changed(REPAS, (o) => { o.subject = { reference: 'RelatedPerson/tddui-related-person-contact-example' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-TYPE', path: 'Observation.subject.reference', severity: 'error' }],
  },
  {
    name: 'FHIR-REF-TYPE (positif) : cible résolue du bon type',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: u(2) }; }) },
      { fullUrl: u(2), resource: organization() },
    ),
    options: FHIR,
    clean: ['FHIR-REF-TYPE', 'FHIR-REF-UNRESOLVED'],
  },

  // --- target profiles -------------------------------------------------------------------------------
  {
    name: 'FHIR-REF-PROFILE : sujet d’un repas résolu vers un Patient non conforme à tddui-patient ni tddui-patient-ins',
    needsSpec: true,
    input: () => repasWithSubject(patient()),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-PROFILE', path: 'Bundle.entry[0].resource.subject.reference', severity: 'error' }],
    clean: ['FHIR-REF-TYPE', 'FHIR-REF-UNRESOLVED'],
  },
  {
    name: 'FHIR-REF-PROFILE (positif) : sujet résolu vers l’exemple officiel tddui-patient-ins',
    needsSpec: true,
    input: () => repasWithSubject(example('Patient-tddui-patient-ins-example.json')),
    options: FHIR,
    clean: ['FHIR-REF-PROFILE', 'FHIR-REF-UNRESOLVED'],
  },
  {
    // The slice performer:referentScolaire narrows the targets to tddui-related-person-contact.
    name: 'FHIR-REF-PROFILE : référent scolaire (tranche type@resolve()) résolu vers une RelatedPerson sans identifiant',
    needsSpec: true,
    input: () => collection(
      { fullUrl: u(1), resource: mutate(example<Json>(PERIODE), (o) => { o.performer = [{ reference: u(2) }]; }) },
      { fullUrl: u(2), resource: mutate(example<Json>('RelatedPerson-tddui-related-person-contact-example.json'), (r) => { delete r.meta; delete r.identifier; }) },
    ),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-PROFILE', path: 'Bundle.entry[0].resource.performer[0].reference', severity: 'error' }],
    clean: ['FHIR-SLICE-NO-MATCH'],
  },
  {
    name: 'FHIR-REF-PROFILE (positif) : référent scolaire résolu vers l’exemple officiel tddui-related-person-contact',
    needsSpec: true,
    input: () => collection(
      { fullUrl: u(1), resource: mutate(example<Json>(PERIODE), (o) => { o.performer = [{ reference: u(2) }]; }) },
      { fullUrl: u(2), resource: mutate(example<Json>('RelatedPerson-tddui-related-person-contact-example.json'), (r) => { delete r.meta; }) },
    ),
    options: FHIR,
    clean: ['FHIR-REF-PROFILE', 'FHIR-SLICE-NO-MATCH', 'FHIR-CARD-MIN'],
  },

  // --- resolution in a Bundle ----------------------------------------------------------------------------
  {
    name: 'FHIR-REF-UNRESOLVED : urn:uuid absent du Bundle (information)',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: u(3) }; }) },
      { fullUrl: u(2), resource: organization() },
    ),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-UNRESOLVED', path: 'Bundle.entry[0].resource.managingOrganization.reference', severity: 'information' }],
  },
  {
    name: 'FHIR-REF-UNRESOLVED : référence relative sans entrée correspondante (ni base, ni Type/id)',
    input: () => collection(
      { fullUrl: 'https://dui.example.fr/fhir/Patient/p1', resource: mutate(patient(), (p) => { p.id = 'p1'; p.managingOrganization = { reference: 'Organization/o9' }; }) },
      { fullUrl: 'https://dui.example.fr/fhir/Organization/o1', resource: organization({ id: 'o1' }) },
    ),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-REF-UNRESOLVED', path: 'Bundle.entry[0].resource.managingOrganization.reference', severity: 'information' }],
  },
  {
    name: 'résolution par fullUrl urn:uuid (positif)',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: u(2) }; }) },
      { fullUrl: u(2), resource: organization() },
    ),
    options: FHIR,
    clean: ['FHIR-REF-UNRESOLVED', 'FHIR-REF-TYPE'],
  },
  {
    name: 'résolution par la base RESTful du fullUrl de l’entrée + référence relative (positif)',
    input: () => collection(
      { fullUrl: 'https://dui.example.fr/fhir/Patient/p1', resource: mutate(patient(), (p) => { p.id = 'p1'; p.managingOrganization = { reference: 'Organization/o1' }; }) },
      { fullUrl: 'https://dui.example.fr/fhir/Organization/o1', resource: organization({ id: 'o1' }) },
    ),
    options: FHIR,
    clean: ['FHIR-REF-UNRESOLVED', 'FHIR-REF-TYPE'],
  },
  {
    name: 'résolution par Type/id d’une entrée à fullUrl urn:uuid (positif)',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: 'Organization/o1' }; }) },
      { fullUrl: u(2), resource: organization({ id: 'o1' }) },
    ),
    options: FHIR,
    clean: ['FHIR-REF-UNRESOLVED', 'FHIR-REF-TYPE'],
  },
  {
    name: 'résolution d’une référence absolue vers le fullUrl d’une autre entrée (positif)',
    input: () => collection(
      { fullUrl: u(1), resource: mutate(patient(), (p) => { p.managingOrganization = { reference: 'https://annuaire.example.fr/fhir/Organization/o1' }; }) },
      { fullUrl: 'https://annuaire.example.fr/fhir/Organization/o1', resource: organization({ id: 'o1' }) },
    ),
    options: FHIR,
    clean: ['FHIR-REF-UNRESOLVED', 'FHIR-REF-TYPE'],
  },
];
