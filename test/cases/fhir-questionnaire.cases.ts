/**
 * FHIR engine — QuestionnaireResponse against its Questionnaire (http://hl7.org/fhir/R4/questionnaireresponse.html),
 * on the official TDDUI responses and the four published Questionnaires (SERAFIN-PH, AGGIR PA and PH, situation
 * SSIAD). The published Questionnaires have no required item and no group: "required item missing once completed"
 * and "answer to a group" use a Questionnaire contained in the response (`questionnaire: "#id"`), and a test-only
 * packaged one in test/validation/test-definitions.test.ts.
 */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';

const FHIR = { tddui: false };
const Q = 'https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/';
const CISIS = 'https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis';

type Json = Record<string, any>;
const SERAFIN = 'QuestionnaireResponse-tddui-questionnaire-response-serafin-precision-example.json';
const SERAFIN_SANS = 'QuestionnaireResponse-tddui-questionnaire-response-serafin-sans-precision-example.json';
const AGGIR_PA = 'QuestionnaireResponse-tddui-questionnaire-response-aggir-pa-example.json';
const AGGIR_PA_PP = 'QuestionnaireResponse-tddui-pp-pa-questionnaire-response-aggir-pa-example.json';
const AGGIR_PH = 'QuestionnaireResponse-tddui-questionnaire-response-aggir-ph-example.json';
const SITUATION = 'QuestionnaireResponse-tddui-questionnaire-response-situation-ssiad-example.json';
const QR_RULES = ['FHIR-QR-QUESTIONNAIRE', 'FHIR-QR-ITEM', 'FHIR-QR-ANSWER'];

const changed = (file: string, change: (r: Json) => void) => () => mutate(example<Json>(file), change);

/** A response to a contained Questionnaire: a required group "identite" (required "nom", repeating "prenoms"), a "commentaire". */
function withContained(status: string, item: Json[]): Json {
  return {
    resourceType: 'QuestionnaireResponse',
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Fiche usager</div>' },
    contained: [{
      resourceType: 'Questionnaire',
      id: 'fiche',
      name: 'FicheUsager',
      status: 'active',
      item: [
        {
          linkId: 'identite', type: 'group', required: true,
          item: [{ linkId: 'nom', type: 'string', required: true }, { linkId: 'prenoms', type: 'string', repeats: true }],
        },
        { linkId: 'commentaire', type: 'text' },
      ],
    }],
    questionnaire: '#fiche',
    status,
    item,
  };
}
const NOM = { linkId: 'nom', answer: [{ valueString: 'Martin' }] };

const officialClean = (file: string): Case => ({
  name: `FHIR-QR-* (positif) : exemple officiel ${file.replace(/^QuestionnaireResponse-|\.json$/g, '')}`,
  needsSpec: true,
  input: () => example(file),
  options: FHIR,
  clean: QR_RULES,
});

