/**
 * Machine formats of one fixed report (a real check of an invalid export plus the scenario, fidelity and
 * annotation blocks): byte-for-byte golden files (regenerate with UPDATE_GOLDEN=1 and read the diff),
 * SARIF validated against the SARIF 2.1.0 JSON Schema, the JUnit XML shape, the Gazelle counters.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { parseXml, type XElement } from '../../src/cda/xml/xml-tree.js';
import { renderReport, type ReportFormat } from '../../src/reports/render-report.js';
import type { CheckReport } from '../../src/reports/report-model.js';
import { fixtureReport, withOptionalBlocks } from './fixtures.js';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDENS: [ReportFormat, string][] = [['json', 'report.json'], ['junit', 'report.junit.xml'], ['sarif', 'report.sarif'], ['gazelle', 'report.gazelle.json'], ['text', 'report.txt']];

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (read from node_modules, not copied). */
function sarifSchema(): object {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@microsoft/jest-sarif/package.json');
  return JSON.parse(readFileSync(join(pkg, '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
}

/** The schema is draft-04 and one of its patterns is not valid in Unicode mode: ajv in non-Unicode regexp mode. */
const schemaValidator = () => new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });

describe('rapports : formats machine (JSON, JUnit, SARIF, Gazelle, texte)', function () {
  this.timeout(60_000);
  let report: CheckReport;
  before(async () => { report = withOptionalBlocks(await fixtureReport('fr')); });

  for (const [format, file] of GOLDENS) {
    it(`${format} : identique au fichier de référence golden/${file}`, async () => {
      const out = String(await renderReport(report, format));
      const path = join(GOLDEN_DIR, file);
      if (UPDATE || !existsSync(path)) {
        if (!UPDATE) throw new Error(`fichier de référence absent : ${path} (UPDATE_GOLDEN=1 pour le créer)`);
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, out);
      }
      expect(out).to.equal(readFileSync(path, 'utf8'));
    });
  }

  it('même entrée, mêmes octets (hors bloc run) : deux vérifications donnent le même JSON', async () => {
    const a = JSON.parse(String(await renderReport(await fixtureReport('fr'), 'json')));
    const b = JSON.parse(String(await renderReport(await fixtureReport('fr'), 'json')));
    expect(a.run).to.deep.equal(b.run); // fixed by the fixture
    expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
  });

  it('SARIF : conforme au schéma SARIF 2.1.0, une règle par id avec lien, résultats localisés', async () => {
    const sarif = JSON.parse(String(await renderReport(report, 'sarif')));
    const ajv = schemaValidator();
    ajvFormats.default(ajv);
    const validate = ajv.compile(sarifSchema());
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).to.deep.equal([...new Set(report.results[0].issues.map((i) => i.ruleId))].sort());
    for (const r of run.tool.driver.rules) expect(r.helpUri, r.id).to.match(/^https?:\/\//);
    const bdl = run.results.find((r: { ruleId: string }) => r.ruleId === 'TDDUI-BDL-005');
    expect(bdl.level).to.equal('error');
    expect(bdl.locations[0].logicalLocations[0].fullyQualifiedName).to.equal('Bundle.entry[0].request.method');
    expect(bdl.locations[0].physicalLocation.region.startLine).to.be.a('number');
  });

  it('SARIF : un rapport qui enfreint le schéma est bien refusé (le validateur n’accepte pas tout)', () => {
    const validate = schemaValidator().compile(sarifSchema());
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).to.equal(false);
  });

  it('JUnit : testsuites > testsuite par fichier ; tests et failures égaux au décompte des testcase', async () => {
    const doc = parseXml(String(await renderReport(report, 'junit')));
    expect(doc.problem).to.equal(undefined);
    const root = doc.documentNode.children[0];
    expect(root.q).to.equal('testsuites');
    const suites = root.children.filter((c: XElement) => c.q === 'testsuite');
    expect(suites.map((s) => s.attrs.name)).to.deep.equal(['export-invalide.json']);
    for (const s of suites) {
      const cases = s.children.filter((c) => c.q === 'testcase');
      expect(Number(s.attrs.tests)).to.equal(cases.length);
      expect(Number(s.attrs.failures)).to.equal(cases.filter((c) => c.children.some((x) => x.q === 'failure')).length);
      const bdl = cases.find((c) => c.attrs.name === 'Bundle.entry[0] — TDDUI-BDL-005');
      expect(bdl?.children.find((x) => x.q === 'failure')?.attrs.type).to.equal('TDDUI-BDL-005');
    }
  });

  it('Gazelle : overallResult, une assertion par constat (id, sévérité, priorité, emplacement), compteurs cohérents, versions', async () => {
    const g = JSON.parse(String(await renderReport(report, 'gazelle')));
    expect(g.overallResult).to.equal('FAILED');
    const sub = g.reports[0];
    expect(sub.name).to.equal('export-invalide.json');
    expect(sub.assertionReports).to.have.length(report.results[0].issues.length);
    const bdl = sub.assertionReports.find((a: { assertionID: string }) => a.assertionID === 'TDDUI-BDL-005');
    expect(bdl).to.deep.include({ severity: 'ERROR', priority: 'MANDATORY', result: 'FAILED' });
    expect(bdl.subjectLocation).to.include({ type: 'FHIRPath', value: 'Bundle.entry[0].request.method', inputId: 'input-1' });
    const s = report.summary;
    expect(g.counters).to.deep.equal({
      numberOfAssertions: s.fatal + s.error + s.warning + s.information, numberOfFailedWithInfos: s.information,
      numberOfFailedWithWarnings: s.warning, numberOfFailedWithErrors: s.fatal + s.error, numberOfUnexpectedErrors: 0,
    });
    const meta = Object.fromEntries(g.additionalMetadata.map((m: { name: string; value: string }) => [m.name, m.value]));
    expect(meta['ans.fhir.fr.tddui']).to.equal(report.pins['ans.fhir.fr.tddui']);
    expect(meta['tddui-rules']).to.equal(report.pins['tddui-rules']);
    const pass = JSON.parse(String(await renderReport(await fixtureReport('fr', [{ name: 'ok.json', text: '{"resourceType":"Bundle","type":"transaction"}' }]), 'gazelle')));
    expect(['PASSED', 'FAILED']).to.include(pass.overallResult);
    expect(pass.overallResult === 'PASSED').to.equal(pass.counters.numberOfFailedWithErrors === 0);
  });
});
