/** Shared fixtures of the CDA tests: ANS's examples (without comments), the schema folder, a checker. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CdaChecker } from '../../src/cda/cda-checker.js';
import { DEFAULT_SPEC_DIR } from '../../src/definitions/paths.js';

export const CDA_SPEC = join(DEFAULT_SPEC_DIR, 'tddui-cda');
export const CDA_SCHEMAS = join(CDA_SPEC, 'TestContenuCDA-3-0', 'infrastructure', 'cda');

export function cdaSpecAvailable(): boolean {
  return existsSync(join(CDA_SPEC, 'examples'));
}

export function requireCdaSpec(ctx: Mocha.Context): void {
  if (!cdaSpecAvailable()) {
    console.log('      (../shared/spec/tddui-cda absent : test ignoré)');
    ctx.skip();
  }
}

export function cdaExample(version: '1.1.0' | '1.0.1', keepComments = false): string {
  const text = readFileSync(join(CDA_SPEC, 'examples', `CDA_TDDUI_Exemple_v${version}.xml`), 'utf8');
  return keepComments ? text : text.replace(/<!--[\s\S]*?-->/g, '');
}

/** Replaces the first match; throws when there is none (a stale fixture must fail loudly). */
export function mutate(text: string, find: string | RegExp, replace: string): string {
  const found = typeof find === 'string' ? text.includes(find) : find.test(text);
  if (!found) throw new Error(`motif introuvable dans l’exemple : ${String(find)}`);
  return typeof find === 'string' ? text.replace(find, () => replace) : text.replace(find, replace);
}

let withXsd: CdaChecker | undefined;
let withoutXsd: CdaChecker | undefined;

export function cdaChecker(xsd: boolean): CdaChecker {
  if (xsd) return (withXsd ??= new CdaChecker({ schemaDir: CDA_SCHEMAS }));
  return (withoutXsd ??= new CdaChecker());
}

/** Parse + rules + XSD of one document (flushes the batch at once). */
export async function checkCda(text: string, options: { version?: '1.1.0' | '1.0.1'; xsd?: boolean } = {}) {
  const c = cdaChecker(options.xsd ?? false);
  const p = c.check(text, { version: options.version });
  c.flush();
  return p;
}
