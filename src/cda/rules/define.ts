/** Compact constructor for the rule tables (keeps each table row on a few lines). */
import type { Severity } from '../../validation/finding.js';
import type { CdaCheck, CdaRule, CdaVersion } from './cda-rule.js';

export function cdaRule(
  id: string,
  severity: Severity,
  category: string,
  specUrl: string,
  source: string,
  context: string,
  check: CdaCheck,
  fr: string,
  en: string,
  extra: { versions?: readonly CdaVersion[]; hint?: { fr: string; en: string } } = {},
): CdaRule {
  return { id, severity, category, specUrl, source, context, check, message: { fr, en }, ...extra };
}
