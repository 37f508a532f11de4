/**
 * The TDDUI 1.1.0 FHIR transport with ANS's example CDA embedded (fixtures built here from the official
 * DocumentReference/Bundle examples, whose own attachment is a "Hello world" placeholder).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/reports/run-check.js';
import type { FileReport } from '../../src/reports/report-model.js';
import { sharedChecker } from '../support/context.js';
import { CDA_SPEC, cdaChecker, cdaExample, mutate, requireCdaSpec } from './cda-support.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fhirExample(name: string): Json {
  return JSON.parse(readFileSync(join(CDA_SPEC, 'fhir-1.1.0', name), 'utf8'));
}

function embed(dr: Json, cda: string): Json {
  dr.content[0].attachment.contentType = 'text/xml';
  dr.content[0].attachment.data = Buffer.from(cda, 'utf8').toString('base64');
  return dr;
}

async function check(resource: Json): Promise<FileReport> {
  const report = await runCheck(sharedChecker(), [{ name: 'transport.json', bytes: Buffer.from(JSON.stringify(resource, null, 2)) }], { cda: { checker: cdaChecker(true) }, runId: 'x' });
  return report.results[0];
}

const blocking = (r: FileReport) => r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');

describe('CDA : transport FHIR 1.1.0 (DocumentReference / Bundle)', function () {
  this.timeout(60_000);
  before(function () {
    requireCdaSpec(this);
  });

  it('DocumentReference portant l’exemple CDA : les deux couches sans erreur, constats CDA localisés dans la pièce jointe', async () => {
    const r = await check(embed(fhirExample('DocumentReference-TDDUIDocumentReferenceExample.json'), cdaExample('1.1.0', true)));
    expect(r.input.format).to.equal('json');
    expect(blocking(r), JSON.stringify(blocking(r))).to.deep.equal([]);
    const ver = r.issues.find((i) => i.ruleId === 'CDA-VER-001')!;
    expect(ver.path).to.equal('DocumentReference.content[0].attachment.data#/cda:ClinicalDocument');
    expect(ver.params.attachment).to.equal(1);
    expect(ver.line).to.be.a('number');
  });

  it('Bundle de deux documents : une erreur dans le second est rattachée à l’entrée 1, pièce jointe 2', async () => {
    const bundle = fhirExample('Bundle-TDDUIBundleExample.json');
    embed(bundle.entry[0].resource, cdaExample('1.1.0', true));
    embed(bundle.entry[1].resource, mutate(cdaExample('1.1.0', true), 'code="EXPORT_DUI"', 'code="EXPORT_DLU"'));
    const r = await check(bundle);
    const hit = blocking(r);
    expect(hit.map((i) => [i.ruleId, i.path, i.params.attachment, i.entry])).to.deep.equal([
      ['CDA-HDR-005', 'Bundle.entry[1].resource.content[0].attachment.data#/cda:ClinicalDocument/cda:code', 2, 1],
    ]);
    expect(hit[0].line).to.be.a('number');
  });

  it('exemples officiels tels quels : la pièce jointe « Hello world » n’est pas un CDA (CDA-FHIR-002)', async () => {
    const r = await check(fhirExample('DocumentReference-TDDUIDocumentReferenceExample.json'));
    expect(blocking(r).map((i) => [i.ruleId, i.path])).to.deep.equal([['CDA-FHIR-002', 'DocumentReference.content[0].attachment.data']]);
  });

  it('contraintes des profils 1.1.0 : cardinalités, valeurs imposées, base64 illisible, type de contenu', async () => {
    const dr = embed(fhirExample('DocumentReference-TDDUIDocumentReferenceExample.json'), cdaExample('1.1.0'));
    delete dr.masterIdentifier;
    dr.status = 'superseded';
    dr.content[0].attachment.contentType = 'application/octet-stream';
    const r = await check(dr);
    expect(r.issues.map((i) => [i.ruleId, i.path])).to.deep.include.members([
      ['CDA-FHIR-003', 'DocumentReference.masterIdentifier'],
      ['CDA-FHIR-004', 'DocumentReference.status'],
      ['CDA-FHIR-005', 'DocumentReference.content[0].attachment.contentType'],
    ]);
    const bundle = fhirExample('Bundle-TDDUIBundleExample.json');
    bundle.type = 'batch';
    bundle.entry[0].resource.content[0].attachment.data = '%%%';
    bundle.entry[1].request.method = 'PUT';
    const b = await check(bundle);
    expect(b.issues.map((i) => [i.ruleId, i.path])).to.deep.include.members([
      ['CDA-FHIR-004', 'Bundle.type'],
      ['CDA-FHIR-001', 'Bundle.entry[0].resource.content[0].attachment.data'],
      ['CDA-FHIR-004', 'Bundle.entry[1].request.method'],
    ]);
  });
});
