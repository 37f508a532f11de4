/** SSIAD activity (UC1): the stay, agenda events, assessments and transports. */
import { dateTime, formatDay } from '../calendar.js';
import { VS, type Coding } from '../codes.js';
import type { JsonObject } from '../../validation/json-values.js';
import { add, cc, CISIS, ext, input, meta, nextBusinessId, ref, TDDUI, TDDUI_CS, type DatasetContext, type UsagerContext } from './common.js';

export function sejour(ctx: DatasetContext, u: UsagerContext): void {
  const startDay = u.historyStart - ctx.rng.int(0, 60);
  const endDay = u.deathDay;
  const id = nextBusinessId(u, ctx, 'SEJOUR');
  const resource: JsonObject = {
    resourceType: 'Encounter',
    meta: meta('tddui-encounter-sejour'),
    extension: [ext('tddui-admission-date', { valueDateTime: formatDay(startDay) })],
    identifier: [{ type: { coding: [{ system: `${TDDUI_CS}tddui-encounter-identifier`, code: 'SEJ', display: 'Identifiant du séjour' }] }, system: 'https://identifiant-medicosocial-sejour.esante.gouv.fr', value: id }],
    status: endDay === undefined ? 'in-progress' : 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' },
    serviceType: cc(ctx.codes.pick(VS.receptionMode)),
    subject: ref(u.patient),
    period: endDay === undefined ? { start: formatDay(startDay) } : { start: formatDay(startDay), end: formatDay(endDay) },
    serviceProvider: ref(ctx.essms.fullUrl),
  };
  const fullUrl = add(u, ctx, 'tddui-encounter-sejour', resource, id);
  u.sejour = { fullUrl, startDay, endDay };
}

