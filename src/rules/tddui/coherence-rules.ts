/**
 * Coherence of the dates an export carries: nothing about a person happens before their birth or after
 * their death, events sit inside their stay, transports inside their event, starts precede ends.
 * Rules of the bench derived from the meaning of the TDDUI elements (flow page and profiles).
 */
import { isObject, type JsonObject } from '../../validation/json-values.js';
import { inputResources, type CheckRule, type InputResource, type RuleContext } from '../rule.js';
import { compareFhirDates, isFhirDate } from './fhir-dates.js';
import { FLOW_PAGE, profilePage } from './spec-links.js';

const EXT = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/';
const PLANNED_START = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Encounter.plannedStartDate';
const PLANNED_END = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Encounter.plannedEndDate';

/** The dates of a resource that describe when something happened to the person (path suffix → value). */
function eventDates(r: JsonObject): [string, string][] {
  const out: [string, string][] = [];
  const add = (suffix: string, v: unknown) => isFhirDate(v) && out.push([suffix, v]);
  const start = (suffix: string, p: unknown) => isObject(p) && add(`${suffix}.start`, p.start);
  start('period', r.period);
  start('executionPeriod', r.executionPeriod);
  start('occurrencePeriod', r.occurrencePeriod);
  start('effectivePeriod', r.effectivePeriod);
  add('effectiveDateTime', r.effectiveDateTime);
  add('authored', r.authored);
  add('dateTime', r.dateTime);
  add('startDate', r.startDate);
  add('start', r.start);
  add('authoredOn', r.authoredOn);
  return out;
}

/** The person a resource is about, resolved in the Bundle (subject, patient, for, actor). */
function personOf(ctx: RuleContext, r: InputResource): JsonObject | undefined {
  if (r.resource.resourceType === 'Patient') return r.resource;
  const refs = [r.resource.subject, r.resource.patient, r.resource.for, ...(Array.isArray(r.resource.actor) ? r.resource.actor : [])];
  for (const ref of refs) {
    if (!isObject(ref) || typeof ref.reference !== 'string' || !ctx.bundle) continue;
    const res = ctx.bundle.resolve(ref.reference, r.fullUrl);
    if (res.found && res.entry.resource?.resourceType === 'Patient') return res.entry.resource;
  }
  return undefined;
}

function resolveIn(ctx: RuleContext, r: InputResource, ref: unknown): JsonObject | undefined {
  if (!isObject(ref) || typeof ref.reference !== 'string' || !ctx.bundle) return undefined;
  const res = ctx.bundle.resolve(ref.reference, r.fullUrl);
  return res.found ? res.entry.resource : undefined;
}

function extValue(r: JsonObject, url: string): unknown {
  const e = Array.isArray(r.extension) ? r.extension.find((x) => isObject(x) && x.url === url) : undefined;
  return isObject(e) ? Object.entries(e).find(([k]) => k.startsWith('value'))?.[1] : undefined;
}

