/**
 * SERAFIN-PH personalised plan (UC2): the plan with its consent and entry document, expectations, needs,
 * objectives answering the needs, an action per objective with its means and service, a review, and the
 * assessment (AGGIR PA for elderly people, SERAFIN-PH otherwise).
 */
import { dateTime, formatDay } from '../calendar.js';
import { VS } from '../codes.js';
import type { JsonObject } from '../../validation/json-values.js';
import { add, cc, discriminator, ext, input, meta, nextBusinessId, ref, type DatasetContext, type UsagerContext } from './common.js';
import { evaluation, QUESTIONNAIRES } from './ssiad.js';

/** A few bytes of PDF header: the bench checks structure, not documents. */
const PDF_STUB = Buffer.from('%PDF-1.4\n% tddui-bench\n').toString('base64');

const NEEDS = [
  'Besoin d’aide pour la mobilité et les déplacements',
  'Besoin d’aide pour l’entretien personnel',
  'Besoin de soutien dans les relations avec autrui',
  'Besoin d’accompagnement pour la santé somatique',
  'Besoin d’aide pour la participation sociale',
];
const OBJECTIVES = [
  'Réduire le risque de chute en six mois',
  'Gagner en autonomie pour la toilette',
  'Participer à une activité collective par semaine',
  'Stabiliser le suivi médical',
  'Maintenir le lien avec la famille',
];

export function document(ctx: DatasetContext, u: UsagerContext, title: string): string {
  const id = nextBusinessId(u, ctx, 'DOC');
  return add(u, ctx, 'tddui-document-reference', {
    resourceType: 'DocumentReference',
    meta: meta('tddui-document-reference'),
    masterIdentifier: { value: id },
    status: 'current',
    subject: ref(u.patient),
    author: [ref(ctx.essms.fullUrl)],
    content: [{ attachment: { contentType: 'application/pdf', language: 'fr', data: PDF_STUB, title } }],
  }, id);
}

