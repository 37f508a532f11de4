/** The FHIR endpoint: transaction (valid, invalid, atomic), JSON and XML, $validate, publication, pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { serialiseFhirXml } from '../../src/validation/parse/json-to-xml.js';
import { shippedContext, requireSpec, TDDUI_EXAMPLES } from '../support/context.js';
import { bearer, startTestServer, structurallyInvalidBundle, validBundle, type TestServer } from './harness.js';

let t: TestServer;
const JSON_TYPE = 'application/fhir+json';
const XML_TYPE = 'application/fhir+xml';

async function post(path: string, body: string, type: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.server.url}${path}`, { method: 'POST', headers: bearer(t.tokens.vendor, { 'Content-Type': type, ...headers }), body });
}

const storedCount = () => t.server.context.runs.countResources();
const runCount = () => (t.server.context.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;

describe('serveur : point de réception FHIR', function () {
  this.timeout(120_000);
  before(async () => { t = await startTestServer(); });
  after(async () => t?.close());

  it('GET /fhir/metadata : CapabilityStatement serveur, transaction et $validate', async () => {
    const res = await fetch(`${t.server.url}/fhir/metadata`);
    expect(res.headers.get('content-type')).to.match(/^application\/fhir\+json/);
    const cs = (await res.json()) as any;
    expect(cs.resourceType).to.equal('CapabilityStatement');
    expect(cs.rest[0].mode).to.equal('server');
    expect(cs.rest[0].interaction.map((i: any) => i.code)).to.include('transaction');
    expect(cs.rest[0].operation.map((o: any) => o.name)).to.include('validate');
    const xml = await fetch(`${t.server.url}/fhir/metadata`, { headers: { Accept: XML_TYPE } });
    expect(xml.headers.get('content-type')).to.match(/^application\/fhir\+xml/);
    expect(await xml.text()).to.match(/<CapabilityStatement xmlns="http:\/\/hl7.org\/fhir">/);
  });

  it('transaction valide (JSON) : 200 transaction-response, 201 par entrée, références internes réécrites', async () => {
    const before = { stored: storedCount(), runs: runCount() };
    const res = await post('/fhir', JSON.stringify(validBundle()), JSON_TYPE);
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).to.equal(200);
    expect(body.type).to.equal('transaction-response');
    expect(body.entry).to.have.length(2);
    for (const e of body.entry) {
      expect(e.response.status).to.equal('201 Created');
      expect(e.response.location).to.match(/^Organization\/[0-9a-f-]{36}\/_history\/1$/);
    }
    expect(storedCount()).to.equal(before.stored + 2);
    expect(runCount()).to.equal(before.runs + 1);
    const [first, second] = body.entry.map((e: any) => e.response.location.split('/_history')[0]);
    const rows = t.server.context.db.prepare('SELECT json FROM fhir_resources WHERE id = ?').all(second.split('/')[1]) as { json: string }[];
    const stored = JSON.parse(rows[0].json);
    expect(stored.partOf.reference).to.equal(first);
    expect(stored.meta.versionId).to.equal('1');
  });

  it('transaction valide (XML) : réponse XML négociée par défaut, Accept JSON respecté', async () => {
    const xml = serialiseFhirXml(validBundle() as any, shippedContext());
    const res = await post('/fhir', xml, XML_TYPE);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/fhir\+xml/);
    const text = await res.text();
    expect(text).to.include('<type value="transaction-response"/>');
    expect(text.match(/<status value="201 Created"\/>/g)).to.have.length(2);
    const asJson = await post('/fhir', xml, XML_TYPE, { Accept: JSON_TYPE });
    expect(((await asJson.json()) as any).type).to.equal('transaction-response');
  });

  it('Bundle invalide (contrainte FHIR) : 400 OperationOutcome en français, rien stocké, exécution enregistrée', async () => {
    const before = { stored: storedCount(), runs: runCount() };
    const res = await post('/fhir', JSON.stringify(structurallyInvalidBundle()), JSON_TYPE);
    expect(res.status).to.equal(400);
    const oo = (await res.json()) as any;
    expect(oo.resourceType).to.equal('OperationOutcome');
    const issue = oo.issue.find((i: any) => i.severity === 'error' && i.expression?.[0] === 'Bundle.entry[1].resource.name');
    expect(issue, JSON.stringify(oo.issue)).to.not.equal(undefined);
    expect(issue.details.coding[0].code).to.match(/^FHIR-/);
    expect(storedCount()).to.equal(before.stored);
    expect(runCount()).to.equal(before.runs + 1);
    const run = t.server.context.db.prepare('SELECT kind, verdict, exchange_json FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as any;
    expect(run.kind).to.equal('fhir-transaction');
    expect(run.verdict).to.equal('fail');
    const exchange = JSON.parse(run.exchange_json);
    expect(exchange.response.status).to.equal(400);
    expect(exchange.request.headers).to.not.have.property('authorization');
  });

  it('exemple officiel SSIAD (règles métier TDDUI en erreur) : 422, chaque constat, rien stocké', async function () {
    requireSpec(this);
    const before = storedCount();
    const res = await post('/fhir', readFileSync(join(TDDUI_EXAMPLES, 'Bundle-tddui-bundle-example.json'), 'utf8'), JSON_TYPE);
    expect(res.status).to.equal(422);
    const oo = (await res.json()) as any;
    const bdl006 = oo.issue.filter((i: any) => i.details.coding?.[0].code === 'TDDUI-BDL-006');
    expect(bdl006.length).to.be.greaterThan(0);
    expect(bdl006[0].code).to.equal('business-rule');
    expect(bdl006[0].expression[0]).to.equal('Bundle.entry[0].request.url');
    expect(bdl006[0].details.text).to.match(/doit être le type de ressource/);
    expect(oo.issue.some((i: any) => i.severity === 'warning')).to.equal(true);
    expect(storedCount()).to.equal(before);
  });

  it('JSON illisible : 400 avec la position ; type de contenu inconnu : 415 ; corps vide : 400', async () => {
    const broken = await post('/fhir', '{"resourceType": "Bundle",', JSON_TYPE);
    expect(broken.status).to.equal(400);
    const oo = (await broken.json()) as any;
    expect(oo.issue[0].severity).to.equal('fatal');
    expect(oo.issue[0].location[0]).to.match(/^ligne 1/);
    const runsBefore = runCount();
    const text = await post('/fhir', 'bonjour', 'text/plain');
    expect(text.status).to.equal(415);
    expect(runCount(), 'requête refusée enregistrée').to.equal(runsBefore + 1);
    expect(((await text.json()) as any).issue[0].details.text).to.match(/type de contenu non pris en charge/);
    const empty = await post('/fhir', '', JSON_TYPE);
    expect(empty.status).to.equal(400);
  });

  it('XML avec DOCTYPE (entités) : refusé sans expansion, rien stocké', async () => {
    const before = storedCount();
    const xml = '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><Bundle xmlns="http://hl7.org/fhir"><type value="&y;"/></Bundle>';
    const res = await post('/fhir', xml, XML_TYPE);
    expect(res.status).to.equal(400);
    const text = await res.text();
    expect(text).to.include('FHIR-XML-DTD');
    expect(text).to.not.include('xxxxxxxx');
    expect(storedCount()).to.equal(before);
  });

  it('$validate : OperationOutcome 200, profil en paramètre, Parameters accepté, type contrôlé', async () => {
    const ok = await post('/fhir/$validate', JSON.stringify(validBundle()), JSON_TYPE);
    expect(ok.status).to.equal(200);
    const oo = (await ok.json()) as any;
    expect(oo.issue.every((i: any) => i.severity !== 'error' && i.severity !== 'fatal')).to.equal(true);
    const org = validBundle().entry[0].resource;
    delete org.meta;
    const profile = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-patient';
    const wrong = await post(`/fhir/Organization/$validate?profile=${encodeURIComponent(profile)}`, JSON.stringify(org), JSON_TYPE);
    expect(wrong.status).to.equal(200);
    expect(((await wrong.json()) as any).issue.some((i: any) => i.severity === 'error')).to.equal(true);
    const params = { resourceType: 'Parameters', parameter: [{ name: 'resource', resource: org }, { name: 'profile', valueUri: profile }] };
    const viaParams = await post('/fhir/Organization/$validate', JSON.stringify(params), JSON_TYPE);
    expect(((await viaParams.json()) as any).issue.some((i: any) => i.severity === 'error')).to.equal(true);
    const mismatch = await post('/fhir/Patient/$validate', JSON.stringify(org), JSON_TYPE);
    expect(mismatch.status).to.equal(400);
    const unknown = await post('/fhir/Chose/$validate', JSON.stringify(org), JSON_TYPE);
    expect(unknown.status).to.equal(404);
    const xml = await post('/fhir/$validate', serialiseFhirXml(validBundle() as any, shippedContext()), XML_TYPE);
    expect(await xml.text()).to.match(/^<\?xml[\s\S]*<OperationOutcome/);
  });

  it('publication : lecture par id et recherche par url (vue compilée étiquetée), 404 clairs', async () => {
    const sd = await fetch(`${t.server.url}/fhir/StructureDefinition/tddui-patient`);
    expect(sd.status).to.equal(200);
    expect(sd.headers.get('x-tddui-source')).to.equal('compiled');
    const body = (await sd.json()) as any;
    expect(body.url).to.equal('https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-patient');
    expect(body.meta.tag[0].code).to.equal('compiled-view');
    const search = await fetch(`${t.server.url}/fhir/StructureDefinition?url=${encodeURIComponent(body.url)}`);
    const bundle = (await search.json()) as any;
    expect(bundle.type).to.equal('searchset');
    expect(bundle.total).to.equal(1);
    for (const type of ['ValueSet', 'CodeSystem', 'Questionnaire', 'CapabilityStatement']) {
      const list = (await (await fetch(`${t.server.url}/fhir/${type}`)).json()) as any;
      expect(list.total, type).to.be.greaterThan(0);
      const first = list.entry[0].resource;
      const one = await fetch(`${t.server.url}/fhir/${type}/${first.id}`);
      expect(one.status, `${type}/${first.id}`).to.equal(200);
    }
    expect((await fetch(`${t.server.url}/fhir/StructureDefinition/inconnu`)).status).to.equal(404);
    const notPublished = await fetch(`${t.server.url}/fhir/Patient/123`);
    expect(notPublished.status).to.equal(404);
    expect(((await notPublished.json()) as any).resourceType).to.equal('OperationOutcome');
  });

  it('pages /profiles : index et page d’un profil en français (cardinalités, liaisons, invariants, lien officiel)', async () => {
    const index = await (await fetch(`${t.server.url}/profiles`)).text();
    expect(index).to.include('href="/profiles/tddui-patient"');
    const res = await fetch(`${t.server.url}/profiles/tddui-bundle`);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const html = await res.text();
    expect(html).to.include('<html lang="fr">');
    expect(html).to.include('https://interop.esante.gouv.fr/ig/fhir/tddui/2.4.0-ballot/StructureDefinition-tddui-bundle.html');
    expect(html).to.match(/découpage ouvert/);
    expect(html).to.match(/<strong>:DUIPatient<\/strong>/);
    expect(html).to.include('TDDUI-BDL-');
    const patient = await (await fetch(`${t.server.url}/profiles/tddui-patient`)).text();
    expect(patient).to.match(/liaison (obligatoire|extensible|préférée)/);
    expect(patient).to.include('expression FHIRPath');
    expect((await fetch(`${t.server.url}/profiles/inconnu`)).status).to.equal(404);
  });
});
