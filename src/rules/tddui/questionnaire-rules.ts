/** TDDUI evaluations answer one of the four questionnaires the guide publishes. */
import { tdduiEntryProfiles } from './entry-profiles.js';
import { inputResources, type CheckRule } from '../rule.js';
import { profilePage } from './spec-links.js';

export const TDDUI_QUESTIONNAIRES = [
  'tddui-questionnaire-aggir-pa-ssiad',
  'tddui-questionnaire-aggir-ph-ssiad',
  'tddui-questionnaire-serafin',
  'tddui-questionnaire-situation-ssiad',
].map((id) => `https://interop.esante.gouv.fr/ig/fhir/tddui/Questionnaire/${id}`);

export const QUESTIONNAIRE_RULES: CheckRule[] = [
  {
    id: 'TDDUI-QR-001', category: 'évaluations', severity: 'error', specUrl: profilePage('tddui-questionnaire-response'),
    message: { fr: 'L’évaluation répond au questionnaire {questionnaire}, qui n’est pas un des quatre questionnaires TDDUI', en: 'The assessment answers questionnaire {questionnaire}, not one of the four TDDUI questionnaires' },
    hint: { fr: 'Questionnaires attendus : AGGIR PA, AGGIR PH, SERAFIN, situation SSIAD.', en: 'Expected questionnaires: AGGIR PA, AGGIR PH, SERAFIN, SSIAD situation.' },
    check(ctx) {
      if (!tdduiEntryProfiles(ctx.definitions).some((p) => p.type === 'QuestionnaireResponse')) return;
      for (const r of inputResources(ctx)) {
        const q = r.resource.questionnaire;
        if (r.resource.resourceType !== 'QuestionnaireResponse' || typeof q !== 'string') continue;
        if (!TDDUI_QUESTIONNAIRES.includes(q.split('|')[0])) ctx.report(this.id, `${r.path}.questionnaire`, { questionnaire: q });
      }
    },
  },
];
