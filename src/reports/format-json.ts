/** JSON output: the report model as is. */
import type { CheckReport } from './report-model.js';

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