/** One to three home visits per week over the history window, each by a professional of the service. */
export function evenements(ctx: DatasetContext, u: UsagerContext): void {
  for (let day = u.historyStart; day <= u.lastDay; day++) {
    if (!ctx.rng.chance(0.35) && day !== u.historyStart) continue;
    const startMinute = ctx.rng.int(8 * 4, 18 * 4) * 15;
    const start = dateTime(day, startMinute);
    const end = dateTime(day, startMinute + ctx.rng.pick([30, 45, 60]));
    const staff = ctx.rng.pick(ctx.staff);
    const id = nextBusinessId(u, ctx, 'EVN');
    const resource: JsonObject = {
      resourceType: 'Encounter',
      meta: meta('tddui-encounter-evenement'),
      extension: [ext('tddui-event-label', { valueString: 'Visite à domicile pour soins infirmiers' })],
      identifier: [{ type: cc({ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identifier-type', code: 'VN' }), system: 'https://identifiant-medicosocial-evenement.esante.gouv.fr', value: id }],
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' },
      type: [cc(ctx.codes.pick(VS.ssiadEventType))],
      subject: ref(u.patient),
      participant: [{ individual: ref(staff.practitioner.fullUrl) }],
      period: { start, end },
      serviceProvider: ref(ctx.essms.fullUrl),
      ...(u.sejour ? { partOf: ref(u.sejour.fullUrl) } : {}),
    };
    const fullUrl = add(u, ctx, 'tddui-encounter-evenement', resource, id);
    u.events.push({ fullUrl, start, end, day, practitioner: staff.practitioner.fullUrl });
  }
}

const Q = `${TDDUI}/Questionnaire/`;
export const QUESTIONNAIRES = {
  aggirPa: `${Q}tddui-questionnaire-aggir-pa-ssiad`,
  aggirPh: `${Q}tddui-questionnaire-aggir-ph-ssiad`,
  situation: `${Q}tddui-questionnaire-situation-ssiad`,
  serafin: `${Q}tddui-questionnaire-serafin`,
} as const;

const GIR: Coding[] = [339, 340, 341, 342, 343, 344].map((n, i) => ({ system: CISIS, code: `MED-${n}`, display: `GIR-${i + 1}` }));

/**
 * A QuestionnaireResponse answering the top-level items of a published Questionnaire: the GIR result for the
 * AGGIR grids (their ICF sub-items use qualifiers the guide declares as a known terminology issue), every
 * boolean item of the SSIAD situation, integer levels for SERAFIN-PH.
 */
export function evaluation(ctx: DatasetContext, u: UsagerContext, questionnaire: string, day: number, encounter?: string): string {
  let item: JsonObject[];
  if (questionnaire === QUESTIONNAIRES.aggirPa || questionnaire === QUESTIONNAIRES.aggirPh) {
    item = [{ linkId: 'resultat-eval', answer: [{ valueCoding: ctx.rng.pick(GIR) }] }];
  } else if (questionnaire === QUESTIONNAIRES.situation) {
    const links = ['incontinence', 'incontinence-fec', 'obesite', 'trouble-cognitif', 'trouble-personnalite', 'soins-ide', 'prise-charge-ide'];
    const answers = links.map((l) => [l, ctx.rng.chance(0.3)] as const);
    item = [...answers, ['aucun-motif', answers.every(([, v]) => !v)] as const].map(([linkId, v]) => ({ linkId, answer: [{ valueBoolean: v }] }));
  } else {
    const links = ['besoin-sante-som-psy', 'besoin-autonomie', 'besoin-participation-sociale'];
    item = links.map((linkId) => ({ linkId, answer: [{ valueInteger: ctx.rng.int(0, 100) }] }));
  }
  const id = nextBusinessId(u, ctx, 'EVAL');
  const resource: JsonObject = {
    resourceType: 'QuestionnaireResponse',
    meta: meta('tddui-questionnaire-response'),
    identifier: { system: 'https://identifiant-medicosocial-evaluation.esante.gouv.fr', value: id },
    questionnaire,
    status: 'completed',
    subject: ref(u.patient),
    ...(encounter ? { encounter: ref(encounter) } : {}),
    authored: formatDay(day),
    // author rather than source: invariant professionnel-requis reads source as text ('Practitioner/'), which urn:uuid references never match
    author: ref(ctx.rng.pick(ctx.staff).practitioner.fullUrl),
    item,
  };
  return add(u, ctx, 'tddui-questionnaire-response', resource, id);
}

/** SSIAD assessments: an AGGIR grid (PA or PH by age) and the SSIAD situation, at the first event. */
export function evaluationsSsiad(ctx: DatasetContext, u: UsagerContext): void {
  const first = u.events[0];
  const day = first?.day ?? u.historyStart;
  const age = (u.lastDay - u.identity.birthDay) / 365.25;
  evaluation(ctx, u, age >= 60 ? QUESTIONNAIRES.aggirPa : QUESTIONNAIRES.aggirPh, day, first?.fullUrl);
  evaluation(ctx, u, QUESTIONNAIRES.situation, day, first?.fullUrl);
}

const PRO_TRANSPORT: Coding[] = [{ system: CISIS, code: 'ORG-202', display: 'Véhicule individuel' }];
const USAGER_TRANSPORT: Coding[] = [{ system: CISIS, code: 'ORG-156', display: 'Taxi' }];
const MOTORISATION: Coding[] = [{ system: CISIS, code: 'GEN-355', display: 'Véhicule électrique' }];
const TRANSPORT_MODES = 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-mode-de-transport-cisis';
const MOTORISATIONS = 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-type-motorisation-cisis';

/** The professional's trip to every event; a transport of the usager for some of them. */
export function transports(ctx: DatasetContext, u: UsagerContext): void {
  for (const e of u.events) {
    const km = ctx.rng.int(1, 25);
    const common = (cs: string) => [
      input(cs, 'distance', { valueDistance: { value: km, unit: 'kilometers', system: 'http://unitsofmeasure.org', code: 'km' } }),
      input(cs, 'dureeTheorique', { valueDuration: { value: km * 2 + 5, unit: 'minutes', system: 'http://unitsofmeasure.org', code: 'min' } }),
    ];
    const proId = nextBusinessId(u, ctx, 'TPPro');
    add(u, ctx, 'tddui-task-transport-professionnel', {
      resourceType: 'Task',
      meta: meta('tddui-task-transport-professionnel'),
      identifier: [{ system: 'https://identifiant-medicosocial-transportprofessionnel.esante.gouv.fr', value: proId }],
      status: 'completed',
      intent: 'plan',
      code: cc(ctx.codes.pick(TRANSPORT_MODES, PRO_TRANSPORT)),
      for: ref(e.practitioner),
      encounter: ref(e.fullUrl),
      executionPeriod: { start: e.start, end: e.end },
      owner: ref(ctx.essms.fullUrl),
      input: [input('tddui-task-input-transport', 'typeMotorisation', { valueCodeableConcept: cc(ctx.codes.pick(MOTORISATIONS, MOTORISATION)) }), ...common('tddui-task-input-transport')],
    }, proId);
    if (!ctx.rng.chance(0.3)) continue;
    const patId = nextBusinessId(u, ctx, 'TPPat');
    add(u, ctx, 'tddui-task-transport-usager', {
      resourceType: 'Task',
      meta: meta('tddui-task-transport-usager'),
      identifier: [{ system: 'https://identifiant-medicosocial-transportusager.esante.gouv.fr', value: patId }],
      status: 'completed',
      intent: 'plan',
      code: cc(ctx.codes.pick(TRANSPORT_MODES, USAGER_TRANSPORT)),
      encounter: ref(e.fullUrl),
      executionPeriod: { start: e.start, end: e.end },
      input: [...common('tddui-task-input-transport'), input('tddui-task-input-transport', 'accompagnement', { valueBoolean: ctx.rng.chance(0.5) }), input('tddui-task-input-transport', 'natureTransport', { valueCodeableConcept: cc(ctx.codes.pick(VS.transportNature)) })],
    }, patId);
  }
}
