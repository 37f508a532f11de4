/**
 * Minimal typings for the FHIR R4 conformance resources the definitions stage reads
 * (StructureDefinition, ValueSet, CodeSystem, Questionnaire). Only the fields the compiler uses.
 * See http://hl7.org/fhir/R4/structuredefinition.html and http://hl7.org/fhir/R4/elementdefinition.html
 */

export type JsonObject = { [key: string]: unknown };

export interface FhirResource extends JsonObject {
  resourceType: string;
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  status?: string;
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface ElementDefinitionType {
  code: string;
  profile?: string[];
  targetProfile?: string[];
  aggregation?: string[];
  extension?: { url: string; valueUrl?: string; valueUri?: string }[];
}

export interface ElementDefinitionConstraint {
  key: string;
  severity: 'error' | 'warning';
  human?: string;
  expression?: string;
  source?: string;
  extension?: { url: string; valueBoolean?: boolean }[];
}

export interface ElementDefinitionSlicing {
  discriminator?: { type: string; path: string }[];
  rules?: 'open' | 'closed' | 'openAtEnd';
  ordered?: boolean;
}

export interface ElementDefinition extends JsonObject {
  id?: string;
  path: string;
  sliceName?: string;
  min?: number;
  max?: string;
  base?: { path: string; min: number; max: string };
  type?: ElementDefinitionType[];
  contentReference?: string;
  representation?: string[];
  slicing?: ElementDefinitionSlicing;
  constraint?: ElementDefinitionConstraint[];
  binding?: { strength: string; valueSet?: string };
  isModifier?: boolean;
  mustSupport?: boolean;
  maxLength?: number;
}

export interface StructureDefinition extends FhirResource {
  resourceType: 'StructureDefinition';
  url: string;
  kind: 'primitive-type' | 'complex-type' | 'resource' | 'logical';
  abstract?: boolean;
  type: string;
  baseDefinition?: string;
  derivation?: 'specialization' | 'constraint';
  context?: { type: string; expression: string }[];
  contextInvariant?: string[];
  snapshot?: { element: ElementDefinition[] };
  differential?: { element: ElementDefinition[] };
}

export interface ValueSetInclude {
  system?: string;
  version?: string;
  concept?: { code: string; display?: string; designation?: { language?: string; value: string }[] }[];
  filter?: { property: string; op: string; value: string }[];
  valueSet?: string[];
}

export interface ValueSet extends FhirResource {
  resourceType: 'ValueSet';
  compose?: { include?: ValueSetInclude[]; exclude?: ValueSetInclude[]; inactive?: boolean };
  expansion?: { contains?: ExpansionContains[] };
}

export interface ExpansionContains {
  system?: string;
  code?: string;
  display?: string;
  abstract?: boolean;
  contains?: ExpansionContains[];
}

export interface CodeSystemConcept {
  code: string;
  display?: string;
  designation?: { language?: string; value: string }[];
  property?: { code: string; valueCode?: string; valueString?: string; valueBoolean?: boolean; valueCoding?: Coding; valueDateTime?: string; valueInteger?: number }[];
  concept?: CodeSystemConcept[];
}

export interface CodeSystem extends FhirResource {
  resourceType: 'CodeSystem';
  content?: string;
  caseSensitive?: boolean;
  valueSet?: string;
  supplements?: string;
  concept?: CodeSystemConcept[];
}

export function isStructureDefinition(r: FhirResource): r is StructureDefinition {
  return r.resourceType === 'StructureDefinition';
}
