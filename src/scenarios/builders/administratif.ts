/** Administrative and coordination blocks (UC3): contacts with legal protection, school period, mobility. */
import { formatDay } from '../calendar.js';
import { VS, type Coding } from '../codes.js';
import type { JsonObject } from '../../validation/json-values.js';
import { add, cc, CISIS, meta, nextBusinessId, ref, TDDUI_CS, type DatasetContext, type UsagerContext } from './common.js';

const ROLE_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass';
const RELATION_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R216-HL7RoleCode/FHIR/TRE-R216-HL7RoleCode';
const TEACHING: Coding[] = [{ system: 'https://smt.esante.gouv.fr/fhir/CodeSystem/tre-r408-type-enseignement-specialise', code: '3', display: 'Scolarisation en ULIS collège' }];
const MOBILITY: Coding[] = [{ system: CISIS, code: 'ORG-160', display: 'VSL' }, { system: CISIS, code: 'ORG-156', display: 'Taxi' }];

export function contact(ctx: DatasetContext, u: UsagerContext): void {
  const female = ctx.rng.chance(0.5);
  const minor = u.lastDay - u.identity.birthDay < 18 * 365.25;
  const relationship: JsonObject[] = [
    cc(ctx.codes.pick(VS.familyRole, [], ROLE_SYSTEM)),
    cc(minor ? { system: RELATION_SYSTEM, code: female ? 'MTH' : 'FTH', display: female ? 'Mère' : 'Père' } : ctx.codes.pick(VS.contactRelation, [], RELATION_SYSTEM)),
  ];
  if (!minor && ctx.rng.chance(0.5)) relationship.push(cc(ctx.codes.pick(VS.legalProtection)));
  const id = nextBusinessId(u, ctx, 'CONT');
  u.contact = add(u, ctx, 'tddui-related-person-contact', {
    resourceType: 'RelatedPerson',
    meta: meta('tddui-related-person-contact'),
    identifier: [{ value: id }],
    patient: ref(u.patient),
    relationship,
    name: [{ family: minor ? u.identity.family : ctx.rng.faker.person.lastName().toLocaleUpperCase('fr-FR'), given: [ctx.rng.faker.person.firstName(female ? 'female' : 'male')] }],
    telecom: [{ system: 'phone', value: `0${ctx.rng.int(1, 5)}${ctx.rng.digits(8)}` }],
    gender: female ? 'female' : 'male',
  }, id);
}

export function periodeScolaire(ctx: DatasetContext, u: UsagerContext): void {
  const id = nextBusinessId(u, ctx, 'PSCO');
  const start = u.historyStart - ctx.rng.int(30, 300);
  add(u, ctx, 'tddui-observation-periode-scolaire', {
    resourceType: 'Observation',
    meta: meta('tddui-observation-periode-scolaire'),
    identifier: [{ system: 'https://identifiant-medicosocial-periodescolaire.esante.gouv.fr', value: id }],
    status: 'registered',
    code: cc({ system: `${TDDUI_CS}tddui-observation-type`, code: 'PERIODESCOL', display: 'Période scolaire' }),
    subject: ref(u.patient),
    ...(u.contact ? { performer: [ref(u.contact)] } : {}),
    effectivePeriod: { start: formatDay(Math.max(start, u.identity.birthDay + 3 * 365)) },
    component: [{
      code: cc({ system: `${TDDUI_CS}tddui-observation-periode-scolaire`, code: 'typeEnseignementSpecialise', display: 'Type enseignement spécialisé' }),
      valueCodeableConcept: cc(ctx.codes.pick(VS.specialisedTeaching, TEACHING)),
    }],
  }, id);
}

export function mobilite(ctx: DatasetContext, u: UsagerContext): void {
  add(u, ctx, 'tddui-observation-mobilite-usager', {
    resourceType: 'Observation',
    meta: meta('tddui-observation-mobilite-usager'),
    status: 'registered',
    code: cc({ system: 'http://loinc.org', code: 'LP73551-1', display: 'Transport mode' }),
    subject: ref(u.patient),
    valueCodeableConcept: cc(ctx.codes.pick('https://smt.esante.gouv.fr/fhir/ValueSet/jdv-mode-de-transport-cisis', MOBILITY)),
  });
}
