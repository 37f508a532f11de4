/** Date coherence (TDDUI-COH-*) and the questionnaire rule (TDDUI-QR-001), on the official SSIAD Bundle. */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';

type B = { entry: { resource: Record<string, any> }[] };
const SSIAD = () => example('Bundle-tddui-bundle-example.json') as B;
const COHERENCE = ['TDDUI-COH-001', 'TDDUI-COH-002', 'TDDUI-COH-003', 'TDDUI-COH-004', 'TDDUI-COH-005', 'TDDUI-COH-006'];

export const COHERENCE_CASES: Case[] = [
  {
    name: 'Cohérence : l’exemple SSIAD officiel est cohérent',
    needsSpec: true,
    input: SSIAD,
    clean: COHERENCE,
  },
  {
    name: 'TDDUI-COH-001 : séjour commencé avant la naissance',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[0].resource.birthDate = '2024-01-01'; }),
    fires: [{ ruleId: 'TDDUI-COH-001', path: 'Bundle.entry[2].resource.period.start', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-002 : événement commencé avant son séjour',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[3].resource.period.start = '2023-04-13T10:30:00+02:00'; }),
    fires: [{ ruleId: 'TDDUI-COH-002', path: 'Bundle.entry[3].resource.period.start', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-002 : événement fini après la fin du séjour',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[2].resource.period.end = '2023-04-14T11:00:00+02:00'; }),
    fires: [{ ruleId: 'TDDUI-COH-002', path: 'Bundle.entry[3].resource.period.end', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-003 : décès avant la naissance',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[0].resource.deceasedDateTime = '1940-01-01'; }),
    fires: [{ ruleId: 'TDDUI-COH-003', path: 'Bundle.entry[0].resource.deceasedDateTime', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-004 : repas pris après le décès',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[0].resource.deceasedDateTime = '2024-06-01T10:00:00+02:00'; }),
    fires: [{ ruleId: 'TDDUI-COH-004', path: 'Bundle.entry[8].resource.effectiveDateTime', severity: 'warning' }],
    clean: ['TDDUI-COH-003'],
  },
  {
    name: 'TDDUI-COH-005 : fin prévue du séjour avant son début prévu',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => {
      b.entry[2].resource.extension.push({ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Encounter.plannedStartDate', valueDateTime: '2099-01-01' });
    }),
    fires: [{ ruleId: 'TDDUI-COH-005', path: 'Bundle.entry[2].resource.extension', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-005 : droit ouvert après son échéance (décision CDAPH)',
    needsSpec: true,
    input: () => mutate(example<Record<string, any>>('Basic-tddui-basic-decision-example.json'), (d) => {
      const droit = d.extension[0].extension.find((x: any) => x.url === 'droitPrestation');
      droit.extension.find((x: any) => x.url === 'dateOuverture').valueDate = '2030-01-01';
    }),
    fires: [{ ruleId: 'TDDUI-COH-005', path: 'Basic.extension[0].extension[3]', severity: 'error' }],
  },
  {
    name: 'TDDUI-COH-006 : transport terminé après l’événement',
    needsSpec: true,
    input: () => mutate(SSIAD(), (b) => { b.entry[7].resource.executionPeriod.end = '2023-04-14T12:00:00+02:00'; }),
    fires: [{ ruleId: 'TDDUI-COH-006', path: 'Bundle.entry[7].resource.executionPeriod.end', severity: 'warning' }],
  },
  {
    name: 'TDDUI-QR-001 : évaluation d’un questionnaire étranger à TDDUI',
    needsSpec: true,
    input: () => mutate(example<Record<string, any>>('QuestionnaireResponse-tddui-questionnaire-response-situation-ssiad-example.json'), (q) => {
      q.questionnaire = 'https://example.org/Questionnaire/autre';
    }),
    fires: [{ ruleId: 'TDDUI-QR-001', path: 'QuestionnaireResponse.questionnaire', severity: 'error' }],
  },
  {
    name: 'TDDUI-QR-001 : les évaluations officielles répondent aux questionnaires TDDUI',
    needsSpec: true,
    input: () => example('QuestionnaireResponse-tddui-questionnaire-response-aggir-pa-example.json'),
    clean: ['TDDUI-QR-001', 'FHIR-QR-QUESTIONNAIRE', 'FHIR-QR-ITEM', 'FHIR-QR-ANSWER'],
  },
];
