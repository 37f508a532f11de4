/**
 * Test-only definitions, for engine behaviours no published profile exercises (a broken invariant, an openAtEnd
 * or exists slicing, a Questionnaire with required items and groups…). They live in memory only: a
 * MemoryCompiledStore layer searched before the shipped profiles/, exactly like a package loaded with --load.
 * Test profiles are derived from a shipped compiled snapshot (structuredClone, then edited), so that every
 * element they do not touch keeps its real definition.
 */
import { DefinitionContext } from '../../src/definitions/context/definition-context.js';
import type { CompiledElement, CompiledQuestionnaire, CompiledQuestionnaireItem, CompiledResource, CompiledStructure, PackageRef } from '../../src/definitions/compiled-types.js';
import { PROFILES_DIR } from '../../src/definitions/paths.js';
import { DiskCompiledStore, MemoryCompiledStore } from '../../src/definitions/store/compiled-store.js';
import { Checker, type CheckOptions } from '../../src/rules/checker.js';
import type { Finding } from '../../src/validation/finding.js';
import { shippedContext } from './context.js';

export const TEST_CANONICAL_BASE = 'https://tddui-bench.test/fhir';
const TEST_PACKAGE: PackageRef = { id: 'tddui-bench.test-only', version: '0.0.0' };

/** A checker over the shipped profiles plus the given test-only resources (searched first). */
export function checkerWith(resources: CompiledResource[]): Checker {
  const layer = new MemoryCompiledStore(resources, [{ ...TEST_PACKAGE, origin: 'test' }], []);
  return new Checker(new DefinitionContext([layer, new DiskCompiledStore(PROFILES_DIR)]));
}

export function checkWith(checker: Checker, input: unknown, options?: CheckOptions): Finding[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return checker.check(text, options).findings;
}

export function testProfileUrl(id: string): string {
  return `${TEST_CANONICAL_BASE}/StructureDefinition/${id}`;
}

/** A constraint profile `id` whose snapshot is a copy of the shipped structure `base`, then edited. */
export function deriveProfile(base: string, id: string, edit: (elements: Elements) => void): CompiledStructure {
  const shipped = shippedContext().structure(base);
  if (!shipped) throw new Error(`structure livrée introuvable : ${base}`);
  const def = structuredClone(shipped.def);
  Object.assign(def, { url: testProfileUrl(id), id, name: id, version: TEST_PACKAGE.version, package: TEST_PACKAGE, derivation: 'constraint', baseDefinition: base });
  edit(new Elements(def.elements));
  return def;
}

/** Element list of a derived profile, addressed by element id. */
export class Elements {
  constructor(readonly list: CompiledElement[]) {}

  get(id: string): CompiledElement {
    const e = this.list.find((x) => x.id === id);
    if (!e) throw new Error(`élément ${id} absent du profil de base`);
    return e;
  }
}

export function testQuestionnaire(id: string, items: CompiledQuestionnaireItem[]): CompiledQuestionnaire {
  return { resourceType: 'Questionnaire', url: `${TEST_CANONICAL_BASE}/Questionnaire/${id}`, version: TEST_PACKAGE.version, id, package: TEST_PACKAGE, items };
}
