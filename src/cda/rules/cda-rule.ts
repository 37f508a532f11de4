/**
 * The CDA rule model: each rule is data (id, severity, messages, spec link, the digest rule it comes
 * from, the elements it applies to as an XPath, and one check), compiled once into closures.
 *
 * Check kinds:
 *   test      an XPath that must be true on each context element (finding located on `at`, else the context);
 *   valueSet  each selected element's (@code, @codeSystem), or its text, must belong to a value set of the
 *             document's rule-set version (elements with @nullFlavor are skipped unless `nullFlavor: 'forbidden'`);
 *   custom    a function for what a table cannot say (INS key, groups per code, narrative references).
 */
import type { FindingParams, RuleDefinition } from '../../validation/finding.js';
import type { XElement, XmlDocument } from '../xml/xml-tree.js';

export type CdaVersion = '1.1.0' | '1.0.1';
export const CDA_VERSIONS: readonly CdaVersion[] = ['1.1.0', '1.0.1'];

export interface CdaHit {
  el: XElement;
  params?: FindingParams;
}

export interface CdaRuleContext {
  doc: XmlDocument;
  version: CdaVersion;
  /** `code|codeSystem` pairs of a value set for this version (undefined when the set is unknown). */
  valueSet(oid: string): ReadonlySet<string> | undefined;
}

export type CdaCheck =
  | { test: string; at?: string; params?: Record<string, string> }
  | { valueSet: string | string[]; select?: string; by?: 'code' | 'text'; nullFlavor?: 'skipped' | 'forbidden' }
  | { custom: (el: XElement, ctx: CdaRuleContext) => CdaHit[] };

export interface CdaRule extends RuleDefinition {
  /** Numbered rule(s) of the digest (§2) and their origin (ART-DECOR assert, template, guide). */
  source: string;
  /** Elements the rule applies to: an absolute XPath. */
  context: string;
  /** Rule-set versions the rule belongs to (all when absent). */
  versions?: readonly CdaVersion[];
  check: CdaCheck;
}

/** `[cda:templateId/@root='…']`: the predicate that recognises an instance of a template. */
export const tpl = (root: string): string => `[cda:templateId/@root='${root}']`;

/** `@a='x' or @a='y'…` for a fixed list of values. */
export const oneOf = (expr: string, values: readonly string[]): string => `(${values.map((v) => `${expr}='${v}'`).join(' or ')})`;
