/** The report formats, one dispatch shared by the CLI (`--format`) and the server (report downloads). */
import { formatGazelle } from './format-gazelle.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { renderHtml } from './html/render-html.js';
import { PdfPrinter } from './pdf/pdf-printer.js';
import { renderPdf } from './pdf/render-pdf.js';
import type { CheckReport } from './report-model.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif', 'gazelle', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats that are bytes, not text: they need a file (`--out`) on the command line. */
export const BINARY_FORMATS: ReadonlySet<ReportFormat> = new Set(['pdf']);

export interface RenderOptions {
  /** Text format: list information findings too. */
  showInformation?: boolean;
  /** PDF: a warm printer to reuse (a server keeps one); without it one is started and closed for this report. */
  pdfPrinter?: PdfPrinter;
}

/** Media type of each format (server downloads). */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
  junit: 'application/xml',
  sarif: 'application/sarif+json',
  gazelle: 'application/gzl.validation.report+json',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export async function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions = {}): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report);
    case 'gazelle':
      return formatGazelle(report);
    case 'text':
      return formatText(report, options);
    case 'html':
      return renderHtml(report);
    case 'pdf': {
      if (options.pdfPrinter) return renderPdf(report, options.pdfPrinter);
      const printer = new PdfPrinter();
      try {
        return await renderPdf(report, printer);
      } finally {
        await printer.close();
      }
    }
  }
}
