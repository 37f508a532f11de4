/** Every CDA rule id for the rule catalogue (`tddui-bench rules list`, message rendering). */
import type { RuleDefinition } from '../../validation/finding.js';
import { BODY_RULES } from './body-rules.js';
import { HEADER_RULES } from './header-rules.js';
import { CDA_SYSTEM_RULES } from './system-rules.js';

export const CDA_RULE_DEFINITIONS: readonly RuleDefinition[] = [
  ...CDA_SYSTEM_RULES,
  ...[...HEADER_RULES, ...BODY_RULES].map(({ id, severity, message, specUrl, hint, category }) => ({ id, severity, message, specUrl, category, ...(hint ? { hint } : {}) })),
];
