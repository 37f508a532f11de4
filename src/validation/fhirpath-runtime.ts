/**
 * FHIRPath for invariants: expressions compiled once per (base type, expression) with the R4 model,
 * and a resolve() that looks references up in the current Bundle (fhirpath.js's own resolve() does not
 * know Bundle fullUrls). See https://hl7.org/fhirpath/ and http://hl7.org/fhir/R4/fhirpath.html
 */
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import type { BundleIndex } from './bundle-index.js';

export interface FhirPathScope {
  resource: unknown;
  rootResource: unknown;
  bundle?: BundleIndex;
  fullUrl?: string;
}

type Evaluator = (input: unknown, env: Record<string, unknown>) => unknown[];

/** fhirpath.js's TypeInfo, reached through the type specifier it passes to `as()` (not exported by the package). */
interface TypeSpecifier {
  constructor: unknown;
}
interface TypeInfoClass {
  fromValue(value: unknown): { is(other: TypeSpecifier, model: unknown): boolean };
}

export type EvalOutcome = { ok: true; value: boolean } | { ok: false; error: string };

const UCUM = 'http://unitsofmeasure.org';

export class FhirPathRuntime {
  private readonly compiled = new Map<string, Evaluator | Error>();
  /** Scope of the evaluation in progress (evaluation is synchronous, so one slot is enough). */
  private current?: FhirPathScope;
  private readonly invocationTable = {
    resolve: {
      fn: (inputs: unknown[]) => this.resolveAll(inputs),
      arity: { 0: [] as [] },
    },
    /**
     * The function form `as(type)` filters the collection, as the HL7 reference validator's FHIRPath engine
     * does. fhirpath.js implements it like the `as` operator (an error on more than one item), which makes
     * the R4 invariant dom-3 (`%resource.descendants().as(canonical)`) fail on every resource that has
     * contained resources. The `as` operator keeps fhirpath.js's own (singleton) semantics.
     */
    as: {
      internalStructures: true,
      arity: { 1: ['TypeSpecifier'] as ['TypeSpecifier'] },
      fn: function (this: { model?: unknown }, coll: unknown[], typeInfo: TypeSpecifier): unknown[] {
        const typeOf = (typeInfo.constructor as TypeInfoClass).fromValue;
        return coll.filter((v) => typeOf(v).is(typeInfo, this.model));
      },
    },
  };

  private compile(base: string, expression: string): Evaluator | Error {
    const key = `${base}\u0000${expression}`;
    let f = this.compiled.get(key);
    if (!f) {
      try {
        f = fhirpath.compile({ base, expression }, r4, { userInvocationTable: this.invocationTable, traceFn: () => {} }) as Evaluator;
      } catch (e) {
        f = e instanceof Error ? e : new Error(String(e));
      }
      this.compiled.set(key, f);
    }
    return f;
  }

  /** Evaluates an invariant to a boolean the way the reference validator does (empty → false). */
  evaluateConstraint(base: string, expression: string, input: unknown, scope: FhirPathScope): EvalOutcome {
    const f = this.compile(base, expression);
    if (f instanceof Error) return { ok: false, error: f.message };
    this.current = scope;
    try {
      const out = f(input, { resource: scope.resource, rootResource: scope.rootResource, ucum: UCUM });
      return { ok: true, value: toBoolean(out) };
    } catch (e) {
      return { ok: false, error: (e as Error).message ?? String(e) };
    } finally {
      this.current = undefined;
    }
  }

  /** Evaluates a path (slicing discriminators the fast paths do not cover). */
  evaluatePath(base: string, expression: string, input: unknown, scope: FhirPathScope): unknown[] | Error {
    const f = this.compile(base, expression);
    if (f instanceof Error) return f;
    this.current = scope;
    try {
      return f(input, { resource: scope.resource, rootResource: scope.rootResource, ucum: UCUM });
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    } finally {
      this.current = undefined;
    }
  }

  private resolveAll(inputs: unknown[]): unknown[] {
    const scope = this.current;
    if (!scope?.bundle) return [];
    const out: unknown[] = [];
    for (const i of inputs) {
      const data = fhirpath.util.valData(i) as { reference?: unknown } | string | undefined;
      const ref = typeof data === 'string' ? data : typeof data?.reference === 'string' ? data.reference : undefined;
      if (!ref) continue;
      const res = scope.bundle.resolve(ref, scope.fullUrl);
      if (res.found && res.entry.resource) out.push(res.entry.resource);
    }
    return out;
  }
}

function toBoolean(out: unknown[]): boolean {
  if (out.length === 0) return false;
  if (out.length === 1) return out[0] === false ? false : true;
  return out.every((v) => v === true);
}
