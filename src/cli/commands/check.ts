/** `tddui-bench check`: validates files and writes a report; exit code 0 (no error), 1 (errors), 2 (usage). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { Checker } from '../../rules/checker.js';
import type { Lang } from '../../reports/messages.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../reports/render-report.js';
import { runCheck } from '../../reports/run-check.js';
import { openDefinitions } from '../definitions.js';
import { expandInputs, UsageError } from '../inputs.js';

interface CheckCliOptions {
  format: ReportFormat;
  out?: string;
  lang: Lang;
  load: string[];
  profile: string[];
  fhirOnly?: boolean;
  showInfo?: boolean;
  expect?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function checkCommand(): Command {
  return new Command('check')
    .description('vérifie des exports FHIR (JSON ou XML) contre les profils TDDUI et les règles TDDUI')
    .argument('<inputs...>', 'fichiers ou dossiers à vérifier')
    .addOption(new Option('-f, --format <format>', 'format du rapport').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --out <file>', 'écrire le rapport dans ce fichier')
    .addOption(new Option('--lang <lang>', 'langue des messages').choices(['fr', 'en']).default('fr'))
    .option('--load <path>', 'ressources de conformité supplémentaires (fichier, dossier ou paquet .tgz), répétable', collect, [])
    .option('--profile <url>', 'valider aussi contre ce profil (URL canonique), répétable', collect, [])
    .option('--fhir-only', 'validation FHIR seule, sans le profil tddui-bundle ni les règles TDDUI')
    .option('--show-info', 'format texte : lister aussi les informations')
    .option('--expect <dataset>', 'fidélité aller-retour : comparer chaque export à ce jeu de données (Bundle JSON ou XML)')
    .action(async (inputs: string[], options: CheckCliOptions) => {
      const files = expandInputs(inputs);
      if (options.expect !== undefined && !existsSync(options.expect)) throw new UsageError(`jeu de données introuvable : ${options.expect}`);
      const { ctx, loadDiagnostics } = await openDefinitions(options.load);
      for (const d of loadDiagnostics) process.stderr.write(`--load : ${d}\n`);
      const report = await runCheck(new Checker(ctx), files.map((file) => ({ name: file, bytes: () => readFileSync(file) })), {
        lang: options.lang, profiles: options.profile, fhirOnly: options.fhirOnly,
        expect: options.expect !== undefined ? { name: options.expect, source: readFileSync(options.expect) } : undefined,
      });
      const out = await renderReport(report, options.format, { showInformation: options.showInfo });
      if (options.out) writeFileSync(options.out, out);
      else process.stdout.write(out);
      process.exitCode = report.verdict === 'pass' ? 0 : 1;
    });
}
