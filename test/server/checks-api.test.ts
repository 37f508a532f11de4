/** The check API for CI: synchronous and asynchronous checks, listing, reports, annotations, scenarios. */
import { expect } from 'chai';
import { serialiseFhirXml } from '../../src/validation/parse/json-to-xml.js';
import { shippedContext } from '../support/context.js';
import { bearer, startTestServer, structurallyInvalidBundle, validBundle, type TestServer } from './harness.js';

let t: TestServer;

async function api(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const { token = t.tokens.vendor, headers, ...rest } = init;
  return fetch(`${t.server.url}${path}`, { ...rest, headers: bearer(token, headers as Record<string, string>) });
}

async function submit(body: unknown, query = '', type = 'application/fhir+json'): Promise<Response> {
  return api(`/api/v1/checks${query}`, { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('serveur : API de vérification', function () {
  this.timeout(120_000);
  before(async () => { t = await startTestServer(); });
  after(async () => t?.close());

  it('POST synchrone (JSON brut) : {id, verdict, summary, issues, pins, links}, 201 + Location', async () => {
    const res = await submit(validBundle(), '?name=export-ci.json');
    expect(res.status).to.equal(201);
    const body = (await res.json()) as any;
    expect(Object.keys(body)).to.deep.equal(['id', 'verdict', 'summary', 'issues', 'pins', 'links']);
    expect(body.verdict).to.equal('pass');
    expect(body.pins['tddui-bench']).to.be.a('string');
    expect(res.headers.get('location')).to.equal(`${t.server.url}/api/v1/checks/${body.id}`);
    const run = (await (await api(`/api/v1/checks/${body.id}`)).json()) as any;
    expect(run.status).to.equal('done');
    expect(run.input.name).to.equal('export-ci.json');
    expect(run.input.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(run.org).to.equal('Editeur A');
  });

  it('POST d’un export non conforme : verdict fail, constat avec règle et chemin', async () => {
    const body = (await (await submit(structurallyInvalidBundle())).json()) as any;
    expect(body.verdict).to.equal('fail');
    expect(body.issues.some((i: any) => i.severity === 'error' && i.path === 'Bundle.entry[1].resource.name')).to.equal(true);
  });

  it('XML brut et multipart (champ file) ; multipart sans fichier : 400', async () => {
    const xml = serialiseFhirXml(validBundle() as any, shippedContext());
    expect(((await (await submit(xml, '', 'application/fhir+xml')).json()) as any).verdict).to.equal('pass');
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(structurallyInvalidBundle())]), 'export.json');
    form.append('lang', 'en');
    const res = await api('/api/v1/checks', { method: 'POST', body: form });
    const body = (await res.json()) as any;
    expect(res.status).to.equal(201);
    expect(body.verdict).to.equal('fail');
    expect(body.issues[0].message).to.not.match(/[éèà]/);
    const empty = new FormData();
    empty.append('lang', 'fr');
    const bad = await api('/api/v1/checks', { method: 'POST', body: empty });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as any).error.message).to.match(/champ fichier « file »/);
  });

  it('?wait=false : 202 + Location, puis l’exécution se termine', async () => {
    const res = await submit(validBundle(), '?wait=false');
    expect(res.status).to.equal(202);
    const location = res.headers.get('location')!;
    let run: any;
    for (let i = 0; i < 100; i++) {
      run = await (await fetch(location, { headers: bearer(t.tokens.vendor) })).json();
      if (run.status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.status).to.equal('done');
    expect(run.verdict).to.equal('pass');
  });

  it('liste : filtres verdict et since, pagination avec lien next, paramètres invalides refusés', async () => {
    const fails = (await (await api('/api/v1/checks?verdict=fail')).json()) as any;
    expect(fails.items.length).to.be.greaterThan(0);
    expect(fails.items.every((r: any) => r.verdict === 'fail')).to.equal(true);
    const page = (await (await api('/api/v1/checks?limit=1')).json()) as any;
    expect(page.items).to.have.length(1);
    expect(page.total).to.be.greaterThan(1);
    expect(page.next).to.match(/offset=1/);
    const future = (await (await api('/api/v1/checks?since=2999-01-01')).json()) as any;
    expect(future.items).to.have.length(0);
    for (const q of ['verdict=peut-etre', 'since=hier', 'limit=0', 'limit=abc']) {
      const res = await api(`/api/v1/checks?${q}`);
      expect(res.status, q).to.equal(400);
    }
  });

  it('rapports json, junit.xml, sarif, txt par la table des extensions ; extension inconnue : 404', async () => {
    const { id } = (await (await submit(structurallyInvalidBundle())).json()) as any;
    const expected: Record<string, RegExp> = { 'json': /^application\/json/, 'junit.xml': /^application\/xml/, 'sarif': /^application\/sarif\+json/, 'txt': /^text\/plain/ };
    for (const [ext, type] of Object.entries(expected)) {
      const res = await api(`/api/v1/checks/${id}/report.${ext}`);
      expect(res.status, ext).to.equal(200);
      expect(res.headers.get('content-type'), ext).to.match(type);
    }
    expect(((await (await api(`/api/v1/checks/${id}/report.json`)).json()) as any).verdict).to.equal('fail');
    const unknown = await api(`/api/v1/checks/${id}/report.docx`);
    expect(unknown.status).to.equal(404);
    expect(((await unknown.json()) as any).error.message).to.include('report.sarif');
  });

  it('annotations du relecteur : auteur et date, visibles dans l’exécution et le rapport, sans modifier l’exécution', async () => {
    const { id } = (await (await submit(validBundle())).json()) as any;
    const before = t.server.context.db.prepare('SELECT report_json FROM runs WHERE id = ?').get(id) as any;
    const res = await api(`/api/v1/checks/${id}/annotations`, { method: 'POST', token: t.tokens.reviewer, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ decision: 'accept', comment: 'conforme au scénario' }) });
    expect(res.status).to.equal(201);
    const a = (await res.json()) as any;
    expect(a.author).to.match(/^Relecteurs \(jeton [0-9a-f]{16}\)$/);
    expect(Date.parse(a.at)).to.be.a('number');
    const run = (await (await api(`/api/v1/checks/${id}`)).json()) as any;
    expect(run.annotations.map((x: any) => x.decision)).to.deep.equal(['accept']);
    const report = (await (await api(`/api/v1/checks/${id}/report.json`)).json()) as any;
    expect(report.annotations[0].comment).to.equal('conforme au scénario');
    const after = t.server.context.db.prepare('SELECT report_json FROM runs WHERE id = ?').get(id) as any;
    expect(after.report_json).to.equal(before.report_json);
    for (const body of ['{"decision":"peut-etre"}', '{"decision":"comment","comment":""}', '[1]', '{"decision":']) {
      const bad = await api(`/api/v1/checks/${id}/annotations`, { method: 'POST', token: t.tokens.reviewer, headers: { 'Content-Type': 'application/json' }, body });
      expect(bad.status, body).to.equal(400);
    }
    const missing = await api('/api/v1/checks/inconnu/annotations', { method: 'POST', token: t.tokens.reviewer, headers: { 'Content-Type': 'application/json' }, body: '{"decision":"accept"}' });
    expect(missing.status).to.equal(404);
  });

  it('options scenario/expect non branchées : 501 clair ; option invalide : 400 ; corps vide : 400', async () => {
    const res = await submit(validBundle(), '?scenario=ssiad');
    expect(res.status).to.equal(501);
    expect(((await res.json()) as any).error.message).to.match(/scenario/);
    expect((await submit(validBundle(), '?lang=de')).status).to.equal(400);
    expect((await submit(validBundle(), '?wait=peut-etre')).status).to.equal(400);
    expect((await submit('')).status).to.equal(400);
  });

  it('scénarios sans générateur branché : 501 avec message', async () => {
    const res = await api('/api/v1/scenarios');
    expect(res.status).to.equal(501);
    expect(((await res.json()) as any).error.message).to.match(/générateur/);
  });
});

