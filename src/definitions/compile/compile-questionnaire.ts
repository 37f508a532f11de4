/**
 * Questionnaire → CompiledQuestionnaire: the item tree (linkId, type, required, repeats, answer constraints),
 * used to check QuestionnaireResponse answers. See http://hl7.org/fhir/R4/questionnaire.html
 */
import type { FhirResource } from '../fhir-types.js';
import type { CompiledQuestionnaire, CompiledQuestionnaireItem, PackageRef } from '../compiled-types.js';
import { dropUndefined } from './compile-structure.js';

interface RawItem {
  linkId: string;
  type: string;
  required?: boolean;
  repeats?: boolean;
  answerValueSet?: string;
  answerOption?: Record<string, unknown>[];
  item?: RawItem[];
}

export function compileQuestionnaire(q: FhirResource, pkg: PackageRef): CompiledQuestionnaire {
  return {
    resourceType: 'Questionnaire',
    url: q.url!,
    ...(q.version ? { version: q.version } : {}),
    id: q.id ?? q.url!,
    package: pkg,
    items: ((q.item as RawItem[] | undefined) ?? []).map(compileItem),
  };
}

function compileItem(item: RawItem): CompiledQuestionnaireItem {
  return dropUndefined({
    linkId: item.linkId,
    type: item.type,
    required: item.required || undefined,
    repeats: item.repeats || undefined,
    answerValueSet: item.answerValueSet,
    answerOptions: item.answerOption?.map(optionValue).filter((o): o is { type: string; value: unknown } => !!o),
    items: item.item?.length ? item.item.map(compileItem) : undefined,
  });
}

function optionValue(o: Record<string, unknown>): { type: string; value: unknown } | undefined {
  for (const key of Object.keys(o)) {
    if (key.startsWith('value')) return { type: key.slice(5), value: o[key] };
  }
  return undefined;
}
