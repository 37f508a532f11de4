/** `tddui-bench check`: validates files and writes a report; exit code 0 (no error), 1 (errors), 2 (usage). */
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { Checker } from '../../rules/checker.js';
import { formatJson } from '../../reports/format-json.js';
import { formatJunit } from '../../reports/format-junit.js';
import { formatSarif } from '../../reports/format-sarif.js';
import { formatText } from '../../reports/format-text.js';
import type { Lang } from '../../reports/messages.js';
import { buildReport, fileReport, sha256, type CheckReport } from '../../reports/report-model.js';
import { pinsOf, TOOL } from '../../reports/tool-info.js';
import { openDefinitions } from '../definitions.js';
import { expandInputs } from '../inputs.js';

interface CheckCliOptions {
  format: 'text' | 'json' | 'junit' | 'sarif';
  out?: string;
  lang: Lang;
  load: string[];
  profile: string[];
  fhirOnly?: boolean;
  showInfo?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function checkCommand(): Command {
  return new Command('check')
    .description('vérifie des exports FHIR (JSON ou XML) contre les profils TDDUI et les règles TDDUI')
    .argument('<inputs...>', 'fichiers ou dossiers à vérifier')
    .addOption(new Option('-f, --format <format>', 'format du rapport').choices(['text', 'json', 'junit', 'sarif']).default('text'))
    .option('-o, --out <file>', 'écrire le rapport dans ce fichier')
    .addOption(new Option('--lang <lang>', 'langue des messages').choices(['fr', 'en']).default('fr'))
    .option('--load <path>', 'ressources de conformité supplémentaires (fichier, dossier ou paquet .tgz), répétable', collect, [])
    .option('--profile <url>', 'valider aussi contre ce profil (URL canonique), répétable', collect, [])
    .option('--fhir-only', 'validation FHIR seule, sans le profil tddui-bundle ni les règles TDDUI')
    .option('--show-info', 'format texte : lister aussi les informations')
    .action(async (inputs: string[], options: CheckCliOptions) => {
      const files = expandInputs(inputs);
      const startedAt = new Date().toISOString();
      const { ctx, loadDiagnostics } = await openDefinitions(options.load);
      for (const d of loadDiagnostics) process.stderr.write(`--load : ${d}\n`);
      const checker = new Checker(ctx);
      const results = files.map((file) => {
        const bytes = readFileSync(file);
        const checked = checker.check(bytes, { profiles: options.profile, tddui: !options.fhirOnly });
        return fileReport({ file, sha256: sha256(bytes), bytes: bytes.length, format: checked.format }, checked.findings, options.lang);
      });
      const report = buildReport(TOOL, pinsOf(ctx), results, options.lang, { id: randomUUID(), startedAt, finishedAt: new Date().toISOString() });
      const text = render(report, options);
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
      process.exitCode = report.verdict === 'pass' ? 0 : 1;
    });
}

function render(report: CheckReport, options: CheckCliOptions): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report);
    default:
      return formatText(report, { showInformation: options.showInfo });
  }
}
