/**
 * R4 primitive value checks: lexical form (the regular expressions of the specification), real calendar
 * dates, numeric ranges and base64. See http://hl7.org/fhir/R4/datatypes.html#primitive
 */
import type { PrimitiveType } from '../definitions/fhir-primitive-types.js';

export type PrimitiveProblem = { rule: 'FHIR-PRIM-FORMAT' | 'FHIR-PRIM-DATE' | 'FHIR-PRIM-RANGE' };

const DATE = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const TZ = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const PATTERNS: Partial<Record<PrimitiveType, RegExp>> = {
  date: new RegExp(`^${DATE}$`),
  dateTime: new RegExp(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T${TIME}${TZ})?)?)?$`),
  instant: new RegExp(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T${TIME}${TZ}$`),
  time: new RegExp(`^${TIME}$`),
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  code: /^[^\s]+(\s[^\s]+)*$/,
  uri: /^\S*$/,
  url: /^\S*$/,
  canonical: /^\S*$/,
  string: /^[\s\S]+$/,
  markdown: /^[\s\S]+$/,
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Checks a JSON value already known to have the right JSON type. Returns undefined when valid. */
export function checkPrimitive(type: PrimitiveType, value: string | number | boolean): PrimitiveProblem | undefined {
  switch (type) {
    case 'boolean':
      return undefined;
    case 'integer':
    case 'positiveInt':
    case 'unsignedInt': {
      const n = value as number;
      if (!Number.isInteger(n)) return { rule: 'FHIR-PRIM-FORMAT' };
      const min = type === 'positiveInt' ? 1 : type === 'unsignedInt' ? 0 : INT32_MIN;
      if (n < min || n > INT32_MAX) return { rule: 'FHIR-PRIM-RANGE' };
      return undefined;
    }
    case 'decimal':
      return Number.isFinite(value as number) ? undefined : { rule: 'FHIR-PRIM-FORMAT' };
    case 'base64Binary':
      return isBase64(value as string) ? undefined : { rule: 'FHIR-PRIM-FORMAT' };
    case 'xhtml':
      return undefined; // narrative rules are checked separately
    default: {
      const s = value as string;
      const re = PATTERNS[type];
      if (re && !re.test(s)) return { rule: 'FHIR-PRIM-FORMAT' };
      if ((type === 'date' || type === 'dateTime' || type === 'instant') && !isRealDate(s)) return { rule: 'FHIR-PRIM-DATE' };
      return undefined;
    }
  }
}

/** The day part exists in the Gregorian calendar (2023-02-30 does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return true; // year or year-month only
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d >= 1 && d <= days;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function isBase64(s: string): boolean {
  const compact = s.replace(/\s+/g, '');
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

/** Strings and codes should not carry leading/trailing whitespace (the specification's SHOULD). */
export function hasOuterWhitespace(s: string): boolean {
  return s.length > 0 && (/^\s/.test(s) || /\s$/.test(s));
}