export const FHIR_QUESTIONNAIRE_CASES: Case[] = [
  ...[SERAFIN, SERAFIN_SANS, AGGIR_PA, AGGIR_PA_PP, AGGIR_PH, SITUATION].map(officialClean),

  // --- questionnaire ---------------------------------------------------------------------------------
  {
    name: 'FHIR-QR-QUESTIONNAIRE : questionnaire inconnu (réponses non vérifiées)',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.questionnaire = `${Q}tddui-questionnaire-serafin-ph`; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-QUESTIONNAIRE', path: 'QuestionnaireResponse.questionnaire', severity: 'warning' }],
    clean: ['FHIR-QR-ITEM', 'FHIR-QR-ANSWER'],
  },
  {
    name: 'FHIR-QR-QUESTIONNAIRE (positif) : questionnaire connu, désigné avec sa version',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.questionnaire = `${Q}tddui-questionnaire-serafin|2.4.0-ballot`; }),
    options: FHIR,
    clean: QR_RULES,
  },

  // --- items ---------------------------------------------------------------------------------------
  {
    name: 'FHIR-QR-ITEM : linkId absent du questionnaire',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.item[1].linkId = 'besoin-entretien-perso'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse.item[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ITEM : item imbriqué (pensee-spont) placé au premier niveau',
    needsSpec: true,
    input: changed(AGGIR_PA, (qr) => { qr.item.push({ linkId: 'pensee-spont', answer: [{ valueBoolean: true }] }); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse.item[1]', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ITEM : item non répétable présent deux fois',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.item.push(structuredClone(qr.item[0])); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: `QuestionnaireResponse.item[4]`, severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ITEM : item imbriqué non répétable présent deux fois sous une réponse',
    needsSpec: true,
    input: changed(AGGIR_PH, (qr) => {
      const nested = qr.item[0].answer[0].item;
      nested.push(structuredClone(nested[0]));
    }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse.item[0].answer[0].item[10]', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ITEM (positif) : items connus, chacun une fois, à leur niveau',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.item.push({ linkId: 'besoin-douleur', answer: [{ valueInteger: 12 }] }); }),
    options: FHIR,
    clean: ['FHIR-QR-ITEM'],
  },

  // --- answers -------------------------------------------------------------------------------------
  {
    name: 'FHIR-QR-ANSWER : réponse texte à une question de type integer',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.item[0].answer[0] = { valueString: '31' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0].valueString', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ANSWER : réponse décimale à une question de type boolean',
    needsSpec: true,
    input: changed(SITUATION, (qr) => { qr.item[0].answer[0] = { valueDecimal: 0 }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0].valueDecimal', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ANSWER : GIR hors des options de réponse',
    needsSpec: true,
    input: changed(AGGIR_PA, (qr) => { qr.item[0].answer[0].valueCoding = { system: CISIS, code: 'MED-345', display: 'GIR-7' }; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0].valueCoding', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ANSWER : code d’une question imbriquée hors de ses options (qf9)',
    needsSpec: true,
    input: changed(AGGIR_PA, (qr) => { qr.item[0].answer[0].item[0].answer[0].valueCoding.code = 'qf9'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0].item[0].answer[0].valueCoding', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-ANSWER : deux réponses à une question non répétable',
    needsSpec: true,
    input: changed(SERAFIN, (qr) => { qr.item[0].answer.push({ valueInteger: 12 }); }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[1]', severity: 'error' }],
  },
  // --- contained Questionnaire: required items and a group ------------------------------------------------------
  {
    name: 'FHIR-QR-* (positif) : réponse complète à un questionnaire contenu (#fiche), question répétable à deux réponses',
    input: () => withContained('completed', [{ linkId: 'identite', item: [NOM, { linkId: 'prenoms', answer: [{ valueString: 'Claire' }, { valueString: 'Anne' }] }] }]),
    options: FHIR,
    clean: [...QR_RULES, 'FHIR-INV-dom-3'],
  },
  {
    name: 'FHIR-QR-ITEM : groupe obligatoire absent d’une réponse completed (questionnaire contenu)',
    input: () => withContained('completed', [{ linkId: 'commentaire', answer: [{ valueString: 'RAS' }] }]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse', severity: 'error', params: { linkId: 'identite' } }],
  },
  {
    name: 'FHIR-QR-ITEM : question obligatoire absente d’un groupe présent, réponse completed',
    input: () => withContained('completed', [{ linkId: 'identite', item: [{ linkId: 'prenoms', answer: [{ valueString: 'Claire' }] }] }]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ITEM', path: 'QuestionnaireResponse.item[0]', severity: 'error', params: { linkId: 'nom' } }],
  },
  {
    name: 'FHIR-QR-ITEM (positif) : items obligatoires absents d’une réponse in-progress',
    input: () => withContained('in-progress', [{ linkId: 'commentaire', answer: [{ valueString: 'RAS' }] }]),
    options: FHIR,
    clean: ['FHIR-QR-ITEM'],
  },
  {
    name: 'FHIR-QR-ANSWER : réponse portée par un groupe',
    input: () => withContained('completed', [{ linkId: 'identite', answer: [{ valueString: 'Martin Claire' }], item: [NOM] }]),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-ANSWER', path: 'QuestionnaireResponse.item[0].answer[0]', severity: 'error' }],
  },
  {
    name: 'FHIR-QR-QUESTIONNAIRE : questionnaire contenu désigné par un id absent',
    input: () => mutate(withContained('completed', []), (qr) => { qr.questionnaire = '#fiche-2'; }),
    options: FHIR,
    fires: [{ ruleId: 'FHIR-QR-QUESTIONNAIRE', path: 'QuestionnaireResponse.questionnaire', severity: 'warning' }],
  },
  {
    name: 'FHIR-QR-ANSWER (positif) : option de réponse GIR-1 (même système et code, libellé différent)',
    needsSpec: true,
    input: changed(AGGIR_PA, (qr) => { qr.item[0].answer[0].valueCoding = { system: CISIS, code: 'MED-339', display: 'GIR 1' }; }),
    options: FHIR,
    clean: ['FHIR-QR-ANSWER'],
  },
];
