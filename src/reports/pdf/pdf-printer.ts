/**
 * PDF reports: the HTML report printed by Chromium (puppeteer-core driving the system's chromium, path from
 * TDDUI_BENCH_CHROMIUM, default /usr/bin/chromium). One warm browser and one page are kept and reused
 * across reports (launching costs ~0.6 s, a new page ~0.15 s); prints are queued on that page. Call close()
 * when done (the CLI does after its single report, the server at shutdown).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface PdfPrinterOptions {
  /** Chromium executable; default TDDUI_BENCH_CHROMIUM or /usr/bin/chromium. */
  executablePath?: string;
  /** Time allowed for one print (ms). */
  timeoutMs?: number;
}

/** What the running header of every page shows. */
export interface PdfHeader {
  title: string;
  runId?: string;
  date?: string;
  /** The input's SHA-256 (or a summary when the report covers several inputs). */
  inputHash?: string;
  /** Footer: "Page" in the report's language. */
  pageLabel: string;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions', '--mute-audio', '--font-render-hinting=none'];

export class PdfPrinter {
  private browser?: Promise<Browser>;
  private page?: Promise<Page>;
  private profileDir?: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  readonly executablePath: string;
  private readonly timeoutMs: number;

  constructor(options: PdfPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? process.env.TDDUI_BENCH_CHROMIUM ?? DEFAULT_CHROMIUM;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Starts the browser now (otherwise the first print does): servers warm it at start-up. */
  async warm(): Promise<void> {
    await this.currentPage();
  }

  /** Prints one HTML document (self-contained) to an A4 PDF with the running header and page numbers. */
  print(html: string, header: PdfHeader): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('PdfPrinter fermé'));
    const job = this.queue.then(() => this.printNow(html, header));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const browser = this.browser;
    this.browser = undefined;
    this.page = undefined;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
    this.profileDir = undefined;
  }

  private async printNow(html: string, header: PdfHeader): Promise<Buffer> {
    const page = await this.currentPage();
    try {
      // No network: the document is self-contained, so "load" comes right after parsing (no idle wait).
      await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(header),
        footerTemplate: footerTemplate(header),
        margin: { top: '18mm', bottom: '14mm', left: '12mm', right: '12mm' },
        // A tagged (structure-tree) PDF takes 2–3× longer and 4× the bytes for a 1,000-finding report;
        // the HTML report is the accessible rendering.
        tagged: false,
        outline: false,
        timeout: this.timeoutMs,
      });
      return Buffer.from(pdf);
    } catch (e) {
      // A crashed page or browser is replaced on the next print.
      this.page = undefined;
      if (!(await this.browser?.then((b) => b.connected).catch(() => false))) this.browser = undefined;
      throw new Error(`impression PDF impossible : ${(e as Error).message}`);
    }
  }

  private currentPage(): Promise<Page> {
    if (!this.browser) {
      this.profileDir ??= mkdtempSync(join(tmpdir(), 'tddui-chromium-'));
      this.browser = puppeteer.launch({ executablePath: this.executablePath, headless: true, userDataDir: this.profileDir, args: ARGS })
        .catch((e: Error) => {
          this.browser = undefined;
          throw new Error(`Chromium introuvable ou impossible à lancer (${this.executablePath}) : ${e.message}. Installer chromium ou indiquer son chemin dans TDDUI_BENCH_CHROMIUM.`);
        });
      this.page = undefined;
    }
    if (!this.page) {
      const browser = this.browser;
      this.page = browser.then(async (b) => {
        const page = await b.newPage();
        await page.setJavaScriptEnabled(false);
        // Laid out for print from the start: page.pdf() then does not lay the document out a second time (~25 % faster).
        await page.emulateMediaType('print');
        // Self-contained reports: refuse any request a report could still make (defence in depth).
        await page.setRequestInterception(true);
        page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
        return page;
      });
      this.page.catch(() => { this.page = undefined; });
    }
    return this.page;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Header and footer run in their own tiny document: inline styles only, explicit font size. */
function headerTemplate(h: PdfHeader): string {
  const parts = [h.runId && esc(h.runId), h.date && esc(h.date), h.inputHash && `SHA-256 ${esc(h.inputHash)}`].filter(Boolean);
  return `<div style="font-family:'DejaVu Sans',Arial,sans-serif;font-size:7.5px;color:#4a5360;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8px">`
    + `<span style="font-weight:bold">${esc(h.title)}</span><span>${parts.join(' · ')}</span></div>`;
}

function footerTemplate(h: PdfHeader): string {
  return `<div style="font-family:'DejaVu Sans',Arial,sans-serif;font-size:8px;color:#4a5360;width:100%;margin:0 12mm;text-align:right">`
    + `${esc(h.pageLabel)} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}
