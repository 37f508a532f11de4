/**
 * Report rendering bench: a report with 1,000 findings (over 250 Bundle entries) rendered to HTML and to PDF
 * with a warm Chromium (the server keeps one: the browser is started and the page used a few times first).
 * Targets: HTML < 200 ms, PDF < 2 s. Prints medians, ratios and [PASS]/[FAIL] lines for `npm run bench`.
 *
 *   npx tsx bench/reports.ts [--findings 1000] [--runs 5]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { renderHtml } from '../src/reports/html/render-html.js';
import { DEFAULT_CHROMIUM, PdfPrinter } from '../src/reports/pdf/pdf-printer.js';
import { renderPdf } from '../src/reports/pdf/render-pdf.js';
import { largeReport } from '../test/reports/fixtures.js';
import { numberArg as arg, percentile, targetLine, timed } from './measure.js';

const TARGET = { htmlMs: 200, pdfMs: 2_000 };
const line = (label: string, ms: number, target: number) => targetLine(label, ms, target, 46);

async function main(): Promise<number> {
  const findings = arg('findings', 1_000);
  const runs = arg('runs', 5);
  const report = await largeReport(findings);
  const [firstHtml, html] = await timed(() => renderHtml(report));
  const htmlRuns: number[] = [];
  for (let i = 0; i < runs; i++) htmlRuns.push((await timed(() => renderHtml(report)))[0]);
  const out = [
    `Rapports — ${findings} constatations, ${report.results[0].entries?.length ?? 0} entrées, HTML ${(html.length / 1024).toFixed(0)} Kio, Node ${process.version}, charge ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    `  HTML, premier rendu (compilation des gabarits comprise) : ${firstHtml.toFixed(1)} ms`,
    line(`HTML, médiane de ${runs}`, percentile(htmlRuns, 50), TARGET.htmlMs),
  ];
  const chromium = process.env.TDDUI_BENCH_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!existsSync(chromium)) {
    out.push(`  PDF : Chromium absent (${chromium}), non mesuré`);
  } else {
    const printer = new PdfPrinter();
    try {
      const [coldMs, pdf] = await timed(() => renderPdf(report, printer));
      for (let i = 0; i < 2; i++) await renderPdf(report, printer);
      const pdfRuns: number[] = [];
      for (let i = 0; i < runs; i++) pdfRuns.push((await timed(() => renderPdf(report, printer)))[0]);
      out.push(
        `  PDF, premier rendu (lancement de Chromium compris) : ${coldMs.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} Kio`,
        line(`PDF navigateur chaud, médiane de ${runs}`, percentile(pdfRuns, 50), TARGET.pdfMs),
      );
    } finally {
      await printer.close();
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: Error) => { process.stderr.write(`${e.stack ?? e.message}\n`); process.exitCode = 1; });
