/** `tddui-bench check`: validates files and writes a report; exit code 0 (no error), 1 (errors), 2 (usage). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CdaChecker } from '../../cda/cda-checker.js';
import type { CdaVersion } from '../../cda/rules/cda-rule.js';
import { resolveSchemaDir } from '../../cda/xsd/schema-set.js';
import { Checker } from '../../rules/checker.js';
import type { Lang } from '../../reports/messages.js';
import { BINARY_FORMATS, renderReport, REPORT_FORMATS, type ReportFormat } from '../../reports/render-report.js';
import { runCheck, type ExpectedDataset } from '../../reports/run-check.js';
import { openDefinitions } from '../definitions.js';
import { generateDataset } from '../../scenarios/index.js';
import { isScenarioId } from '../../scenarios/scenario-store.js';
import { expandInputs, integer, UsageError } from '../inputs.js';

interface CheckCliOptions {
  format: ReportFormat;
  out?: string;
  lang: Lang;
  load: string[];
  profile: string[];
  fhirOnly?: boolean;
  showInfo?: boolean;
  scenario?: string;
  expect?: string;
  expectScenario?: string;
  seed?: number;
  usagers?: number;
  cdaVersion?: CdaVersion;
  cdaSchemas?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function checkCommand(): Command {
  return new Command('check')
    .description('vérifie des exports FHIR (JSON ou XML) ou des documents CDA TDDUI contre les profils et les règles TDDUI')
    .argument('<inputs...>', 'fichiers ou dossiers à vérifier')
    .addOption(new Option('-f, --format <format>', 'format du rapport (pdf : avec --out)').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --out <file>', 'écrire le rapport dans ce fichier')
    .addOption(new Option('--lang <lang>', 'langue des messages').choices(['fr', 'en']).default('fr'))
    .option('--load <path>', 'ressources de conformité supplémentaires (fichier, dossier ou paquet .tgz), répétable', collect, [])
    .option('--profile <url>', 'valider aussi contre ce profil (URL canonique), répétable', collect, [])
    .option('--fhir-only', 'validation FHIR seule, sans le profil tddui-bundle ni les règles TDDUI')
    .option('--scenario <id>', 'ajouter les règles du cas d’usage de ce scénario (voir « scenarios list ») et sa liste de contrôle')
    .option('--show-info', 'format texte : lister aussi les informations')
    .option('--expect <dataset>', 'fidélité aller-retour : comparer chaque export à ce jeu de données (Bundle JSON ou XML)')
    .option('--expect-scenario <id>', 'fidélité aller-retour : comparer au jeu que « generate » produit pour ce scénario (avec --seed, --usagers)')
    .option('--seed <n>', 'avec --expect-scenario : graine du jeu attendu', integer('--seed'))
    .option('--usagers <n>', 'avec --expect-scenario : nombre d’usagers du jeu attendu (défaut : celui du scénario)', integer('--usagers'))
    .addOption(new Option('--cda-version <version>', 'documents CDA : jeu de règles (défaut : extension du templateId, sinon 1.0.1)').choices(['1.1.0', '1.0.1']))
    .option('--cda-schemas <dir>', 'documents CDA : dossier du jeu XSD (CDA_extended.xsd) ; sinon TDDUI_BENCH_CDA_SCHEMAS ou les schémas importés')
    .action(async (inputs: string[], options: CheckCliOptions) => {
      if (BINARY_FORMATS.has(options.format) && !options.out) throw new UsageError(`--format ${options.format} : indiquer le fichier du rapport avec --out`);
      const files = expandInputs(inputs);
      const expect = await expectedDataset(options);
      const { ctx, loadDiagnostics } = await openDefinitions(options.load);
      for (const d of loadDiagnostics) process.stderr.write(`--load : ${d}\n`);
      const report = await runCheck(new Checker(ctx), files.map((file) => ({ name: file, bytes: () => readFileSync(file) })), {
        lang: options.lang, profiles: options.profile, fhirOnly: options.fhirOnly, scenario: options.scenario,
        expect,
        cda: { checker: new CdaChecker({ schemaDir: resolveSchemaDir(options.cdaSchemas) }), version: options.cdaVersion },
      });
      const out = await renderReport(report, options.format, { showInformation: options.showInfo });
      if (options.out) writeFileSync(options.out, out);
      else process.stdout.write(out);
      process.exitCode = report.verdict === 'pass' ? 0 : 1;
    });
}

/** The expected dataset of a round-trip check: a file (--expect), or regenerated from its scenario and seed (--expect-scenario). */
async function expectedDataset(o: CheckCliOptions): Promise<ExpectedDataset | undefined> {
  if (o.expect !== undefined && o.expectScenario !== undefined) throw new UsageError('--expect et --expect-scenario s’excluent : choisir l’un des deux');
  if ((o.seed !== undefined || o.usagers !== undefined) && o.expectScenario === undefined) throw new UsageError('--seed et --usagers ne valent qu’avec --expect-scenario');
  if (o.expect !== undefined) {
    if (!existsSync(o.expect)) throw new UsageError(`jeu de données introuvable : ${o.expect}`);
    return { name: o.expect, source: readFileSync(o.expect) };
  }
  if (o.expectScenario === undefined) return undefined;
  if (o.seed === undefined) throw new UsageError('--expect-scenario demande --seed (la graine du jeu chargé dans le DUI)');
  if (!isScenarioId(o.expectScenario)) throw new UsageError(`scénario inconnu : ${o.expectScenario} (voir « scenarios list »)`);
  const { bundle, manifest } = await generateDataset(o.expectScenario, { seed: o.seed, usagers: o.usagers });
  return { name: `scénario ${o.expectScenario}, graine ${o.seed}`, source: bundle, scenario: o.expectScenario, seed: o.seed, usagers: manifest.usagers };
}
