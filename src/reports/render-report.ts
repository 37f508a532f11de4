/** The report formats, one dispatch shared by the CLI (`--format`) and the server (report downloads). */
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import type { CheckReport } from './report-model.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** Text format: list information findings too. */
  showInformation?: boolean;
}

/** Media type of each format (server downloads). */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
  junit: 'application/xml',
  sarif: 'application/sarif+json',
};

export async function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions = {}): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report);
    case 'text':
      return formatText(report, options);
  }
}
