/**
 * StructureDefinition snapshot → CompiledStructure (one pass over snapshot.element).
 * Keeps computable facts only. See http://hl7.org/fhir/R4/elementdefinition.html
 */
import type { ElementDefinition, ElementDefinitionType, StructureDefinition } from '../fhir-types.js';
import { typeFromSuffix } from '../fhir-primitive-types.js';
import type { CompiledConstraint, CompiledElement, CompiledSlicing, CompiledStructure, CompiledType, PackageRef } from '../compiled-types.js';

const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const BEST_PRACTICE_EXT = 'http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice';
const SYSTEM_TYPES: Record<string, string> = {
  'http://hl7.org/fhirpath/System.String': 'string',
  'http://hl7.org/fhirpath/System.Boolean': 'boolean',
  'http://hl7.org/fhirpath/System.Integer': 'integer',
  'http://hl7.org/fhirpath/System.Decimal': 'decimal',
  'http://hl7.org/fhirpath/System.Date': 'date',
  'http://hl7.org/fhirpath/System.DateTime': 'dateTime',
  'http://hl7.org/fhirpath/System.Time': 'time',
};
const DISCRIMINATOR_TYPES = new Set(['value', 'pattern', 'type', 'profile', 'exists']);

export class DefinitionError extends Error {}

/** HL7 core constraint texts may be kept (the FHIR specification is CC0); others are not copied. */
export function compileStructure(sd: StructureDefinition, pkg: PackageRef, keepHumanText: boolean): CompiledStructure {
  const elements = sd.snapshot?.element;
  if (!elements?.length) throw new DefinitionError(`${sd.url} : pas de snapshot`);
  const isResource = sd.kind === 'resource';
  return dropUndefined({
    resourceType: 'StructureDefinition',
    url: sd.url,
    version: sd.version,
    id: sd.id ?? sd.name ?? sd.url,
    name: sd.name,
    package: pkg,
    kind: sd.kind,
    type: sd.type,
    abstract: sd.abstract ?? false,
    derivation: sd.derivation,
    baseDefinition: sd.baseDefinition,
    context: sd.context?.map((c) => ({ type: c.type, expression: c.expression })),
    contextInvariants: sd.contextInvariant?.length ? sd.contextInvariant : undefined,
    elements: elements.map((e, i) => compileElement(e, i === 0, isResource, sd.url, keepHumanText)),
  }) as CompiledStructure;
}

function compileElement(e: ElementDefinition, isRoot: boolean, isResource: boolean, sdUrl: string, keepHuman: boolean): CompiledElement {
  const max = e.max === '*' || e.max === undefined ? -1 : Number(e.max);
  const baseMax = e.base?.max ?? e.max ?? '1';
  // Resource.id is typed System.String in R4 snapshots, but its value space is the `id` type.
  const isResourceId = isResource && /^[A-Za-z]+\.id$/.test(e.path);
  return dropUndefined({
    id: e.id ?? e.path,
    path: e.path,
    sliceName: e.sliceName,
    min: e.min ?? 0,
    max,
    array: !isRoot && baseMax !== '1' && baseMax !== '0',
    types: e.type?.length ? e.type.map((t) => compileType(t, isResourceId)) : undefined,
    contentReference: e.contentReference,
    fixed: choiceValue(e, 'fixed'),
    pattern: choiceValue(e, 'pattern'),
    binding: e.binding ? dropUndefined({ strength: e.binding.strength as 'required', valueSet: e.binding.valueSet }) : undefined,
    constraints: e.constraint?.length ? e.constraint.map((c) => compileConstraint(c, sdUrl, keepHuman)) : undefined,
    slicing: e.slicing ? compileSlicing(e) : undefined,
    isModifier: e.isModifier || undefined,
    mustSupport: e.mustSupport || undefined,
    maxLength: e.maxLength,
    xmlAttr: e.representation?.includes('xmlAttr') || undefined,
  }) as CompiledElement;
}

function compileType(t: ElementDefinitionType, isResourceId: boolean): CompiledType {
  let code = t.code;
  if (code.startsWith('http://hl7.org/fhirpath/System.')) {
    const declared = t.extension?.find((x) => x.url === FHIR_TYPE_EXT);
    code = declared?.valueUrl ?? declared?.valueUri ?? SYSTEM_TYPES[code] ?? code;
  }
  if (isResourceId) code = 'id';
  return dropUndefined({
    code,
    profiles: t.profile?.length ? [...t.profile] : undefined,
    targetProfiles: t.targetProfile?.length ? [...t.targetProfile] : undefined,
  }) as CompiledType;
}

function compileConstraint(c: NonNullable<ElementDefinition['constraint']>[number], sdUrl: string, keepHuman: boolean): CompiledConstraint {
  return dropUndefined({
    key: c.key,
    severity: c.severity === 'warning' ? 'warning' : 'error',
    expression: c.expression?.trim() || undefined,
    source: c.source ?? sdUrl,
    bestPractice: c.extension?.some((x) => x.url === BEST_PRACTICE_EXT && x.valueBoolean === true) || undefined,
    // HL7 core constraint texts may be kept (CC0) wherever they were copied; others are not.
    human: keepHuman || (c.source ?? '').startsWith('http://hl7.org/fhir/StructureDefinition/') ? c.human : undefined,
  }) as CompiledConstraint;
}

function compileSlicing(e: ElementDefinition): CompiledSlicing {
  const discriminators = (e.slicing?.discriminator ?? []).map((d) => {
    if (!DISCRIMINATOR_TYPES.has(d.type)) throw new DefinitionError(`${e.id} : discriminateur inconnu ${d.type}`);
    return { type: d.type as CompiledSlicing['discriminators'][number]['type'], path: d.path };
  });
  return { discriminators, rules: e.slicing?.rules ?? 'open', ordered: e.slicing?.ordered ?? false };
}

function choiceValue(e: ElementDefinition, prefix: 'fixed' | 'pattern'): { type: string; value: unknown } | undefined {
  for (const key of Object.keys(e)) {
    if (key.startsWith(prefix) && key.length > prefix.length && /^[A-Z]/.test(key[prefix.length])) {
      return { type: typeFromSuffix(key.slice(prefix.length)), value: e[key] };
    }
  }
  return undefined;
}

/** Removes undefined members so serialised output is compact and stable. */
export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