export const COHERENCE_RULES: CheckRule[] = [
  {
    id: 'TDDUI-COH-001', category: 'cohérence', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'Date {date} antérieure à la naissance de l’usager ({birthDate})', en: 'Date {date} is before the person’s birth ({birthDate})' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        if (r.resource.resourceType === 'Patient') continue;
        const person = personOf(ctx, r);
        if (!person || !isFhirDate(person.birthDate)) continue;
        for (const [suffix, date] of eventDates(r.resource)) {
          if (compareFhirDates(date, person.birthDate) < 0) ctx.report(this.id, `${r.path}.${suffix}`, { date, birthDate: person.birthDate });
        }
      }
    },
  },
  {
    id: 'TDDUI-COH-002', category: 'cohérence', severity: 'error', specUrl: profilePage('tddui-encounter-evenement'),
    message: { fr: 'Événement hors de la période de son séjour ({eventDate} hors {stayStart} → {stayEnd})', en: 'Event outside its stay period ({eventDate} outside {stayStart} → {stayEnd})' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        if (r.resource.resourceType !== 'Encounter' || !isObject(r.resource.period)) continue;
        const stay = resolveIn(ctx, r, r.resource.partOf);
        if (!stay || !isObject(stay.period) || !isFhirDate(stay.period.start)) continue;
        const stayStart = stay.period.start;
        const stayEnd = isFhirDate(stay.period.end) ? stay.period.end : undefined;
        const { start, end } = r.resource.period;
        const params = { stayStart, stayEnd: stayEnd ?? '…' };
        if (isFhirDate(start) && compareFhirDates(start, stayStart) < 0) ctx.report(this.id, `${r.path}.period.start`, { eventDate: start, ...params });
        if (stayEnd && isFhirDate(end) && compareFhirDates(end, stayEnd) > 0) ctx.report(this.id, `${r.path}.period.end`, { eventDate: end, ...params });
      }
    },
  },
  {
    id: 'TDDUI-COH-003', category: 'cohérence', severity: 'error', specUrl: profilePage('tddui-patient'),
    message: { fr: 'Date de décès {deceased} antérieure à la date de naissance {birthDate}', en: 'Death date {deceased} is before the birth date {birthDate}' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        const p = r.resource;
        if (p.resourceType !== 'Patient' || !isFhirDate(p.deceasedDateTime) || !isFhirDate(p.birthDate)) continue;
        if (compareFhirDates(p.deceasedDateTime, p.birthDate) < 0) ctx.report(this.id, `${r.path}.deceasedDateTime`, { deceased: p.deceasedDateTime, birthDate: p.birthDate });
      }
    },
  },
  {
    id: 'TDDUI-COH-004', category: 'cohérence', severity: 'warning', specUrl: profilePage('tddui-patient'),
    message: { fr: 'Date {date} postérieure au décès de l’usager ({deceased})', en: 'Date {date} is after the person’s death ({deceased})' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        if (r.resource.resourceType === 'Patient') continue;
        const person = personOf(ctx, r);
        if (!person || !isFhirDate(person.deceasedDateTime)) continue;
        for (const [suffix, date] of eventDates(r.resource)) {
          // the death itself (cause of death observation) is dated at the death: only later dates count
          if (compareFhirDates(date, person.deceasedDateTime) > 0) ctx.report(this.id, `${r.path}.${suffix}`, { date, deceased: person.deceasedDateTime });
        }
      }
    },
  },
  {
    id: 'TDDUI-COH-005', category: 'cohérence', severity: 'error', specUrl: profilePage('tddui-encounter-sejour'),
    message: { fr: 'Début {start} postérieur à la fin {end} ({what})', en: 'Start {start} is after end {end} ({what})' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        const res = r.resource;
        const ps = extValue(res, PLANNED_START);
        const pe = extValue(res, PLANNED_END);
        if (isFhirDate(ps) && isFhirDate(pe) && compareFhirDates(ps, pe) > 0) {
          ctx.report(this.id, `${r.path}.extension`, { start: ps, end: pe, what: 'dates prévues du séjour', what_en: 'planned stay dates' });
        }
        if (res.resourceType !== 'Basic' || !Array.isArray(res.extension)) continue;
        res.extension.forEach((d, i) => {
          if (!isObject(d) || d.url !== `${EXT}tddui-decision` || !Array.isArray(d.extension)) return;
          d.extension.forEach((dp, j) => {
            if (!isObject(dp) || dp.url !== 'droitPrestation') return;
            const open = extValue(dp, 'dateOuverture');
            const due = extValue(dp, 'dateEcheance');
            if (isFhirDate(open) && isFhirDate(due) && compareFhirDates(open, due) > 0) {
              ctx.report(this.id, `${r.path}.extension[${i}].extension[${j}]`, { start: open, end: due, what: 'ouverture et échéance du droit', what_en: 'right opening and end dates' });
            }
          });
        });
      }
    },
  },
  {
    id: 'TDDUI-COH-006', category: 'cohérence', severity: 'warning', specUrl: profilePage('tddui-task-transport'),
    message: { fr: 'Transport hors de la période de l’événement auquel il est rattaché ({date} hors {start} → {end})', en: 'Transport outside the period of its event ({date} outside {start} → {end})' },
    check(ctx) {
      for (const r of inputResources(ctx)) {
        if (r.resource.resourceType !== 'Task' || !isObject(r.resource.executionPeriod)) continue;
        const event = resolveIn(ctx, r, r.resource.encounter);
        if (!event || !isObject(event.period) || !isFhirDate(event.period.start) || !isFhirDate(event.period.end)) continue;
        const { start, end } = event.period;
        const ep = r.resource.executionPeriod;
        if (isFhirDate(ep.start) && compareFhirDates(ep.start, start) < 0) ctx.report(this.id, `${r.path}.executionPeriod.start`, { date: ep.start, start, end });
        if (isFhirDate(ep.end) && compareFhirDates(ep.end, end) > 0) ctx.report(this.id, `${r.path}.executionPeriod.end`, { date: ep.end, start, end });
      }
    },
  },
];
