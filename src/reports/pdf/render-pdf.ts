/** PDF rendering: the same HTML as the HTML report, printed by a (warm, reused) PdfPrinter. */
import { renderHtml } from '../html/render-html.js';
import { LABELS } from '../html/labels.js';
import { formatDate } from '../html/view-model.js';
import type { CheckReport } from '../report-model.js';
import type { PdfHeader, PdfPrinter } from './pdf-printer.js';

export function pdfHeader(report: CheckReport): PdfHeader {
  const t = LABELS[report.lang];
  const hashes = report.results.map((r) => r.input.sha256);
  return {
    title: t.title,
    runId: report.run?.id,
    date: report.run ? formatDate(report.run.finishedAt, report.lang) : undefined,
    inputHash: hashes.length === 1 ? hashes[0] : hashes.length ? `${hashes.length} ${t.severalInputs}` : undefined,
    pageLabel: t.page,
  };
}

export async function renderPdf(report: CheckReport, printer: PdfPrinter): Promise<Buffer> {
  return printer.print(renderHtml(report, { forPrint: true }), pdfHeader(report));
}
