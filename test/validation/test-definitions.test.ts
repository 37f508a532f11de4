/**
 * Engine behaviours the published profiles cannot show, on test-only definitions (test/support/test-definitions.ts):
 * an invariant whose expression fails (FHIR-INV-ERROR), openAtEnd and exists slicings, a profile@resource slice
 * with a minimum, a discriminator the slice does not fix, a maxLength on an element, and a Questionnaire with
 * required items and a group. Same case shape as the tables (rule id + exact path + severity, and clean ids).
 */
import type { CompiledSlicing } from '../../src/definitions/compiled-types.js';
import type { Case } from '../cases/case.js';
import { mutate } from '../cases/case.js';
import { minimalBundle } from '../cases/tddui-bundle.cases.js';
import { expectFinding, expectNoFinding } from '../support/assertions.js';
import { example, specAvailable } from '../support/context.js';
import { checkerWith, checkWith, deriveProfile, testProfileUrl, testQuestionnaire } from '../support/test-definitions.js';

const FHIR = { tddui: false };
const CORE_SD = 'http://hl7.org/fhir/StructureDefinition/';
const TDDUI_SD = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';
const NARRATIVE = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Test</div>' };
type Json = Record<string, any>;

// --- test-only definitions ----------------------------------------------------------------------------

/** Core Patient + three invariants on the root: one that evaluates, one that fails at run time, one that does not parse. */
const PATIENT_INVARIANTS = deriveProfile(CORE_SD + 'Patient', 'patient-invariants', (els) => {
  const root = els.get('Patient');
  const source = testProfileUrl('patient-invariants');
  root.constraints = [
    ...(root.constraints ?? []),
    { key: 'test-majuscule', severity: 'error', expression: "name.family.exists() implies name.family.matches('^[A-Z]')", source },
    // matches() needs a single string: a Patient with two given names makes the evaluation fail.
    { key: 'test-collection', severity: 'error', expression: "name.given.matches('^[A-Z]')", source },
    { key: 'test-syntaxe', severity: 'error', expression: 'name.where(family = ', source },
  ];
  els.get('Patient.gender').maxLength = 4;
});

/** tddui-observation-repas with its identifier slicing changed: openAtEnd, exists@type, pattern@value (not fixed by the slice). */
const repasVariant = (id: string, change: (slicing: CompiledSlicing) => void) =>
  deriveProfile(TDDUI_SD + 'tddui-observation-repas', id, (els) => change(els.get('Observation.identifier').slicing!));
const REPAS_OPEN_AT_END = repasVariant('repas-open-at-end', (s) => { s.rules = 'openAtEnd'; });
const REPAS_EXISTS = repasVariant('repas-exists', (s) => { s.discriminators = [{ type: 'exists', path: 'type' }]; });
const REPAS_UNFIXED = repasVariant('repas-unfixed', (s) => { s.discriminators = [{ type: 'pattern', path: 'value' }]; });

/** tddui-bundle with at least one entry of the DUIPatient slice (profile@resource). */
const BUNDLE_WITH_PATIENT = deriveProfile(TDDUI_SD + 'tddui-bundle', 'bundle-avec-usager', (els) => {
  els.get('Bundle.entry:DUIPatient').min = 1;
});

const QUESTIONNAIRE = testQuestionnaire('fiche-usager', [
  {
    linkId: 'identite',
    type: 'group',
    required: true,
    items: [
      { linkId: 'nom', type: 'string', required: true },
      { linkId: 'prenoms', type: 'string', repeats: true },
    ],
  },
  { linkId: 'commentaire', type: 'text' },
]);

const checker = checkerWith([PATIENT_INVARIANTS, REPAS_OPEN_AT_END, REPAS_EXISTS, REPAS_UNFIXED, BUNDLE_WITH_PATIENT, QUESTIONNAIRE]);

// --- inputs ----------------------------------------------------------------------------------------

