/** The R4 primitive types and their JSON representation. See http://hl7.org/fhir/R4/datatypes.html#primitive */

export const PRIMITIVE_TYPES = [
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer',
  'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'xhtml',
] as const;

export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

const PRIMITIVES = new Set<string>(PRIMITIVE_TYPES);

export function isPrimitiveType(code: string): code is PrimitiveType {
  return PRIMITIVES.has(code);
}

/** JSON type a primitive is written with (http://hl7.org/fhir/R4/json.html#primitive). */
export function jsonTypeOf(code: PrimitiveType): 'boolean' | 'number' | 'string' {
  if (code === 'boolean') return 'boolean';
  if (code === 'integer' || code === 'decimal' || code === 'positiveInt' || code === 'unsignedInt') return 'number';
  return 'string';
}

/** "CodeableConcept" → "CodeableConcept", "DateTime" → "dateTime" (choice-type suffixes and fixed[x] keys). */
export function typeFromSuffix(suffix: string): string {
  const lower = suffix[0].toLowerCase() + suffix.slice(1);
  return PRIMITIVES.has(lower) ? lower : suffix;
}

/** "dateTime" → "DateTime": the suffix used for choice types such as valueDateTime. */
export function suffixOfType(code: string): string {
  return code[0].toUpperCase() + code.slice(1);
}
