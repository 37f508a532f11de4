/** `tddui-bench generate`: writes a scenario's synthetic dataset (one transaction Bundle) and its manifest. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { integer } from '../inputs.js';
import { scenarioById, writeDataset, type DatasetFormat } from '../../scenarios/index.js';

interface GenerateCliOptions {
  scenario: string;
  seed: number;
  usagers?: number;
  referenceDate?: string;
  format: DatasetFormat;
  out: string;
  manifest?: string;
  defects?: number;
}


async function close(stream: NodeJS.WritableStream & { end(): void }): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('génère le jeu de données synthétique d’un scénario (Bundle transaction TDDUI)')
    .requiredOption('--scenario <id>', 'scénario (voir « scenarios list »)')
    .requiredOption('--seed <n>', 'graine : mêmes arguments, mêmes octets', integer('--seed'))
    .option('--usagers <n>', 'nombre d’usagers (défaut : celui du scénario)', integer('--usagers'))
    .option('--reference-date <AAAA-MM-JJ>', 'date de référence dont dérivent toutes les dates (défaut fixe)')
    .addOption(new Option('-f, --format <format>', 'format du Bundle').choices(['json', 'xml']).default('json'))
    .requiredOption('-o, --out <file>', 'fichier du Bundle')
    .option('--manifest <file>', 'fichier manifeste : usagers, identifiants métier de chaque objet, défauts injectés')
    .option('--defects <n>', 'injecter n défauts connus (le manifeste donne la règle et le chemin attendus)', integer('--defects'))
    .action(async (o: GenerateCliOptions) => {
      scenarioById(o.scenario); // an unknown scenario fails before any file is created
      const out = createWriteStream(o.out);
      const manifestOut = o.manifest ? createWriteStream(o.manifest) : undefined;
      const manifest = await writeDataset(o.scenario, { seed: o.seed, usagers: o.usagers, referenceDate: o.referenceDate, format: o.format, defects: o.defects }, out, manifestOut);
      await close(out);
      if (manifestOut) await close(manifestOut);
      const defects = manifest.defects.length ? `, ${manifest.defects.length} défaut(s) injecté(s)` : '';
      process.stderr.write(`${o.out} : ${manifest.usagers} usager(s), ${manifest.entries} entrée(s)${defects}\n`);
    });
}