const patient = (name: Json, extra: Json = {}): Json => ({
  resourceType: 'Patient',
  meta: { profile: [PATIENT_INVARIANTS.url] },
  text: NARRATIVE,
  name: [name],
  ...extra,
});

const repas = (profile: string, change: (o: Json) => void) => () => mutate(example<Json>('Observation-tddui-observation-repas-example.json'), (o) => {
  o.meta.profile = [profile];
  change(o);
});
const OTHER_ID = { system: 'https://example.org/identifiants-locaux', value: 'R-12' };

const response = (status: string, item: Json[]): Json => ({
  resourceType: 'QuestionnaireResponse',
  text: NARRATIVE,
  questionnaire: QUESTIONNAIRE.url,
  status,
  item,
});
const identite = (...item: Json[]) => ({ linkId: 'identite', item });
const nom = { linkId: 'nom', answer: [{ valueString: 'Martin' }] };

const CASES: Case[] = [
  // --- invariants ---------------------------------------------------------------------------------
  {
    name: 'FHIR-INV-ERROR : expression qui échoue à l’évaluation (matches() sur deux prénoms)',
    input: patient({ family: 'Martin', given: ['Claire', 'Anne'] }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ERROR', path: 'Patient', severity: 'warning', params: { key: 'test-collection' } }],
  },
  {
    name: 'FHIR-INV-ERROR : expression qui ne se compile pas',
    input: patient({ family: 'Martin', given: ['Claire'] }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-ERROR', path: 'Patient', severity: 'warning', params: { key: 'test-syntaxe' } }],
  },
  {
    name: 'invariant de profil évalué par fhirpath.js : nom de famille en minuscules',
    input: patient({ family: 'martin', given: ['Claire'] }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-INV-test-majuscule', path: 'Patient', severity: 'error' }],
  },
  {
    name: 'invariant de profil (positif) : nom de famille en majuscule initiale',
    input: patient({ family: 'Martin', given: ['Claire'] }),
    options: FHIR,
    clean: ['FHIR-INV-test-majuscule', 'FHIR-INV-test-collection'],
  },

  // --- maxLength on an element ------------------------------------------------------------------------
  {
    name: 'FHIR-PRIM-LENGTH : maxLength porté par l’élément (gender ≤ 4)',
    input: patient({ family: 'Martin', given: ['Claire'] }, { gender: 'female' }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-PRIM-LENGTH', path: 'Patient.gender', severity: 'error', params: { length: 6, max: 4 } }],
  },
  {
    name: 'FHIR-PRIM-LENGTH (positif) : longueur au maximum',
    input: patient({ family: 'Martin', given: ['Claire'] }, { gender: 'male' }),
    options: FHIR,
    clean: ['FHIR-PRIM-LENGTH'],
  },

  // --- slicing ---------------------------------------------------------------------------------------
  {
    name: 'FHIR-SLICE-ORDER : découpage openAtEnd, occurrence hors tranche avant la tranche idRepas',
    needsSpec: true,
    input: repas(REPAS_OPEN_AT_END.url, (o) => { o.identifier.unshift(OTHER_ID); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-ORDER', path: 'Observation.identifier[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-SLICE-ORDER (positif) : openAtEnd, occurrence hors tranche à la fin',
    needsSpec: true,
    input: repas(REPAS_OPEN_AT_END.url, (o) => { o.identifier.push(OTHER_ID); }),
    options: FHIR,
    clean: ['FHIR-SLICE-ORDER', 'FHIR-CARD-MIN'],
  },
  {
    name: 'discriminateur exists@type : identifiant sans type, tranche idRepas (type 1..1) vide',
    needsSpec: true,
    input: repas(REPAS_EXISTS.url, (o) => { delete o.identifier[0].type; }),
    options: FHIR,
    fires: [
      { ruleId: 'FHIR-CARD-MIN', path: 'Observation.identifier', severity: 'error', params: { element: 'identifier:idRepas' } },
      { ruleId: 'FHIR-SLICE-NO-MATCH', path: 'Observation.identifier[0]', severity: 'information' },
    ],
  },
  {
    name: 'discriminateur exists@type (positif) : identifiant typé',
    needsSpec: true,
    input: repas(REPAS_EXISTS.url, () => {}),
    options: FHIR,
    clean: ['FHIR-CARD-MIN', 'FHIR-SLICE-NO-MATCH', 'FHIR-SLICE-UNEVALUABLE'],
  },
  {
    name: 'FHIR-SLICE-UNEVALUABLE : discriminateur pattern@value que la tranche ne fixe pas (avertissement)',
    needsSpec: true,
    input: repas(REPAS_UNFIXED.url, () => {}),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-SLICE-UNEVALUABLE', path: 'Observation.identifier[0]', severity: 'warning' }],
  },
  {
    name: 'discriminateur profile@resource : aucune entrée conforme à tddui-patient (tranche DUIPatient 1..*)',
    input: () => mutate(minimalBundle(), (b) => { b.meta.profile = [BUNDLE_WITH_PATIENT.url]; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-CARD-MIN', path: 'Bundle.entry', severity: 'error', params: { element: 'entry:DUIPatient' } }],
  },
  {
    name: 'discriminateur profile@resource (positif) : une entrée conforme à tddui-patient',
    needsSpec: true,
    input: () => mutate(minimalBundle(), (b) => {
      b.meta.profile = [BUNDLE_WITH_PATIENT.url];
      b.entry.push({ fullUrl: 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a09', resource: example('Patient-tddui-patient-example.json'), request: { method: 'POST', url: 'Patient' } });
    }),
    options: FHIR,
    clean: ['FHIR-CARD-MIN'],
  },

  // --- questionnaire with required items and a group ---------------------------------------------------
  {
    name: 'FHIR-QR-ITEM : groupe obligatoire absent d’une réponse completed',
    input: response('completed', [{ linkId: 'commentaire', answer: [{ valueString: 'RAS' }] }]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse', severity: 'error', params: { linkId: 'identite' } }],
  },
  {
    name: 'FHIR-QR-ITEM : question obligatoire absente d’un groupe, réponse completed',
    input: response('completed', [identite({ linkId: 'prenoms', answer: [{ valueString: 'Claire' }] })]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse.item[0]', severity: 'error', params: { linkId: 'nom' } }],
  },
  {
    name: 'FHIR-QR-ITEM (positif) : items obligatoires absents d’une réponse in-progress',
    input: response('in-progress', [{ linkId: 'commentaire', answer: [{ valueString: 'RAS' }] }]),
    options: FHIR,
    clean: ['FHIR-QR-ITEM'],
  },
  {
    name: 'FHIR-QR-ITEM / -ANSWER (positif) : réponse completed complète, question répétable à deux réponses',
    input: response('completed', [identite(nom, { linkId: 'prenoms', answer: [{ valueString: 'Claire' }, { valueString: 'Anne' }] })]),
    options: FHIR,
    clean: ['FHIR-QR-ITEM', 'FHIR-QR-ANSWER', 'FHIR-QR-QUESTIONNAIRE'],
  },
  {
    name: 'FHIR-QR-ANSWER : réponse portée par un groupe',
    input: response('completed', [{ ...identite(nom), answer: [{ valueString: 'Martin Claire' }] }]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0]', severity: 'error' }],
  },
];

describe('moteur FHIR : définitions de test (profils, invariants et questionnaire propres aux tests)', () => {
  for (const c of CASES) {
    it(c.name, function () {
      if (c.needsSpec && !specAvailable()) {
        console.log('      (../shared/spec absent : cas ignoré)');
        this.skip();
      }
      const input = typeof c.input === 'function' ? (c.input as () => unknown)() : c.input;
      const findings = checkWith(checker, input, c.options);
      for (const e of c.fires ?? []) expectFinding(findings, e);
      for (const id of c.clean ?? []) expectNoFinding(findings, id);
    });
  }
});
