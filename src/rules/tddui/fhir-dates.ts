/** Comparing FHIR date/dateTime values of different precisions, for coherence rules. */

/**
 * < 0 when a is before b, > 0 when after, 0 when equal at the shared precision.
 * Values with times on both sides compare as instants; otherwise on the shared date precision.
 */
export function compareFhirDates(a: string, b: string): number {
  if (a.length > 10 && b.length > 10) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  }
  const n = Math.min(a.length, b.length, 10);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isFhirDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2}(T.+)?)?)?$/.test(v);
}