export function projetPersonnalise(ctx: DatasetContext, u: UsagerContext): void {
  const startDay = u.historyStart;
  const staff = ctx.rng.pick(ctx.staff);
  const doc = document(ctx, u, 'projet-personnalise.pdf');
  const consent = add(u, ctx, 'tddui-consent-accord', {
    resourceType: 'Consent',
    meta: meta('tddui-consent-accord'),
    status: 'active',
    scope: cc({ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }),
    category: [cc({ system: 'http://loinc.org', code: '59284-0' })],
    dateTime: dateTime(startDay, 9 * 60),
    performer: [ref(staff.practitioner.fullUrl)],
    policy: [{ authority: 'https://www.cnsa.fr/' }],
  });
  const planId = nextBusinessId(u, ctx, 'PPER');
  const plan = add(u, ctx, 'tddui-careplan-projet-personnalise', {
    resourceType: 'CarePlan',
    meta: meta('tddui-careplan-projet-personnalise'),
    extension: [ext('tddui-attachment', { valueReference: ref(doc) })],
    identifier: [{ system: 'https://identifiant-medicosocial-projetpersonnalise.esante.gouv.fr', value: planId }],
    status: 'active',
    intent: 'plan',
    category: [cc(ctx.codes.pick(VS.carePlanType))],
    title: `Projet personnalisé de ${u.identity.givenNames[0]} ${u.identity.family}`,
    subject: ref(u.patient),
    period: { start: formatDay(startDay) },
    supportingInfo: [{ extension: [discriminator('accordStructure')], reference: consent }],
  }, planId);
  u.carePlan = plan;

  for (const origin of ctx.rng.chance(0.5) ? ['Usager', 'Famille'] : ['Usager']) {
    const id = nextBusinessId(u, ctx, 'ATTE');
    add(u, ctx, 'tddui-goal-attente', {
      resourceType: 'Goal',
      meta: meta('tddui-goal-attente'),
      extension: [ext('tddui-careplan-reference', { valueReference: ref(plan) })],
      identifier: [{ system: 'https://identifiant-medicosocial-attente.esante.gouv.fr', value: id }],
      lifecycleStatus: 'active',
      description: { text: origin === 'Usager' ? 'Rester le plus autonome possible' : 'Être rassurée sur la sécurité au quotidien' },
      subject: ref(u.patient),
      note: [{ extension: [discriminator('origineAttente')], text: origin }],
    }, id);
  }

  const count = ctx.rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const needId = nextBusinessId(u, ctx, 'BESO');
    const need = add(u, ctx, 'tddui-service-request-besoin', {
      resourceType: 'ServiceRequest',
      meta: meta('tddui-service-request-besoin'),
      identifier: [{ type: { coding: [{ system: 'https://interop.esante.gouv.fr/ig/fhir/tddui/CodeSystem/tddui-service-request-identifier', code: 'BES' }] }, system: 'https://identifiant-medicosocial-besoin.esante.gouv.fr', value: needId }],
      basedOn: [ref(plan)],
      status: 'active',
      intent: 'plan',
      code: { text: ctx.rng.pick(NEEDS) },
      subject: ref(u.patient),
    }, needId);
    const goalId = nextBusinessId(u, ctx, 'OBJE');
    const goal = add(u, ctx, 'tddui-goal-objectif', {
      resourceType: 'Goal',
      meta: meta('tddui-goal-objectif'),
      extension: [ext('tddui-careplan-reference', { valueReference: ref(plan) })],
      identifier: [{ system: 'https://identifiant-medicosocial-objectif.esante.gouv.fr', value: goalId }],
      lifecycleStatus: 'active',
      description: { text: ctx.rng.pick(OBJECTIVES) },
      subject: ref(u.patient),
      addresses: [ref(need)],
      note: [{ extension: [discriminator('titreObjectif')], text: `Objectif ${i + 1}` }],
    }, goalId);
    const actionId = nextBusinessId(u, ctx, 'ACTI');
    const action = add(u, ctx, 'tddui-task-action', {
      resourceType: 'Task',
      meta: meta('tddui-task-action'),
      identifier: [{ system: 'https://identifiant-medicosocial-action.esante.gouv.fr', value: actionId }],
      basedOn: [ref(plan)],
      status: 'in-progress',
      intent: 'plan',
      description: `Action pour l’objectif ${i + 1}`,
      owner: ref(ctx.rng.pick(ctx.staff).practitioner.fullUrl),
      input: [
        input('tddui-task-input-action', 'titre', { valueString: `Action ${i + 1}` }),
        input('tddui-task-input-action', 'objectif', { valueReference: ref(goal) }),
      ],
    }, actionId);
    const meansId = nextBusinessId(u, ctx, 'MORE');
    add(u, ctx, 'tddui-task-moyen-ressource', {
      resourceType: 'Task',
      meta: meta('tddui-task-moyen-ressource'),
      identifier: [{ system: 'https://identifiant-medicosocial-moyenressource.esante.gouv.fr', value: meansId }],
      basedOn: [ref(plan)],
      partOf: [ref(action)],
      status: 'in-progress',
      intent: 'plan',
      input: [input('tddui-task-input-moyen-ressource', 'titre', { valueString: `Moyens de l’action ${i + 1}` })],
    }, meansId);
    const serviceId = nextBusinessId(u, ctx, 'PRES');
    add(u, ctx, 'tddui-task-prestation', {
      resourceType: 'Task',
      meta: meta('tddui-task-prestation'),
      identifier: [{ system: 'https://identifiant-medicosocial-prestation.esante.gouv.fr', value: serviceId }],
      basedOn: [ref(plan)],
      partOf: [ref(action)],
      status: 'in-progress',
      intent: 'plan',
      // No typePrestation: tddui-serafin intersects J283 and J284 (disjoint), so FHIR expands it to nothing (FHIR-BIND-EMPTY-VS).
      input: [input('tddui-task-input-prestation', 'titre', { valueString: `Prestation de l’action ${i + 1}` })],
    }, serviceId);
  }

  const reviewId = nextBusinessId(u, ctx, 'BILA');
  const reviewDay = Math.min(u.lastDay, startDay + 28);
  add(u, ctx, 'tddui-task-bilan', {
    resourceType: 'Task',
    meta: meta('tddui-task-bilan'),
    identifier: [{ system: 'https://identifiant-medicosocial-bilan.esante.gouv.fr', value: reviewId }],
    basedOn: [ref(plan)],
    status: 'completed',
    intent: 'plan',
    code: cc(ctx.codes.pick(VS.reviewStatus)),
    executionPeriod: { start: dateTime(reviewDay, 14 * 60) },
    input: [input('tddui-task-input-bilan', 'perimetre', { valueString: 'Bilan de l’ensemble des objectifs' })],
  } as JsonObject, reviewId);

  const questionnaire = ctx.scenario.generation.population === 'personne-agee' ? QUESTIONNAIRES.aggirPa : QUESTIONNAIRES.serafin;
  evaluation(ctx, u, questionnaire, startDay);
}