describe('serveur : scénarios derrière un ScenarioProvider', function () {
  this.timeout(120_000);
  let s: TestServer;
  before(async () => {
    s = await startTestServer({}, {
      scenarios: {
        list: () => [{ id: 'ssiad', title: 'SSIAD' }],
        writeDataset: (id, r, out) => { out.write(JSON.stringify({ resourceType: 'Bundle', id: `${id}-${r.seed}-${r.usagers}-${r.format}` })); },
      },
    });
  });
  after(async () => s?.close());

  it('liste, téléchargement avec seed/usagers, scénario inconnu 404, paramètres invalides 400', async () => {
    const h = { headers: bearer(s.tokens.vendor) };
    const list = (await (await fetch(`${s.server.url}/api/v1/scenarios`, h)).json()) as any;
    expect(list.items[0].id).to.equal('ssiad');
    const ds = await fetch(`${s.server.url}/api/v1/scenarios/ssiad/dataset?seed=7&usagers=3`, h);
    expect(ds.headers.get('content-disposition')).to.include('ssiad-seed7-3usagers.json');
    expect(((await ds.json()) as any).id).to.equal('ssiad-7-3-json');
    expect((await fetch(`${s.server.url}/api/v1/scenarios/autre/dataset`, h)).status).to.equal(404);
    expect((await fetch(`${s.server.url}/api/v1/scenarios/ssiad/dataset?usagers=0`, h)).status).to.equal(400);
  });
});
