/**
 * The rule catalogue: every rule id the bench can report, with severity, messages and spec link.
 * Engine families (FHIR-*), dedicated invariant messages (FHIR-INV-<key>), TDDUI check rules and the
 * round-trip fidelity rules (FIDELITY-*, made by `check --expect`).
 * An explicit list, no discovery by reflection; ids are unique (tested) and never reused.
 */
import { FIDELITY_RULES } from '../scenarios/fidelity/fidelity-rules.js';
import { CDA_RULE_DEFINITIONS } from '../cda/rules/cda-catalogue.js';
import { FHIR_RULES } from '../validation/fhir-rules.js';
import type { RuleDefinition } from '../validation/finding.js';
import type { CheckRule } from './rule.js';
import { scenarioRuleDefinitions } from '../scenarios/rule-pack.js';
import { BUNDLE_RULES } from './tddui/bundle-rules.js';
import { BUSINESS_ID_RULES } from './tddui/business-id-rules.js';
import { IDENTIFIER_RULES } from './tddui/identifier-rules.js';
import { COHERENCE_RULES } from './tddui/coherence-rules.js';
import { CORE_INVARIANT_RULES } from './tddui/core-invariant-messages.js';
import { INVARIANT_RULES } from './tddui/invariant-messages.js';
import { PROFILE_RULES } from './tddui/profile-rules.js';
import { QUESTIONNAIRE_RULES } from './tddui/questionnaire-rules.js';

/** Rules run after the engine, in this order. */
export const CHECK_RULES: CheckRule[] = [...BUNDLE_RULES, ...PROFILE_RULES, ...COHERENCE_RULES, ...QUESTIONNAIRE_RULES, ...IDENTIFIER_RULES, ...BUSINESS_ID_RULES];

/** Use-case scenario rules (scenarios/*.json) are listed too; they run only with `check --scenario`. */
export const RULE_CATALOGUE: readonly RuleDefinition[] = [
  ...FHIR_RULES, ...CORE_INVARIANT_RULES, ...INVARIANT_RULES, ...CHECK_RULES, ...CDA_RULE_DEFINITIONS, ...FIDELITY_RULES, ...scenarioRuleDefinitions(),
];

/** Version of the TDDUI rule pack; bump when a rule is added, removed or changes meaning. */
export const RULE_PACK_VERSION = '1.2.0';

const byId = new Map(RULE_CATALOGUE.map((r) => [r.id, r] as const));

/** The definition for a finding's rule id; invariants without a dedicated entry use the FHIR-INV family. */
export function ruleDefinition(ruleId: string): RuleDefinition {
  const exact = byId.get(ruleId);
  if (exact) return exact;
  if (ruleId.startsWith('FHIR-INV-')) return byId.get('FHIR-INV')!;
  throw new Error(`règle absente du catalogue : ${ruleId}`);
}
