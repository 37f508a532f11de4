/**
 * TDDUI rules beyond the profiles: rules as a table, each a stable id with its severity, messages and
 * spec link (RuleDefinition) plus a check over the whole input, run after the FHIR engine.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import type { BundleIndex } from '../validation/bundle-index.js';
import type { Finding, FindingParams, RuleDefinition, Severity } from '../validation/finding.js';
import type { JsonObject } from '../validation/json-values.js';
import type { ReferenceRecord } from '../validation/walker.js';

export interface RuleContext {
  readonly definitions: DefinitionContext;
  /** The parsed input resource. */
  readonly root: JsonObject;
  /** Index of the root Bundle (undefined for a single resource). */
  readonly bundle?: BundleIndex;
  /** Literal references the engine could not resolve inside the Bundle. */
  readonly references: readonly ReferenceRecord[];
  /** Findings of the FHIR engine for this input. */
  readonly engineFindings: readonly Finding[];
  /** Does the value (a resource of the input) conform to the profile? Memoised with the engine's walks. */
  conforms(value: JsonObject, profile: string, path: string): boolean;
  /** The engine's findings of the value against the profile (walked on demand, memoised). */
  findingsAgainst(value: JsonObject, profile: string, path: string): Finding[];
  report(ruleId: string, path: string, params?: FindingParams, severity?: Severity): void;
  /** Adds engine findings to the result (e.g. those against the closest profile of an unclassified entry). */
  include(findings: readonly Finding[]): void;
}

export interface CheckRule extends RuleDefinition {
  check(ctx: RuleContext): void;
}

/** Where a resource of the input sits: the root, or a Bundle entry. */
export interface InputResource {
  resource: JsonObject;
  path: string;
  entry?: number;
  fullUrl?: string;
}

const resourcesCache = new WeakMap<object, InputResource[]>();

/** The input's resources, computed once per input and shared by every rule (not one list per rule). */
export function inputResources(ctx: Pick<RuleContext, 'root' | 'bundle'>): InputResource[] {
  let list = resourcesCache.get(ctx.root);
  if (!list) {
    list = !ctx.bundle
      ? [{ resource: ctx.root, path: String(ctx.root.resourceType) }]
      : ctx.bundle.entries
        .filter((e) => e.resource)
        .map((e) => ({ resource: e.resource!, path: `Bundle.entry[${e.index}].resource`, entry: e.index, fullUrl: e.fullUrl }));
    resourcesCache.set(ctx.root, list);
  }
  return list;
}
