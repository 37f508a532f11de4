/**
 * HTML and PDF reports: self-contained French (and English) HTML with the verdict, findings grouped by entry,
 * the optional blocks only when present, escaping of hostile text; the same HTML printed to a real PDF by
 * Chromium (text read back with pdftotext); the CLI's --format html|pdf|gazelle.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml } from '../../src/reports/html/render-html.js';
import { DEFAULT_CHROMIUM, PdfPrinter } from '../../src/reports/pdf/pdf-printer.js';
import { renderReport } from '../../src/reports/render-report.js';
import type { CheckReport } from '../../src/reports/report-model.js';
import { runCli } from '../support/cli.js';
import { fixtureReport, invalidExport, withOptionalBlocks } from './fixtures.js';

const chromium = process.env.TDDUI_BENCH_CHROMIUM ?? DEFAULT_CHROMIUM;
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe('rapport HTML', function () {
  this.timeout(60_000);
  let fr: CheckReport;
  let en: CheckReport;
  before(async () => {
    fr = withOptionalBlocks(await fixtureReport('fr'));
    en = withOptionalBlocks(await fixtureReport('en'));
  });

  it('autonome : CSS en ligne, ni script, ni ressource externe (seuls des liens <a> vers la spécification)', () => {
    const html = renderHtml(fr);
    expect(html).to.match(/^<!DOCTYPE html>/).and.include('<style>');
    expect(html).not.to.match(/<script|<link\b|<img\b|<iframe|@import|url\(/i);
    for (const m of html.matchAll(/<([a-z]+)\b[^>]*\b(?:src|href)="(https?:[^"]*)"/gi)) expect(m[1], m[2]).to.equal('a');
  });

  it('en français par défaut, en anglais avec lang en ; verdict, décomptes, empreinte, versions', () => {
    const html = renderHtml(fr);
    expect(html).to.include('<html lang="fr">').and.include('NON CONFORME').and.include(fr.results[0].input.sha256);
    expect(html).to.include(fr.pins['ans.fhir.fr.tddui']);
    const english = renderHtml(en);
    expect(english).to.include('<html lang="en">').and.include('FAIL').and.not.include('NON CONFORME');
  });

  it('constats groupés par entrée du Bundle (type, profil, identifiant métier), avec règle, chemin, ligne et lien', () => {
    const html = renderHtml(fr);
    const entry1 = html.indexOf('Entrée 1 — Patient');
    expect(entry1).to.be.greaterThan(-1);
    expect(html.slice(entry1, entry1 + 600)).to.include('3480787529/147720425367411').and.include('tddui-patient');
    expect(html).to.include('TDDUI-BDL-005').and.include('Bundle.entry[0].request.method');
    expect(html).to.match(/href="https:\/\/interop\.esante\.gouv\.fr\/ig\/fhir\/tddui\/[^"]+"/);
  });

  it('diagramme SVG des constatations par profil, décrit pour les lecteurs d’écran', () => {
    const html = renderHtml(fr);
    const svg = /<svg[^>]*role="img"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).to.include('tddui-patient').and.include('<rect');
  });

  it('liste de contrôle du scénario, table de fidélité et avis des relecteurs : seulement quand ils existent', async () => {
    const html = renderHtml(fr);
    expect(html).to.include('Scénario : liste de contrôle du cas d’usage').and.include('Fidélité de l’aller-retour').and.include('Annotations des relecteurs');
    const plain = renderHtml(await fixtureReport('fr'));
    expect(plain).not.to.include('Scénario : liste de contrôle').and.not.include('Fidélité de l’aller-retour').and.not.include('Annotations des relecteurs');
  });

  it('échappe les textes hostiles (message, nom de fichier, commentaire de relecteur)', async () => {
    const hostile = await fixtureReport('fr', [{ name: '<img src=x onerror=alert(1)>.json', text: invalidExport() }]);
    hostile.results[0].issues[0].message = '<script>alert(1)</script>';
    hostile.annotations = [{ author: 'x', decision: 'comment', comment: '"><svg onload=alert(1)>', at: '2026-03-03T10:00:00.000Z' }];
    const html = renderHtml(hostile);
    expect(html).not.to.match(/<script|<img src=x|<svg onload/);
    expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('rapport PDF (Chromium réel)', function () {
  this.timeout(120_000);
  let printer: PdfPrinter;
  before(function () {
    if (!existsSync(chromium)) {
      console.log(`      (Chromium absent : ${chromium} — tests PDF ignorés)`);
      this.skip();
    }
    printer = new PdfPrinter();
  });
  after(async () => printer?.close());

  it('un vrai PDF A4 dont le texte porte les identifiants de règle, l’en-tête d’exécution et la pagination', async function () {
    const report = withOptionalBlocks(await fixtureReport('fr'));
    const pdf = (await renderReport(report, 'pdf', { pdfPrinter: printer })) as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    if (!hasPdftotext) return console.log('      (pdftotext absent : texte du PDF non relu)');
    const dir = mkdtempSync(join(tmpdir(), 'tddui-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf);
      const text = spawnSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(text).to.include('TDDUI-BDL-005').and.include('NON CONFORME').and.include(report.run!.id);
      expect(text).to.match(/Page 1 \/ \d+/);
      const info = spawnSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout;
      expect(info).to.match(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('le même navigateur sert plusieurs rapports de suite (file d’impression)', async () => {
    const report = await fixtureReport('en');
    const [a, b] = await Promise.all([renderReport(report, 'pdf', { pdfPrinter: printer }), renderReport(report, 'pdf', { pdfPrinter: printer })]);
    for (const p of [a, b] as Buffer[]) expect(p.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });
});

describe('CLI check --format html|pdf|gazelle', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tddui-cli-reports-'));
    writeFileSync(join(dir, 'export.json'), invalidExport());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('html et gazelle : écrits dans --out ou sur la sortie standard ; code 1 pour un export non conforme', () => {
    const html = runCli(['check', '--format', 'html', '--out', join(dir, 'r.html'), join(dir, 'export.json')]);
    expect(html.code, html.stderr).to.equal(1);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).to.include('TDDUI-BDL-005');
    const gazelle = runCli(['check', '--format', 'gazelle', join(dir, 'export.json')]);
    expect(JSON.parse(gazelle.stdout).overallResult).to.equal('FAILED');
  });

  it('pdf sans --out : erreur d’usage claire (code 2), rien sur la sortie standard', () => {
    const r = runCli(['check', '--format', 'pdf', join(dir, 'export.json')]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('--out');
    expect(r.stdout).to.equal('');
  });

  it('pdf avec --out : un fichier PDF', function () {
    if (!existsSync(chromium)) this.skip();
    const r = runCli(['check', '--format', 'pdf', '--out', join(dir, 'r.pdf'), join(dir, 'export.json')]);
    expect(r.code, r.stderr).to.equal(1);
    expect(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });
});
