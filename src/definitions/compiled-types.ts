/**
 * The project's own compiled form of conformance resources (what `profiles/` holds).
 * Computable facts only: paths, cardinalities, types, fixed/pattern values, slicing, bindings,
 * FHIRPath constraints, codes. No descriptive prose from the specification.
 */

export const COMPILED_FORMAT_VERSION = 1;

export interface PackageRef {
  id: string;
  version: string;
}

export interface CompiledType {
  /** FHIR type code, normalised ("string" rather than "http://hl7.org/fhirpath/System.String"). */
  code: string;
  profiles?: string[];
  targetProfiles?: string[];
}

export interface CompiledConstraint {
  key: string;
  severity: 'error' | 'warning';
  expression?: string;
  /** Canonical of the StructureDefinition that declared the constraint. */
  source?: string;
  bestPractice?: boolean;
  /** HL7 core only (the FHIR specification is CC0); TDDUI/FR Core texts are not copied. */
  human?: string;
}

export interface CompiledSlicing {
  discriminators: { type: 'value' | 'pattern' | 'type' | 'profile' | 'exists'; path: string }[];
  rules: 'open' | 'closed' | 'openAtEnd';
  ordered: boolean;
}

export interface CompiledElement {
  id: string;
  path: string;
  sliceName?: string;
  min: number;
  /** -1 means unbounded ("*"). */
  max: number;
  /** True when the element repeats in the base resource (JSON array). */
  array: boolean;
  types?: CompiledType[];
  contentReference?: string;
  fixed?: { type: string; value: unknown };
  pattern?: { type: string; value: unknown };
  binding?: { strength: 'required' | 'extensible' | 'preferred' | 'example'; valueSet?: string };
  constraints?: CompiledConstraint[];
  slicing?: CompiledSlicing;
  isModifier?: boolean;
  mustSupport?: boolean;
  maxLength?: number;
  /** XML representation is an attribute (Element.id, Extension.url, primitive value). */
  xmlAttr?: boolean;
}

export interface CompiledStructure {
  resourceType: 'StructureDefinition';
  url: string;
  version?: string;
  id: string;
  name?: string;
  package: PackageRef;
  kind: 'primitive-type' | 'complex-type' | 'resource' | 'logical';
  type: string;
  abstract: boolean;
  derivation?: 'specialization' | 'constraint';
  baseDefinition?: string;
  context?: { type: string; expression: string }[];
  contextInvariants?: string[];
  elements: CompiledElement[];
}

/** Codes of one system inside a compiled ValueSet. */
export interface CompiledValueSetSystem {
  system: string;
  /** Sorted list of codes; absent when every code of the system is included but not enumerable here. */
  codes?: string[];
  /** True when the content of this system could not be enumerated locally (codes may be partial). */
  open?: boolean;
  reason?: OpenReason;
}

/** Why a value set part could not be enumerated locally (rendered in French or English by the reports). */
export interface OpenReason {
  code: 'codesystem-unavailable' | 'codesystem-incomplete' | 'filter-unsupported' | 'valueset-unavailable' | 'valueset-recursive' | 'exclusion-open';
  /** The canonical or filter concerned. */
  detail: string;
}

export interface CompiledValueSet {
  resourceType: 'ValueSet';
  url: string;
  version?: string;
  id: string;
  package: PackageRef;
  /** True when every system is fully enumerated, so membership can be decided locally. */
  complete: boolean;
  systems: CompiledValueSetSystem[];
}

export interface CompiledCodeSystem {
  resourceType: 'CodeSystem';
  url: string;
  version?: string;
  id: string;
  package: PackageRef;
  content: string;
  caseSensitive: boolean;
  /** code → displays accepted (display first, then designations). */
  concepts: Record<string, string[]>;
}

export interface CompiledQuestionnaireItem {
  linkId: string;
  type: string;
  required?: boolean;
  repeats?: boolean;
  answerValueSet?: string;
  answerOptions?: { type: string; value: unknown }[];
  items?: CompiledQuestionnaireItem[];
}

export interface CompiledQuestionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version?: string;
  id: string;
  package: PackageRef;
  items: CompiledQuestionnaireItem[];
}

export type CompiledResource = CompiledStructure | CompiledValueSet | CompiledCodeSystem | CompiledQuestionnaire;

export interface CompiledIndexEntry {
  resourceType: CompiledResource['resourceType'];
  url: string;
  version?: string;
  id: string;
  package: string;
  /** StructureDefinition only. */
  kind?: string;
  type?: string;
  derivation?: string;
  file: string;
}

export interface BuildDiagnostic {
  severity: 'error' | 'warning' | 'information';
  package: string;
  resource?: string;
  message: string;
}

export interface CompiledIndex {
  format: number;
  packages: (PackageRef & { origin: string })[];
  resources: CompiledIndexEntry[];
  diagnostics: BuildDiagnostic[];
}
