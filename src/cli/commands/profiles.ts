/** `tddui-bench profiles list`: the compiled profiles (id, url, version, kind). */
import { Command, Option } from 'commander';
import type { CompiledIndexEntry } from '../../definitions/compiled-types.js';
import { resolve } from 'node:path';
import { importPackage } from '../../server/publication/import-package.js';
import { openDefinitions } from '../definitions.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** What a StructureDefinition is, in one word. */
export function profileKind(e: CompiledIndexEntry): string {
  if (e.type === 'Extension' && e.derivation === 'constraint') return 'extension';
  if (e.derivation === 'constraint') return e.kind === 'resource' ? 'profil' : 'profil-de-type';
  return e.kind === 'resource' ? 'ressource' : e.kind === 'primitive-type' ? 'type-primitif' : 'type';
}

export function profilesCommand(): Command {
  const profiles = new Command('profiles').description('profils compilés');
  profiles
    .command('list')
    .description('liste les StructureDefinitions compilées (hors cœur R4, sauf --all)')
    .addOption(new Option('-f, --format <format>', 'format de sortie').choices(['text', 'json']).default('text'))
    .option('--all', 'inclure les définitions du cœur FHIR R4')
    .option('--load <path>', 'ressources de conformité supplémentaires, répétable', collect, [])
    .action(async (options: { format: string; all?: boolean; load: string[] }) => {
      const { ctx } = await openDefinitions(options.load);
      const rows = ctx.entries()
        .filter((e) => e.resourceType === 'StructureDefinition' && (options.all || e.package !== 'hl7.fhir.r4.core'))
        .map((e) => ({ id: e.id, url: e.url, version: e.version ?? '', kind: profileKind(e), type: e.type ?? '', package: e.package }))
        .sort((a, b) => (a.package + a.url < b.package + b.url ? -1 : 1));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const w = Math.max(...rows.map((r) => r.id.length), 2);
      for (const r of rows) process.stdout.write(`${r.id.padEnd(w)}  ${r.kind.padEnd(14)}  ${r.version.padEnd(13)}  ${r.url}\n`);
      process.stdout.write(`${rows.length} définition(s)\n`);
    });
  profiles
    .command('import')
    .description('importe le paquet officiel (.tgz ou dossier) : le serveur publie alors ses ressources telles quelles')
    .argument('<package>', 'paquet FHIR .tgz ou dossier')
    .option('--data <dossier>', 'dossier des données du serveur (défaut : TDDUI_BENCH_DATA ou ./data)')
    .action(async (path: string, options: { data?: string }) => {
      const info = await importPackage(path, resolve(options.data ?? process.env.TDDUI_BENCH_DATA ?? './data'));
      const counts = Object.entries(info.counts).map(([t, n]) => `${n} ${t}`).join(', ');
      process.stdout.write(`paquet ${info.id}#${info.version} importé : ${counts}\n`);
    });
  return profiles;
}
