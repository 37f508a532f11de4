/** Life project (UC6), presence/absence slots and meals (UC7). */
import { dateTime, formatDay } from '../calendar.js';
import { VS, type Coding } from '../codes.js';
import { add, cc, ext, meta, nextBusinessId, ref, TDDUI_CS, type DatasetContext, type UsagerContext } from './common.js';

const ASPIRATIONS = [
  'Continuer à vivre à domicile le plus longtemps possible',
  'Trouver une activité professionnelle adaptée',
  'Partir en vacances avec sa famille',
  'Vivre dans un logement autonome accompagné',
  'Pratiquer une activité sportive régulière',
];

export function projetDeVie(ctx: DatasetContext, u: UsagerContext): void {
  const id = nextBusinessId(u, ctx, 'PDV');
  add(u, ctx, 'tddui-goal-projet-vie', {
    resourceType: 'Goal',
    meta: meta('tddui-goal-projet-vie'),
    identifier: [{ type: cc({ system: `${TDDUI_CS}tddui-goal-identifier`, code: 'PDV' }), system: 'https://identifiant-medicosocial-projetvie.esante.gouv.fr', value: id }],
    lifecycleStatus: 'active',
    description: { text: `Projet de vie de ${u.identity.givenNames[0]} ${u.identity.family}` },
    subject: ref(u.patient),
    startDate: formatDay(u.historyStart),
    target: [{
      measure: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'not-permitted' }] },
      detailString: ctx.rng.pick(ASPIRATIONS),
      dueDate: formatDay(u.lastDay + 365),
    }],
  }, id);
}

const PRESENCE_TYPE = 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j405-type-presence-absence-ms';
const ABSENCE_REASON = 'https://smt.esante.gouv.fr/fhir/ValueSet/jdv-j406-motif-absence-ms';
const TYPE_SYSTEM = 'https://smt.esante.gouv.fr/fhir/CodeSystem/tre-r423-type-presence-absence';
const PRESENT: Coding = { system: TYPE_SYSTEM, code: '1' };
const ABSENT: Coding = { system: TYPE_SYSTEM, code: '2' };
const REASONS: Coding[] = [{ system: 'https://smt.esante.gouv.fr/fhir/CodeSystem/tre-r424-motif-absence', code: '1' }];

/** The usager's schedule, one slot per weekday of the last week of history, and the midday meal of present days. */
export function presenceAbsence(ctx: DatasetContext, u: UsagerContext): void {
  const schedule = add(u, ctx, 'tddui-schedule', { resourceType: 'Schedule', meta: meta('tddui-schedule'), actor: [ref(u.patient)] });
  const first = Math.max(u.historyStart, u.lastDay - 6);
  for (let day = first; day <= u.lastDay; day++) {
    const weekday = new Date(day * 86_400_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const present = ctx.rng.chance(0.85);
    const id = nextBusinessId(u, ctx, 'PA');
    add(u, ctx, 'tddui-slot-presence-absence', {
      resourceType: 'Slot',
      meta: meta('tddui-slot-presence-absence'),
      extension: [
        ext('tddui-facturation', { valueBoolean: present || ctx.rng.chance(0.5) }),
        ...(present ? [] : [ext('tddui-planned-absence', { valueBoolean: ctx.rng.chance(0.5) })]),
      ],
      identifier: [{ type: cc({ system: `${TDDUI_CS}tddui-slot-identifier`, code: 'PA' }), system: 'https://identifiant-medicosocial-presenceabsence.esante.gouv.fr', value: id }],
      serviceType: [cc(ctx.codes.pick(PRESENCE_TYPE, [present ? PRESENT : ABSENT]))],
      ...(present ? {} : { appointmentType: cc(ctx.codes.pick(ABSENCE_REASON, REASONS)) }),
      schedule: ref(schedule),
      status: 'busy',
      start: dateTime(day, 8 * 60 + 30),
      end: dateTime(day, 17 * 60),
    }, id);
    if (!present) continue;
    const mealId = nextBusinessId(u, ctx, 'REPAS');
    add(u, ctx, 'tddui-observation-repas', {
      resourceType: 'Observation',
      meta: meta('tddui-observation-repas'),
      extension: [ext('tddui-participant-present', { valueBoolean: ctx.rng.chance(0.9) })],
      identifier: [{ type: cc({ system: `${TDDUI_CS}tddui-observation-identifier`, code: 'REP' }), system: 'https://identifiant-medicosocial-repas.esante.gouv.fr', value: mealId }],
      status: 'registered',
      category: [cc(ctx.codes.pick(VS.mealType))],
      code: cc({ system: `${TDDUI_CS}tddui-observation-type`, code: 'REPAS', display: 'Repas' }),
      subject: ref(u.patient),
      effectiveDateTime: dateTime(day, 12 * 60),
    }, mealId);
  }
}
