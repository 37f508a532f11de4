/**
 * Terminology bindings and code system checks, against the locally compiled value sets.
 * Required → error, extensible → warning, preferred → information; a value set or system that cannot be
 * enumerated locally gives an information "not checked" finding (aggregated per value set in the report).
 * See http://hl7.org/fhir/R4/terminologies.html#strength
 */
import type { OpenReason } from '../definitions/compiled-types.js';
import type { ElementNode } from '../definitions/context/structure-view.js';
import type { Loc } from './finding.js';
import { isObject, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import { codingsOf } from './slicing.js';
import type { InstanceWalker } from './walker.js';

const RULE_BY_STRENGTH = { required: 'FHIR-BIND-REQUIRED', extensible: 'FHIR-BIND-EXTENSIBLE', preferred: 'FHIR-BIND-PREFERRED' } as const;

export function checkBinding(w: InstanceWalker, value: unknown, typeCode: string, node: ElementNode, loc: Loc, scope: Scope): void {
  const binding = node.el.binding!;
  if (binding.strength === 'example' || !binding.valueSet) return;
  const strength = binding.strength;
  const vsUrl = binding.valueSet;
  const vs = w.ctx.valueSet(vsUrl);
  const notChecked = (reason: OpenReason) =>
    scope.sink.add(finding('FHIR-BIND-NOT-CHECKED', loc, { strength, valueSet: vsUrl.split('|')[0], ...reasonParams(reason), count: 1 }, scope.profile));
  if (!vs) {
    notChecked({ code: 'valueset-unavailable', detail: vsUrl });
    return;
  }
  const codings = typeCode === 'Quantity' ? quantityCodings(value) : codingsOf(value);
  if (codings.length === 0) {
    const hasText = isObject(value) && typeof value.text === 'string';
    if (typeCode === 'CodeableConcept' && strength === 'required') {
      scope.sink.add(finding('FHIR-BIND-REQUIRED', loc, {
        code: hasText ? `(texte seul) « ${value.text} »` : '(aucun code)',
        code_en: hasText ? `(text only) "${value.text}"` : '(no code)',
        valueSet: vsUrl,
      }, scope.profile));
    }
    return;
  }
  let unknown: OpenReason | undefined;
  for (const [system, code] of codings) {
    const m = vs.check(system, code);
    if (m.status === 'member') return;
    if (m.status === 'unknown') unknown = unknown ?? m.reason;
    // A partial value set cannot rule out a system we know nothing about (e.g. a renamed CodeSystem URL).
    else if (!vs.complete && system && !w.ctx.codeSystem(system)) unknown = unknown ?? { code: 'codesystem-unavailable', detail: system };
  }
  if (unknown) {
    notChecked(unknown);
    return;
  }
  if (strength === 'required' && vs.empty) {
    scope.sink.add(finding('FHIR-BIND-EMPTY-VS', loc, { valueSet: vsUrl }, scope.profile));
    return;
  }
  if (strength in RULE_BY_STRENGTH) {
    const shown = codings.map(([s, c]) => (s ? `${s}#${c}` : c)).join(', ');
    scope.sink.add(finding(RULE_BY_STRENGTH[strength as keyof typeof RULE_BY_STRENGTH], loc, { code: shown, valueSet: vsUrl }, scope.profile));
  }
}

function quantityCodings(v: unknown): [string | undefined, string][] {
  return isObject(v) && typeof v.code === 'string' ? [[typeof v.system === 'string' ? v.system : undefined, v.code]] : [];
}

/** A Coding whose system is a complete local CodeSystem: the code must exist, the display should match. */
export function checkCodingAgainstSystem(w: InstanceWalker, coding: JsonObject, loc: Loc, scope: Scope): void {
  if (typeof coding.system !== 'string' || typeof coding.code !== 'string') return;
  const cs = w.ctx.codeSystem(coding.system);
  if (!cs || !cs.complete) return;
  const displays = cs.displays(coding.code);
  if (!displays) {
    scope.sink.add(finding('FHIR-CODE-UNKNOWN', loc.child('code'), { code: coding.code, system: coding.system }, scope.profile));
    return;
  }
  if (typeof coding.display === 'string' && displays.length) {
    const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
    const found = norm(coding.display);
    if (!displays.some((d) => norm(d) === found)) {
      scope.sink.add(finding('FHIR-CODE-DISPLAY', loc.child('display'), { found: coding.display, expected: displays[0], system: coding.system, code: coding.code }, scope.profile));
    }
  }
}

const REASONS: Record<OpenReason['code'], { fr: string; en: string }> = {
  'codesystem-unavailable': { fr: 'système de codes non disponible localement', en: 'code system not available locally' },
  'codesystem-incomplete': { fr: 'système de codes incomplet', en: 'code system incomplete' },
  'filter-unsupported': { fr: 'filtre non évaluable localement', en: 'filter not evaluable locally' },
  'valueset-unavailable': { fr: 'jeu de valeurs non disponible localement', en: 'value set not available locally' },
  'valueset-recursive': { fr: 'jeu de valeurs récursif', en: 'recursive value set' },
  'exclusion-open': { fr: 'exclusion non évaluable localement', en: 'exclusion not evaluable locally' },
};

/** Parameters describing why a binding could not be checked (both languages). */
export function reasonParams(r: OpenReason): { reason: string; reason_en: string } {
  const t = REASONS[r.code];
  return { reason: `${t.fr} (${r.detail})`, reason_en: `${t.en} (${r.detail})` };
}
