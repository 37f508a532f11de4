/**
 * End-to-end in a real headless Chromium (puppeteer-core + Debian chromium) against the real server on an
 * ephemeral port with a real SQLite file: sign in by token, upload an invalid export through the form, read
 * the findings on the run page, check a re-export against a use case and the expected dataset (checklist,
 * fidelity losses), download the PDF and read its text back with pdftotext; a reviewer then
 * annotates the run, and a second vendor can neither list nor open it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { generateDataset, listScenarios, writeDataset } from '../../src/scenarios/index.js';
import { silentLogger } from '../../src/server/log.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { createOrganisation, createToken } from '../../src/server/store/accounts.js';

const CHROMIUM = process.env.TDDUI_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const EXAMPLE = new URL('../../../shared/spec/tddui-fhir/2.4.0-ballot/Bundle-tddui-bundle-example.json', import.meta.url);

describe('web interface in a real browser', function () {
  this.timeout(120_000);
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  let exportFile: string;
  const tokens: Record<'vendor' | 'other' | 'reviewer', string> = { vendor: '', other: '', reviewer: '' };
  let runUrl = '';

  before(async function () {
    if (!existsSync(EXAMPLE)) {
      console.log('    (../shared absent : test du navigateur ignoré, il lui faut l’exemple officiel)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'tddui-web-'));
    // The official example with one defect the bench names precisely: a PUT where a transaction creates (POST).
    const bundle = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { entry: { request: { method: string } }[] };
    bundle.entry[1].request.method = 'PUT';
    exportFile = join(dir, 'export-dui.json');
    writeFileSync(exportFile, JSON.stringify(bundle, null, 2));
    server = await startServer({
      config: { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), checkWorkers: 1 }, logger: silentLogger,
      scenarios: { list: () => listScenarios().map((s) => ({ ...s })), writeDataset: async (id, r, out) => { await writeDataset(id, r, out); } },
    });
    const db = server.context.db;
    for (const org of ['Éditeur DUI', 'Autre éditeur', 'CNSA']) createOrganisation(db, org);
    tokens.vendor = createToken(db, 'Éditeur DUI', 'vendor').token;
    tokens.other = createToken(db, 'Autre éditeur', 'vendor').token;
    tokens.reviewer = createToken(db, 'CNSA', 'reviewer').token;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'], userDataDir: join(dir, 'chromium') });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(token: string): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await page.type('#token', token);
    await Promise.all([page.waitForNavigation(), page.click('form.card button[type=submit]')]);
    return page;
  }

  it('refuses a wrong token on the sign-in page, in French', async () => {
    const page = await signIn('tdb_inconnu_000');
    expect(await page.$eval('[role=alert]', (e) => e.textContent)).to.include('Jeton inconnu');
    await page.browserContext().close();
  });

  it('a vendor uploads an invalid export and sees the findings with rule id and path', async () => {
    const page = await signIn(tokens.vendor);
    expect(await page.$eval('.account', (e) => e.textContent)).to.include('Éditeur DUI');
    await page.goto(`${server.url}/tester`);
    const input = await page.$('#export');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(exportFile);
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click('form.card button[type=submit]')]);
    runUrl = page.url();
    expect(runUrl).to.match(/\/executions\/[0-9a-f-]{36}/);
    expect(await page.$eval('.verdict-banner', (e) => e.textContent?.trim())).to.equal('non conforme');
    const rows = await page.$$eval('table.findings tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.includes('TDDUI-BDL-005') && r.includes('Bundle.entry[1].request.method'))).to.equal(true);
    const severities = await page.$$eval('table.findings tbody tr', (trs) => trs.map((tr) => tr.getAttribute('class')));
    expect(severities.indexOf('warning') === -1 || severities.lastIndexOf('error') < severities.indexOf('warning'), 'errors listed before warnings').to.equal(true);
    await page.browserContext().close();
  });

  it('a vendor picks a use case and the expected dataset: the run page shows the checklist and the fidelity losses', async () => {
    const { bundle } = await generateDataset('ssiad-sidoba', { seed: 4, usagers: 2 });
    writeFileSync(join(dir, 'jeu-remis.json'), JSON.stringify(bundle));
    const reexport = structuredClone(bundle) as { entry: { resource: { resourceType: string; name?: { family: string }[] } }[] };
    const patient = reexport.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    patient.name![0].family = 'AUTRE-NOM';
    writeFileSync(join(dir, 'reexport.json'), JSON.stringify(reexport));
    const page = await signIn(tokens.vendor);
    await page.goto(`${server.url}/tester`);
    await page.select('#scenario', 'ssiad-sidoba');
    await (await page.$('#export') as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(join(dir, 'reexport.json'));
    await (await page.$('#expect') as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(join(dir, 'jeu-remis.json'));
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click('form.card button[type=submit]')]);
    const checklist = await page.$$eval('table.checklist tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(checklist.some((r) => r.includes('SSIAD-001'))).to.equal(true);
    const heading = await page.$eval('table.fidelity', (t) => t.closest('section')?.querySelector('h2')?.textContent ?? '');
    expect(heading).to.match(/Fidélité au jeu de données : (\d+,\d+|\d+) %/).and.not.include(' 100 %');
    const rows = await page.$$eval('table.findings tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.includes('FIDELITY-004') && r.includes('AUTRE-NOM'))).to.equal(true);
    await page.browserContext().close();
  });

  it('the PDF download is a real PDF whose text holds the rule ids', async () => {
    const page = await signIn(tokens.vendor);
    await page.goto(runUrl);
    const href = await page.$$eval('.downloads a', (as) => as.map((a) => (a as unknown as { href: string }).href).find((h) => h.includes('rapport.pdf')));
    expect(href, 'PDF link on the run page').to.be.a('string');
    const cookies = await page.browserContext().cookies();
    const res = await fetch(href!, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    const pdfFile = join(dir, 'rapport.pdf');
    writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).to.include('TDDUI-BDL-005').and.include('TDDUI-BDL-006');
    await page.browserContext().close();
  });

  it('another vendor neither lists nor opens the run', async () => {
    const page = await signIn(tokens.other);
    await page.goto(`${server.url}/executions`);
    expect(await page.$$('table.runs tbody tr')).to.have.length(0);
    const res = await page.goto(runUrl);
    expect(res?.status()).to.equal(404);
    await page.browserContext().close();
  });

  it('a reviewer lists every organisation’s runs and annotates without changing the run', async () => {
    const page = await signIn(tokens.reviewer);
    await page.goto(`${server.url}/executions?verdict=fail`);
    expect(await page.$$eval('table.runs tbody tr', (trs) => trs.map((t) => t.textContent ?? '').join('|'))).to.include('Éditeur DUI');
    await page.goto(runUrl);
    await page.select('#decision', 'reject');
    await page.type('#comment', 'Méthode PUT refusée : corriger avant référencement.');
    await Promise.all([page.waitForNavigation(), page.click('fieldset button[type=submit]')]);
    const notes = await page.$eval('.annotations', (e) => e.textContent ?? '');
    expect(notes).to.include('refusé').and.include('CNSA').and.include('Méthode PUT refusée');
    expect(await page.$eval('.verdict-banner', (e) => e.textContent?.trim())).to.equal('non conforme');
    expect(await page.$('#export')).to.equal(null);
    await page.browserContext().close();
  });
});
