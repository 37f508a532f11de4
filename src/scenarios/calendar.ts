/**
 * Dates of a dataset, all derived from the reference date by whole days (UTC arithmetic, no clock, no local
 * time zone): the same arguments give the same dates on every machine. Times are written in Paris local
 * time with the offset of that day (CET +01:00 / CEST +02:00, EU rule: last Sundays of March and October).
 */

/** Default reference date: fixed, so that a dataset never depends on the day it is generated. */
export const DEFAULT_REFERENCE_DATE = '2026-01-15';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws a French error on anything else. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || formatDay(t / DAY_MS) !== date) throw new Error(`date de référence invalide : « ${date} » (AAAA-MM-JJ attendu)`);
  return t / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0) / DAY_MS;
  return last - new Date(last * DAY_MS).getUTCDay();
}

/** The Paris UTC offset of a day (summer time from the last Sunday of March to the last Sunday of October). */
export function parisOffset(day: number): string {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return day >= lastSunday(year, 2) && day < lastSunday(year, 9) ? '+02:00' : '+01:00';
}

/** Local date-time of a day at a minute of the day, with the Paris offset. */
export function dateTime(day: number, minuteOfDay: number): string {
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${formatDay(day)}T${hh}:${mm}:00${parisOffset(day)}`;
}

/** Day number of a birth date `years` years (and `extraDays`) before the reference day. */
export function yearsBefore(reference: number, years: number, extraDays: number): number {
  const d = new Date(reference * DAY_MS);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate()) / DAY_MS - extraDays;
}
