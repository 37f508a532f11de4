/** `tddui-bench rules list`: the rule catalogue (ids, severities, messages, links). */
import { Command, Option } from 'commander';
import { RULE_CATALOGUE } from '../../rules/catalogue.js';

export function rulesCommand(): Command {
  const rules = new Command('rules').description('catalogue des règles');
  rules
    .command('list')
    .description('liste les règles : identifiant, sévérité, catégorie, message, lien')
    .addOption(new Option('-f, --format <format>', 'format de sortie').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'langue').choices(['fr', 'en']).default('fr'))
    .action((options: { format: string; lang: 'fr' | 'en' }) => {
      const rows = RULE_CATALOGUE.map((r) => ({ id: r.id, severity: r.severity, category: r.category, message: r.message[options.lang], specUrl: r.specUrl }));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) process.stdout.write(`${r.id.padEnd(32)} ${r.severity.padEnd(12)} ${r.message}\n`);
      process.stdout.write(`${rows.length} règle(s)\n`);
    });
  return rules;
}
