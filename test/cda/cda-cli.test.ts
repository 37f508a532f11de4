/** `tddui-bench check doc.xml` just works on a CDA document: detection by content, options, exit codes. */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { CDA_SCHEMAS, cdaExample, requireCdaSpec } from './cda-support.js';

describe('CLI : documents CDA', function () {
  this.timeout(60_000);
  let dir: string;
  let doc: string;
  before(function () {
    requireCdaSpec(this);
    dir = mkdtempSync(join(tmpdir(), 'tddui-cda-cli-'));
    doc = join(dir, 'export-sans-extension');
    writeFileSync(doc, cdaExample('1.1.0', true));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ TDDUI_BENCH_DATA: join(dir, 'donnees'), TDDUI_BENCH_CDA_SCHEMAS: '' });

  it('sans option ni schéma : reconnu comme CDA, conforme, XSD signalé non vérifié', () => {
    const r = runCli(['check', doc, '--format', 'json'], env());
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout);
    expect(report.results[0].input.format).to.equal('cda');
    expect(report.results[0].issues.map((i: { ruleId: string }) => i.ruleId)).to.include('CDA-XSD-000');
  });

  it('--cda-schemas et --cda-version : XSD vérifié, règles 1.0.1 imposées (codes AGGIR 1.1.0 refusés → code 1)', () => {
    const ok = runCli(['check', doc, '--cda-schemas', CDA_SCHEMAS, '--lang', 'en'], env());
    expect(ok.code, ok.stdout).to.equal(0);
    expect(ok.stdout).to.not.include('CDA-XSD-000');
    const ko = runCli(['check', doc, '--cda-version', '1.0.1'], env());
    expect(ko.code).to.equal(1);
    expect(ko.stdout).to.include('CDA-EVA-012').and.include('NON CONFORME');
    expect(runCli(['check', doc, '--cda-version', '2.0'], env()).code).to.equal(2);
  });
});
