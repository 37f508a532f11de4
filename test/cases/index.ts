/** Every case table, explicitly listed. */
import type { Case } from './case.js';
import { FHIR_EXTENSION_REFERENCE_CASES } from './fhir-extensions-references.cases.js';
import { FHIR_JSON_CASES } from './fhir-json.cases.js';
import { FHIR_PROFILE_CASES } from './fhir-profiles.cases.js';
import { FHIR_QUESTIONNAIRE_CASES } from './fhir-questionnaire.cases.js';
import { FHIR_STRUCTURE_CASES } from './fhir-structure.cases.js';
import { FHIR_TERMINOLOGY_CASES } from './fhir-terminology.cases.js';
import { BUNDLE_CASES } from './tddui-bundle.cases.js';
import { COHERENCE_CASES } from './tddui-coherence.cases.js';
import { INVARIANT_CASES } from './tddui-invariants.cases.js';
import { PROFILE_CASES } from './tddui-profiles.cases.js';

export const CASE_TABLES: Record<string, Case[]> = {
  'règles TDDUI : flux et Bundle': BUNDLE_CASES,
  'règles TDDUI : profils d’entrée': PROFILE_CASES,
  'règles TDDUI : cohérence des dates et évaluations': COHERENCE_CASES,
  'invariants TDDUI / FR Core (FHIRPath publiés)': INVARIANT_CASES,
  'moteur FHIR : analyse et représentation JSON': FHIR_JSON_CASES,
  'moteur FHIR : structure, primitives, narratif, invariants': FHIR_STRUCTURE_CASES,
  'moteur FHIR : profils, cardinalités, valeurs imposées, découpage': FHIR_PROFILE_CASES,
  'moteur FHIR : terminologie': FHIR_TERMINOLOGY_CASES,
  'moteur FHIR : extensions et références': FHIR_EXTENSION_REFERENCE_CASES,
  'moteur FHIR : réponses aux questionnaires': FHIR_QUESTIONNAIRE_CASES,
};
