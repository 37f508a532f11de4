/**
 * QuestionnaireResponse against its Questionnaire (when the questionnaire is known locally): item linkIds,
 * answer types, answer options and value sets, repetition, required items once completed.
 * See http://hl7.org/fhir/R4/questionnaireresponse.html
 */
import { compileQuestionnaire } from '../definitions/compile/compile-questionnaire.js';
import type { CompiledQuestionnaire, CompiledQuestionnaireItem } from '../definitions/compiled-types.js';
import type { FhirResource } from '../definitions/fhir-types.js';
import type { Loc } from './finding.js';
import { isObject, patternMatches, type JsonObject } from './json-values.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import type { InstanceWalker } from './walker.js';

const ANSWER_KEYS: Record<string, string[]> = {
  boolean: ['valueBoolean'], decimal: ['valueDecimal'], integer: ['valueInteger'], date: ['valueDate'], dateTime: ['valueDateTime'],
  time: ['valueTime'], string: ['valueString'], text: ['valueString'], url: ['valueUri'], choice: ['valueCoding'],
  'open-choice': ['valueCoding', 'valueString'], attachment: ['valueAttachment'], reference: ['valueReference'], quantity: ['valueQuantity'],
};

export function checkQuestionnaireResponse(w: InstanceWalker, qr: JsonObject, loc: Loc, scope: Scope): void {
  if (typeof qr.questionnaire !== 'string') return;
  const q = qr.questionnaire.startsWith('#') ? containedQuestionnaire(qr, qr.questionnaire) : w.ctx.questionnaire(qr.questionnaire);
  if (!q) {
    scope.sink.add(finding('FHIR-QR-QUESTIONNAIRE', loc.child('questionnaire'), { questionnaire: qr.questionnaire }, scope.profile));
    return;
  }
  checkItems(w, Array.isArray(qr.item) ? qr.item : [], q.items, loc, qr.status === 'completed', scope);
}

/**
 * `questionnaire: "#id"` names a Questionnaire contained in the response (references.html#contained), as the
 * reference validator resolves it; it is compiled on the fly like a packaged one.
 */
function containedQuestionnaire(qr: JsonObject, reference: string): CompiledQuestionnaire | undefined {
  const id = reference.slice(1);
  const q = Array.isArray(qr.contained) ? qr.contained.find((c) => isObject(c) && c.resourceType === 'Questionnaire' && c.id === id) : undefined;
  if (!isObject(q)) return undefined;
  return compileQuestionnaire({ ...q, url: reference, item: wellFormedItems(q.item) } as unknown as FhirResource, CONTAINED);
}

/** Items the compiler can read (an unchecked instance may hold anything; its own errors are reported by the walk). */
function wellFormedItems(items: unknown): JsonObject[] {
  if (!Array.isArray(items)) return [];
  return items.filter((i): i is JsonObject => isObject(i) && typeof i.linkId === 'string' && typeof i.type === 'string')
    .map((i) => ({ ...i, item: wellFormedItems(i.item), answerOption: Array.isArray(i.answerOption) ? i.answerOption.filter(isObject) : [] }));
}

const CONTAINED = { id: '(contenu)', version: '' };

function checkItems(w: InstanceWalker, items: unknown[], defs: CompiledQuestionnaireItem[], parentLoc: Loc, completed: boolean, scope: Scope): void {
  const seen = new Map<string, number>();
  items.forEach((raw, i) => {
    const itemLoc = parentLoc.child('item').at(i);
    if (!isObject(raw) || typeof raw.linkId !== 'string') return;
    const linkId = raw.linkId;
    const def = defs.find((d) => d.linkId === linkId);
    const err = (rule: 'FHIR-QR-ITEM' | 'FHIR-QR-ANSWER', at: Loc, fr: string, en: string) => scope.sink.add(finding(rule, at, { linkId, detail: fr, detail_en: en }, scope.profile));
    if (!def) {
      err('FHIR-QR-ITEM', itemLoc, 'linkId absent du questionnaire à ce niveau', 'linkId not in the questionnaire at this level');
      return;
    }
    seen.set(linkId, (seen.get(linkId) ?? 0) + 1);
    if (seen.get(linkId) === 2 && !def.repeats) err('FHIR-QR-ITEM', itemLoc, 'item non répétable présent plusieurs fois', 'non-repeating item present more than once');
    const answers = Array.isArray(raw.answer) ? raw.answer : [];
    if ((def.type === 'group' || def.type === 'display') && answers.length) {
      err('FHIR-QR-ANSWER', itemLoc.child('answer').at(0), `un item de type ${def.type} n’a pas de réponse`, `an item of type ${def.type} has no answer`);
    }
    if (answers.length > 1 && !def.repeats) err('FHIR-QR-ANSWER', itemLoc.child('answer').at(1), 'plusieurs réponses à une question non répétable', 'several answers to a non-repeating question');
    answers.forEach((a, j) => {
      if (!isObject(a)) return;
      const aLoc = itemLoc.child('answer').at(j);
      const allowed = ANSWER_KEYS[def.type];
      const key = Object.keys(a).find((k) => k.startsWith('value'));
      if (allowed && key && !allowed.includes(key)) {
        err('FHIR-QR-ANSWER', aLoc.child(key), `type de réponse ${key} au lieu de ${allowed.join(' ou ')}`, `answer type ${key} instead of ${allowed.join(' or ')}`);
      } else if (key === 'valueCoding' && isObject(a.valueCoding)) {
        checkCodingAnswer(w, def, a.valueCoding, aLoc.child(key), err);
      }
      if (Array.isArray(a.item) && def.items) checkItems(w, a.item, def.items, aLoc, completed, scope);
    });
    if (Array.isArray(raw.item)) checkItems(w, raw.item, def.items ?? [], itemLoc, completed, scope);
  });
  if (completed) {
    for (const d of defs) {
      if (d.required && !seen.has(d.linkId)) {
        scope.sink.add(finding('FHIR-QR-ITEM', parentLoc, { linkId: d.linkId, detail: 'item obligatoire absent (réponse au statut completed)', detail_en: 'required item missing (completed response)' }, scope.profile));
      }
    }
  }
}

function checkCodingAnswer(
  w: InstanceWalker,
  def: CompiledQuestionnaireItem,
  coding: JsonObject,
  loc: Loc,
  err: (rule: 'FHIR-QR-ANSWER', at: Loc, fr: string, en: string) => void,
): void {
  const options = def.answerOptions?.filter((o) => o.type === 'Coding');
  if (options?.length) {
    const match = options.some((o) => isObject(o.value) && patternMatches({ system: o.value.system, code: o.value.code }, coding));
    if (!match) err('FHIR-QR-ANSWER', loc, `code ${String(coding.system)}#${String(coding.code)} absent des options de réponse`, `code ${String(coding.system)}#${String(coding.code)} is not an answer option`);
    return;
  }
  if (def.answerValueSet && typeof coding.code === 'string') {
    const vs = w.ctx.valueSet(def.answerValueSet);
    const m = vs?.check(typeof coding.system === 'string' ? coding.system : undefined, coding.code);
    if (m?.status === 'not-member') err('FHIR-QR-ANSWER', loc, `code ${coding.code} absent de ${def.answerValueSet}`, `code ${coding.code} not in ${def.answerValueSet}`);
  }
}
