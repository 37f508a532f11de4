/**
 * Tests as data: each case is an input (a resource, a mutated official example, or raw text), the options,
 * the findings it must produce (rule id + path, optionally severity) and the rule ids it must not produce.
 * Every rule id of the catalogue must appear in some case's `fires` (test/rules/catalogue.test.ts).
 */
import type { CheckOptions } from '../../src/rules/checker.js';
import type { ExpectedFinding } from '../support/assertions.js';

export interface Case {
  name: string;
  /** A resource object, raw text, or a function building the input (e.g. from an official example). */
  input: unknown | (() => unknown);
  options?: CheckOptions;
  fires?: ExpectedFinding[];
  /** Rule ids that must not be reported at all for this input. */
  clean?: string[];
  /** Needs ../shared/spec (official examples). */
  needsSpec?: boolean;
}

/** Deep copy then mutate: the recipe for negative fixtures. */
export function mutate<T>(base: T, change: (copy: T) => void): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}
