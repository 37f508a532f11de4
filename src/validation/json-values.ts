/** Helpers over parsed JSON values: type tests, fixed (exact) and pattern (contains) comparison. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'tableau';
  return typeof v === 'object' ? 'objet' : typeof v === 'string' ? 'chaîne' : typeof v === 'number' ? 'nombre' : typeof v === 'boolean' ? 'booléen' : typeof v;
}

/** fixed[x]: the instance value must be exactly the fixed value (no extra members). */
export function fixedMatches(fixed: unknown, value: unknown): boolean {
  if (fixed === value) return true;
  if (Array.isArray(fixed)) {
    return Array.isArray(value) && value.length === fixed.length && fixed.every((f, i) => fixedMatches(f, value[i]));
  }
  if (isObject(fixed)) {
    if (!isObject(value)) return false;
    const fk = Object.keys(fixed).filter((k) => k !== 'id' && k !== 'extension');
    const vk = Object.keys(value).filter((k) => k !== 'id' && k !== 'extension');
    return fk.length === vk.length && fk.every((k) => fixedMatches(fixed[k], value[k]));
  }
  return typeof fixed === 'number' && typeof value === 'number' ? fixed === value : false;
}

/** pattern[x]: every member of the pattern must be present in the instance (arrays: each pattern item found). */
export function patternMatches(pattern: unknown, value: unknown): boolean {
  if (pattern === value) return true;
  if (Array.isArray(pattern)) {
    const items = Array.isArray(value) ? value : [value];
    return pattern.every((p) => items.some((v) => patternMatches(p, v)));
  }
  if (isObject(pattern)) {
    if (!isObject(value)) return false;
    return Object.keys(pattern).every((k) => k in value && patternMatches(pattern[k], value[k]));
  }
  return false;
}

/** Short, stable rendering of a value for messages (bounded length). */
export function brief(v: unknown, max = 160): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (s === undefined) return '∅';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
