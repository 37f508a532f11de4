/**
 * HTML report: Handlebars templates of reports/templates (a main template and its partials) filled with
 * the view model, CSS inlined from reports/report.css. Self-contained: no script, no external request.
 * Templates are read and compiled once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../../definitions/paths.js';
import type { CheckReport } from '../report-model.js';
import { buildHtmlView } from './view-model.js';

export const REPORTS_DIR = join(PROJECT_ROOT, 'reports');

interface CompiledTemplates {
  render: Handlebars.TemplateDelegate;
  css: string;
}

let compiled: CompiledTemplates | undefined;

function templates(): CompiledTemplates {
  if (!compiled) {
    const hb = Handlebars.create();
    const partials = join(REPORTS_DIR, 'templates', 'partials');
    for (const name of readdirSync(partials).filter((n) => n.endsWith('.hbs')).sort()) {
      hb.registerPartial(name.slice(0, -4), readFileSync(join(partials, name), 'utf8'));
    }
    const render = hb.compile(readFileSync(join(REPORTS_DIR, 'templates', 'report.hbs'), 'utf8'), { strict: false, preventIndent: true });
    compiled = { render, css: readFileSync(join(REPORTS_DIR, 'report.css'), 'utf8').trim() };
  }
  return compiled;
}

export interface HtmlOptions {
  /**
   * For print (PDF): rule ids in the findings table are not links (each rule's link stays in the table by
   * rule). A thousand link annotations cost Chromium ~10 % of the print time and a reader of paper no click.
   */
  forPrint?: boolean;
}

export function renderHtml(report: CheckReport, options: HtmlOptions = {}): string {
  const { render, css } = templates();
  return render({ ...buildHtmlView(report), css, linkFindings: !options.forPrint });
}
