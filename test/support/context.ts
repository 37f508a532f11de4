/** Shared test context: the shipped compiled profiles, a checker, and access to the official examples. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionContext } from '../../src/definitions/context/definition-context.js';
import { DEFAULT_SPEC_DIR, PROFILES_DIR } from '../../src/definitions/paths.js';
import { DiskCompiledStore } from '../../src/definitions/store/compiled-store.js';
import { Checker, type CheckOptions } from '../../src/rules/checker.js';
import type { Finding } from '../../src/validation/finding.js';

let ctx: DefinitionContext | undefined;
let checker: Checker | undefined;

export function shippedContext(): DefinitionContext {
  ctx ??= new DefinitionContext([new DiskCompiledStore(PROFILES_DIR)]);
  return ctx;
}

export function sharedChecker(): Checker {
  checker ??= new Checker(shippedContext());
  return checker;
}

export function check(input: unknown, options?: CheckOptions): Finding[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return sharedChecker().check(text, options).findings;
}

export const TDDUI_EXAMPLES = join(DEFAULT_SPEC_DIR, 'tddui-fhir', '2.4.0-ballot');

export function specAvailable(): boolean {
  return existsSync(TDDUI_EXAMPLES);
}

/** Skips the calling test (or hook) when ../shared is absent, saying so. */
export function requireSpec(ctx: Mocha.Context): void {
  if (!specAvailable()) {
    console.log(`      (../shared/spec absent : test ignoré)`);
    ctx.skip();
  }
}

export function example<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(join(TDDUI_EXAMPLES, file), 'utf8')) as T;
}
