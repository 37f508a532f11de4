/** `tddui-bench scenarios list`: the use-case scenarios (id, title, profiles, rule count). */
import { Command, Option } from 'commander';
import { listScenarios } from '../../scenarios/index.js';

export function scenariosCommand(): Command {
  const scenarios = new Command('scenarios').description('scénarios de cas d’usage (jeux de données et règles)');
  scenarios
    .command('list')
    .description('liste les scénarios : identifiant, titre, profils, règles')
    .addOption(new Option('-f, --format <format>', 'format de sortie').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'langue').choices(['fr', 'en']).default('fr'))
    .action((options: { format: string; lang: 'fr' | 'en' }) => {
      const rows = listScenarios(options.lang);
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        process.stdout.write(`${r.id.padEnd(28)} ${r.title}\n${''.padEnd(28)} ${r.rules.length} règle(s), ${r.profiles.length} profil(s)\n`);
      }
      process.stdout.write(`${rows.length} scénario(s)\n`);
    });
  return scenarios;
}
