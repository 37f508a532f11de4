/** The CLI contract others script against: commands, formats, exit codes, determinism. */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { RULE_CATALOGUE } from '../../src/rules/catalogue.js';
import { runCli } from '../support/cli.js';
import { requireSpec, TDDUI_EXAMPLES } from '../support/context.js';
import { minimalBundle } from '../cases/tddui-bundle.cases.js';

describe('CLI tddui-bench', function () {
  this.timeout(60_000);
  let dir: string;
  let valid: string;
  let invalid: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tddui-cli-'));
    valid = join(dir, 'valide.json');
    invalid = join(dir, 'invalide.json');
    writeFileSync(valid, JSON.stringify(minimalBundle(), null, 2));
    const bad = minimalBundle();
    bad.entry[0].request.method = 'PUT';
    bad.entry[0].resource.active = 'oui';
    writeFileSync(invalid, JSON.stringify(bad, null, 2));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('check : code 0 sans erreur, 1 avec erreurs, rapport texte en français', () => {
    const ok = runCli(['check', valid]);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.include('CONFORME');
    const ko = runCli(['check', invalid]);
    expect(ko.code).to.equal(1);
    expect(ko.stdout).to.include('TDDUI-BDL-005').and.include('NON CONFORME').and.include('Bundle.entry[0].request.method');
  });

  it('check : code 2 pour une option inconnue, un fichier absent, un format inconnu', () => {
    expect(runCli(['check', '--bogus', valid]).code).to.equal(2);
    const missing = runCli(['check', join(dir, 'absent.json')]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include('fichier introuvable');
    expect(runCli(['check', '--format', 'pdf2', valid]).code).to.equal(2);
    expect(runCli(['check']).code).to.equal(2);
  });

  it('check --format json : modèle contractuel, déterministe hors bloc run', () => {
    const a = runCli(['check', '--format', 'json', invalid]);
    const b = runCli(['check', '--format', 'json', invalid]);
    expect(a.code).to.equal(1);
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    expect(Object.keys(ra)).to.include.members(['tool', 'pins', 'summary', 'verdict', 'results']);
    expect(ra.tool).to.deep.equal({ name: 'tddui-bench', version: ra.tool.version });
    expect(ra.pins).to.include({ 'ans.fhir.fr.tddui': '2.4.0-ballot', 'hl7.fhir.r4.core': '4.0.1', 'hl7.fhir.fr.core': '2.1.0' });
    expect(Object.keys(ra.summary)).to.deep.equal(['fatal', 'error', 'warning', 'information']);
    expect(ra.verdict).to.equal('fail');
    const r0 = ra.results[0];
    expect(r0.input.file).to.equal(invalid);
    expect(r0.input.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(r0.input.bytes).to.equal(readFileSync(invalid).length);
    const issue = r0.issues.find((i: { ruleId: string }) => i.ruleId === 'FHIR-JSON-TYPE');
    expect(issue).to.include({ severity: 'error', path: 'Bundle.entry[0].resource.active' });
    expect(issue.line).to.be.a('number');
    expect(issue.column).to.be.a('number');
    expect(issue.specUrl).to.match(/^https?:\/\//);
    expect(issue.message).to.be.a('string').and.not.equal('');
    delete ra.run;
    delete rb.run;
    expect(JSON.stringify(ra)).to.equal(JSON.stringify(rb));
  });

  it('check --lang en : messages en anglais', () => {
    const r = JSON.parse(runCli(['check', '--format', 'json', '--lang', 'en', invalid]).stdout);
    const issue = r.results[0].issues.find((i: { ruleId: string }) => i.ruleId === 'TDDUI-BDL-005');
    expect(issue.message).to.match(/must be POST/);
  });

  it('check --format junit : XML bien formé, un testsuite par fichier, échecs pour les erreurs', () => {
    const out = join(dir, 'rapport.xml');
    const r = runCli(['check', '--format', 'junit', '--out', out, valid, invalid]);
    expect(r.code).to.equal(1);
    const xml = readFileSync(out, 'utf8');
    const suites: Record<string, string>[] = [];
    const p = new SaxesParser();
    p.on('opentag', (t) => t.name === 'testsuite' && suites.push(t.attributes as Record<string, string>));
    p.write(xml).close();
    expect(suites.map((s) => s.name)).to.deep.equal([valid, invalid]);
    expect(Number(suites[0].failures)).to.equal(0);
    expect(Number(suites[1].failures)).to.be.greaterThan(0);
    expect(xml).to.include('TDDUI-BDL-005');
  });

  it('check --format sarif : SARIF 2.1.0 avec règles, liens et emplacements', () => {
    const r = runCli(['check', '--format', 'sarif', invalid]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).to.equal('2.1.0');
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).to.include('TDDUI-BDL-005');
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).to.match(/^https?:\/\//);
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'TDDUI-BDL-005');
    expect(res.level).to.equal('error');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).to.equal(invalid);
    expect(res.locations[0].physicalLocation.region.startLine).to.be.a('number');
    expect(res.locations[0].logicalLocations[0].fullyQualifiedName).to.equal('Bundle.entry[0].request.method');
    expect(run.tool.driver.rules[res.ruleIndex].id).to.equal('TDDUI-BDL-005');
  });

  it('check d’un dossier : tous les .json/.xml, triés', function () {
    requireSpec(this);
    const r = JSON.parse(runCli(['check', '--format', 'json', TDDUI_EXAMPLES]).stdout);
    expect(r.results.length).to.be.greaterThan(60);
    const files = r.results.map((x: { input: { file: string } }) => x.input.file);
    expect(files).to.deep.equal([...files].sort());
  });

  it('check --profile et --fhir-only', () => {
    const r = JSON.parse(runCli(['check', '--format', 'json', '--fhir-only', invalid]).stdout);
    const ids = r.results[0].issues.map((i: { ruleId: string }) => i.ruleId);
    expect(ids).to.include('FHIR-JSON-TYPE');
    expect(ids.some((id: string) => id.startsWith('TDDUI-'))).to.equal(false);
    const p = JSON.parse(runCli(['check', '--format', 'json', '--fhir-only', '--profile', 'https://example.org/inconnu', valid]).stdout);
    expect(p.results[0].issues.map((i: { ruleId: string }) => i.ruleId)).to.include('FHIR-PROFILE-UNKNOWN');
  });

  it('profiles list : les profils TDDUI avec id, url, version, nature', () => {
    const r = runCli(['profiles', 'list', '--format', 'json']);
    expect(r.code).to.equal(0);
    const rows = JSON.parse(r.stdout) as { id: string; url: string; version: string; kind: string }[];
    expect(rows.find((x) => x.id === 'tddui-bundle')).to.include({ version: '2.4.0-ballot', kind: 'profil', url: 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle' });
    expect(rows.find((x) => x.id === 'tddui-birth-order')?.kind).to.equal('extension');
    expect(rows.some((x) => x.url.startsWith('http://hl7.org/fhir/StructureDefinition/'))).to.equal(false);
    expect(runCli(['profiles', 'list']).stdout).to.include('tddui-patient-ins');
  });

  it('rules list : tout le catalogue', () => {
    const rows = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout) as { id: string }[];
    expect(rows.map((x) => x.id)).to.deep.equal(RULE_CATALOGUE.map((x) => x.id));
  });
});
