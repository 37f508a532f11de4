/** `tddui-bench cda import-schemas <dir|zip>`: installs the official CDA XSD set in the data folder. */
import { Command } from 'commander';
import { importSchemas } from '../../cda/xsd/import-schemas.js';

export function cdaCommand(): Command {
  const cda = new Command('cda').description('variante CDA (TDDUI 1.1.0 / CDA 1.0.1)');
  cda
    .command('import-schemas')
    .description('copie le jeu XSD CDA officiel (dossier contenant CDA_extended.xsd, ou archive zip) dans le dossier de données')
    .argument('<source>', 'dossier ou archive zip')
    .action((source: string) => {
      const r = importSchemas(source);
      process.stdout.write(`schémas CDA importés : ${r.files} fichiers → ${r.dir}\nempreinte SHA-256 : ${r.sha256}\n`);
    });
  return cda;
}
