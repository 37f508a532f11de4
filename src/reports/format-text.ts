/** Terminal output: one block per input, issues grouped by severity order of appearance, a closing verdict. */
import type { Severity } from '../validation/finding.js';
import type { Lang } from './messages.js';
import type { CheckReport, FidelityReport, Summary } from './report-model.js';

const LABEL: Record<Lang, Record<Severity, string>> = {
  fr: { fatal: 'FATAL', error: 'ERREUR', warning: 'AVERTISSEMENT', information: 'INFO' },
  en: { fatal: 'FATAL', error: 'ERROR', warning: 'WARNING', information: 'INFO' },
};

export interface TextOptions {
  /** Information-level issues are counted but not listed unless asked. */
  showInformation?: boolean;
}

export function formatText(report: CheckReport, options: TextOptions = {}): string {
  const lang = report.lang;
  const out: string[] = [];
  for (const r of report.results) {
    out.push(`${r.input.file} (${r.input.format ?? '?'}, ${r.input.bytes} ${lang === 'fr' ? 'octets' : 'bytes'}, sha256 ${r.input.sha256.slice(0, 12)}…)`);
    for (const i of r.issues) {
      if (i.severity === 'information' && !options.showInformation) continue;
      const where = i.line !== undefined ? ` (${i.line}:${i.column})` : '';
      out.push(`  ${LABEL[lang][i.severity].padEnd(13)} ${i.ruleId}  ${i.path}${where}`);
      out.push(`      ${i.message}`);
      if (i.hint) out.push(`      ${lang === 'fr' ? 'Piste' : 'Hint'} : ${i.hint}`);
      out.push(`      ${i.specUrl}`);
    }
    if (r.scenario) {
      const sc = r.scenario;
      out.push(`  ${lang === 'fr' ? 'Cas d’usage' : 'Use case'} ${sc.id} (${sc.version}) : ${sc.title}`);
      for (const q of sc.requirements) {
        const mark = q.status === 'pass' ? (lang === 'fr' ? 'OK    ' : 'PASS  ') : (lang === 'fr' ? 'ÉCHEC ' : 'FAIL  ');
        out.push(`    ${mark} ${q.ruleId.padEnd(10)} ${q.title}${q.findings ? ` (${q.findings})` : ''}`);
      }
    }
    if (r.fidelity) out.push(...fidelityTable(r.fidelity, lang));
    out.push(`  → ${summaryLine(r.summary, lang)} — ${verdictLabel(r.verdict, lang)}`);
    out.push('');
  }
  out.push(`${lang === 'fr' ? 'Total' : 'Total'} : ${summaryLine(report.summary, lang)} — ${verdictLabel(report.verdict, lang)}`);
  return `${out.join('\n')}\n`;
}

function summaryLine(s: Summary, lang: Lang): string {
  return lang === 'fr'
    ? `${s.fatal} fatale(s), ${s.error} erreur(s), ${s.warning} avertissement(s), ${s.information} information(s)`
    : `${s.fatal} fatal, ${s.error} error(s), ${s.warning} warning(s), ${s.information} information`;
}

function verdictLabel(v: 'pass' | 'fail', lang: Lang): string {
  return v === 'pass' ? (lang === 'fr' ? 'CONFORME' : 'PASS') : (lang === 'fr' ? 'NON CONFORME' : 'FAIL');
}

const FIDELITY_HEADINGS: Record<Lang, { title: string; columns: string[] }> = {
  fr: { title: 'Fidélité au jeu de données', columns: ['Type', 'attendus', 'retrouvés', 'perdus', 'modifiés', 'en plus', 'champs', 'score'] },
  en: { title: 'Fidelity to the dataset', columns: ['Type', 'expected', 'matched', 'lost', 'altered', 'extra', 'fields', 'score'] },
};

/** Round-trip fidelity: overall score, then one row per resource type (score = fields kept / fields expected). */
function fidelityTable(f: FidelityReport, lang: Lang): string[] {
  const h = FIDELITY_HEADINGS[lang];
  const pct = (n: number) => `${lang === 'fr' ? n.toFixed(2).replace('.', ',') : n.toFixed(2)} %`;
  const rows = [h.columns, ...f.byType.map((t) => [
    t.resourceType, t.expected, t.matched, t.lost, t.altered, t.extra, `${t.keptFields}/${t.expectedFields}`, pct(t.score),
  ].map(String))];
  const widths = h.columns.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `    ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`;
  return [`  ${h.title} ${f.dataset.name} (sha256 ${f.dataset.sha256.slice(0, 12)}…) : ${pct(f.score)}`, ...rows.map(line)];
}
