/**
 * Invariants (ElementDefinition.constraint), evaluated on each value of each walk, with a native
 * implementation for the constraints that hold on nearly every element (ele-1, ext-1) or whose FHIRPath
 * form is quadratic (bdl-7) or not implementable in fhirpath.js (txt-1/txt-2 htmlChecks), and fhirpath.js
 * with the R4 model for all others. Natives are used only when the expression is the published one.
 * See http://hl7.org/fhir/R4/conformance-rules.html#constraints
 */
import type { CompiledConstraint } from '../definitions/compiled-types.js';
import type { FindingParams, Loc } from './finding.js';
import type { JsonObject } from './json-values.js';
import { NATIVE_INVARIANTS, nativeMatches, type NativeInvariant } from './native-invariants.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';
import type { InstanceWalker } from './walker.js';

export function evaluateConstraints(w: InstanceWalker, value: JsonObject | string | number | boolean, constraints: readonly CompiledConstraint[], base: string, loc: Loc, scope: Scope): void {
  if (!constraints.length) return;
  const primitive = typeof value !== 'object';
  // Each walk evaluates its own constraints (callers pass lists without repeats): a value walked against
  // several structures — a discarded conformance probe, then the reported profile — shares no state.
  for (const c of constraints) {
    if (!c.expression) continue;
    const native = nativeFor(c);
    let ok: boolean | undefined;
    if (native) {
      if (native.skip || primitive) continue;
      ok = native.check(value as JsonObject, scope);
    } else {
      ok = nativeMatches(c.expression, value);
    }
    if (ok === undefined) {
      const out = w.fp.evaluateConstraint(base, primitive ? primitiveExpression(c.expression) : c.expression, value, {
        resource: scope.resource, rootResource: scope.rootResource, bundle: scope.bundle, fullUrl: scope.fullUrl,
      });
      if (!out.ok) {
        scope.sink.add(finding('FHIR-INV-ERROR', loc, { key: c.key, detail: out.error, expression: c.expression, source: c.source ?? scope.profile }, scope.profile));
        continue;
      }
      ok = out.value;
    }
    if (!ok) {
      const severity = c.severity === 'warning' || c.bestPractice ? 'warning' : 'error';
      scope.sink.add(finding(invariantRuleId(c.key), loc, invariantParams(c, scope.profile), scope.profile, severity));
    }
  }
}

/**
 * On a primitive element, FHIRPath `value` is the primitive's own value (the model's `<type>.value`),
 * as the reference validator navigates it; fhirpath.js only knows `$this` there. A leading `value.`
 * is read as `$this.` (e.g. TDDUI ServiceRequestBesoinIdentifierFormat, on Identifier.value).
 */
function primitiveExpression(expression: string): string {
  return expression.replace(/^\s*value\./, '$this.');
}

const natives = new WeakMap<CompiledConstraint, NativeInvariant | null>();

/** The native form of a constraint, when its expression is the published one (whitespace aside). */
export function nativeFor(c: CompiledConstraint): NativeInvariant | undefined {
  let n = natives.get(c);
  if (n === undefined) {
    const candidate = NATIVE_INVARIANTS.get(c.key);
    n = candidate && collapse(candidate.expression) === collapse(c.expression ?? '') ? candidate : null;
    natives.set(c, n);
  }
  return n ?? undefined;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s*([()])\s*/g, '$1').trim();
}

const ruleIds = new Map<string, string>();

/** One rule id string per constraint key (a template literal per finding is a new string each time). */
function invariantRuleId(key: string): string {
  let id = ruleIds.get(key);
  if (id === undefined) ruleIds.set(key, (id = `FHIR-INV-${key}`));
  return id;
}

const paramsCache = new WeakMap<CompiledConstraint, FindingParams>();

/**
 * The parameters of a failed invariant depend only on the constraint: one frozen object is shared by
 * all its findings (100,000 dom-6 warnings on a large export would otherwise be 100,000 copies).
 */
function invariantParams(c: CompiledConstraint, profile: string): FindingParams {
  let p = paramsCache.get(c);
  if (!p) {
    p = Object.freeze({ key: c.key, expression: c.expression ?? '', source: c.source ?? profile, ...(c.human ? { human: c.human } : {}) }) as FindingParams;
    paramsCache.set(c, p);
  }
  return p;
}
