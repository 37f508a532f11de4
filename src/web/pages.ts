/**
 * Server-rendered pages of the web interface: Handlebars templates from `reports/web/`, compiled once per
 * process. Pages work without JavaScript (plain links and forms); every text comes from labels.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../definitions/paths.js';
import { TOOL } from '../reports/tool-info.js';
import { isLabelKey, label, type WebLang } from './labels.js';

const WEB_DIR = join(PROJECT_ROOT, 'reports', 'web');

export type PageName = 'home' | 'login' | 'check' | 'runs' | 'run' | 'scenarios' | 'error';

/** What every page knows: language, who is signed in, where it is (for the navigation's current link). */
export interface PageFrame {
  lang: WebLang;
  /** The page path without the query, to build the language switch link. */
  path: string;
  user?: { org: string; role: 'vendor' | 'reviewer' | 'admin' };
  /** Navigation key of the current section (`nav.runs`…), marked aria-current. */
  section?: string;
  title: string;
}

function createEngine(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const lang = (options.data.root as PageFrame).lang;
    if (!isLabelKey(key)) throw new Error(`libellé inconnu : ${key}`);
    return label(key, lang, options.hash as Record<string, string>);
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('bytes', (n: number) => (n < 1024 ? `${n} o` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} Kio` : `${(n / 1024 / 1024).toFixed(1)} Mio`));
  hb.registerHelper('datetime', (iso: string) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : ''));
  hb.registerHelper('version', () => TOOL.version);
  hb.registerPartial('layout', readFileSync(join(WEB_DIR, 'layout.hbs'), 'utf8'));
  return hb;
}

let compiled: { hb: typeof Handlebars; pages: Map<string, Handlebars.TemplateDelegate> } | undefined;

function templates() {
  if (compiled) return compiled;
  const hb = createEngine();
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(join(WEB_DIR, 'pages')).filter((f) => f.endsWith('.hbs'))) {
    pages.set(basename(file, '.hbs'), hb.compile(readFileSync(join(WEB_DIR, 'pages', file), 'utf8'), { strict: false }));
  }
  compiled = { hb, pages };
  return compiled;
}

/** Renders one page; `model` is the page's own data next to the frame. */
export function renderPage(name: PageName, frame: PageFrame, model: object = {}): string {
  const page = templates().pages.get(name);
  if (!page) throw new Error(`page inconnue : ${name}`);
  return page({ ...model, ...frame, otherLang: frame.lang === 'en' ? 'fr' : 'en' });
}

/** The interface's style sheet, served as a file so the Content-Security-Policy needs no inline style. */
export const WEB_CSS = (): string => readFileSync(join(WEB_DIR, 'web.css'), 'utf8');
