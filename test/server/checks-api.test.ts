/** The check API for CI: synchronous and asynchronous checks, listing, reports, annotations, scenarios. */
import { expect } from 'chai';
import { generateDataset } from '../../src/scenarios/index.js';
import { cdaExample, cdaSpecAvailable, mutate } from '../cda/cda-support.js';
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

  it('rapports json, junit.xml, sarif, txt, gazelle.json, html, pdf par la table des extensions ; extension inconnue : 404', async () => {
    const { id } = (await (await submit(structurallyInvalidBundle())).json()) as any;
    const expected: Record<string, RegExp> = {
      'json': /^application\/json/, 'junit.xml': /^application\/xml/, 'sarif': /^application\/sarif\+json/, 'txt': /^text\/plain/,
      'gazelle.json': /^application\/gzl\.validation\.report\+json/, 'html': /^text\/html/, 'pdf': /^application\/pdf/,
    };
    for (const [ext, type] of Object.entries(expected)) {
      const res = await api(`/api/v1/checks/${id}/report.${ext}`);
      expect(res.status, ext).to.equal(200);
      expect(res.headers.get('content-type'), ext).to.match(type);
    }
    expect(((await (await api(`/api/v1/checks/${id}/report.json`)).json()) as any).verdict).to.equal('fail');
    expect(((await (await api(`/api/v1/checks/${id}/report.gazelle.json`)).json()) as any).overallResult).to.equal('FAILED');
    expect(await (await api(`/api/v1/checks/${id}/report.html`)).text()).to.include('NON CONFORME');
    const pdf = await api(`/api/v1/checks/${id}/report.pdf`);
    expect(pdf.headers.get('content-disposition')).to.include(`rapport-${id}.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).to.equal('%PDF-');
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

  it('scénario inconnu : 400 clair ; scénario connu : checklist du cas d’usage dans le rapport ; option invalide : 400 ; corps vide : 400', async () => {
    const unknown = await submit(validBundle(), '?scenario=ssiad');
    expect(unknown.status).to.equal(400);
    expect(((await unknown.json()) as any).error.message).to.match(/scénario inconnu : ssiad/);
    const known = await submit(validBundle(), '?scenario=ssiad-sidoba');
    expect(known.status).to.equal(201);
    const id = ((await known.json()) as any).id;
    const report = (await (await api(`/api/v1/checks/${id}/report.json`, { token: t.tokens.vendor })).json()) as any;
    expect(report.results[0].scenario.id).to.equal('ssiad-sidoba');
    expect(report.results[0].scenario.requirements.length).to.be.greaterThan(0);
    expect((await submit(validBundle(), '?lang=de')).status).to.equal(400);
    expect((await submit(validBundle(), '?wait=peut-etre')).status).to.equal(400);
    expect((await submit('')).status).to.equal(400);
  });

  it('fidélité : jeu attendu régénéré (expectScenario + seed) ou envoyé en multipart (« expect ») ; jeu illisible : 400', async () => {
    const { bundle } = await generateDataset('ssiad-sidoba', { seed: 3, usagers: 2 });
    const regenerated = await submit(bundle, '?expectScenario=ssiad-sidoba&seed=3&usagers=2');
    expect(regenerated.status).to.equal(201);
    const reportOf = async (r: Response) => (await (await api(`/api/v1/checks/${((await r.json()) as any).id}/report.json`)).json()) as any;
    const same = await reportOf(regenerated);
    expect(same.results[0].fidelity.score).to.equal(100);
    expect(same.results[0].fidelity.dataset).to.include({ scenario: 'ssiad-sidoba', seed: 3, usagers: 2 });
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(bundle)]), 'export.json');
    form.append('expect', new Blob([JSON.stringify({ ...bundle, entry: (bundle.entry as unknown[]).slice(0, -1) })]), 'attendu.json');
    const uploaded = await reportOf(await api('/api/v1/checks', { method: 'POST', body: form }));
    expect(uploaded.results[0].fidelity.dataset.name).to.equal('attendu.json');
    expect(uploaded.results[0].issues.map((i: { ruleId: string }) => i.ruleId)).to.satisfy((ids: string[]) => ids.some((id) => id.startsWith('FIDELITY-')));
    const notBundle = new FormData();
    notBundle.append('file', new Blob([JSON.stringify(bundle)]), 'export.json');
    notBundle.append('expect', new Blob(['{"resourceType":"Patient"}']), 'patient.json');
    const bad = await api('/api/v1/checks', { method: 'POST', body: notBundle });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as any).error.message).to.match(/Bundle est attendu/);
    const byId = await reportOf(await submit(bundle, '?expect=ssiad-sidoba:3:2'));
    expect(byId.results[0].fidelity.score).to.equal(100);
    expect((await submit(bundle, '?expect=ssiad-sidoba')).status).to.equal(400);
    expect((await submit(bundle, '?expectScenario=ssiad-sidoba')).status).to.equal(400);
    expect((await submit(bundle, '?seed=3')).status).to.equal(400);
  });

  it('document CDA (TDDUI 1.1.0) : reconnu par son contenu, règles CDA appliquées', async function () {
    if (!cdaSpecAvailable()) this.skip();
    const res = await submit(mutate(cdaExample('1.1.0'), /<code code="EXPORT_DUI"/, '<code code="AUTRE"'), '?name=ssiad.xml', 'application/xml');
    expect(res.status).to.equal(201);
    const report = (await (await api(`/api/v1/checks/${((await res.json()) as any).id}/report.json`)).json()) as any;
    const ids = report.results[0].issues.map((i: { ruleId: string }) => i.ruleId);
    expect(ids).to.include('CDA-VER-001');
    expect(ids.some((id: string) => id.startsWith('CDA-') && id !== 'CDA-VER-001' && id !== 'CDA-XSD-000')).to.equal(true);
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

describe('serveur : préchauffage des fils de vérification (npm start)', function () {
  this.timeout(120_000);
  let s: TestServer;
  before(async () => { s = await startTestServer({}, { warmUp: true }); });
  after(async () => s?.close());

  it('une vérification reçue pendant le préchauffage attend puis donne le rapport de son seul export', async () => {
    const res = await fetch(`${s.server.url}/api/v1/checks?name=pendant.json`, { method: 'POST', headers: { ...bearer(s.tokens.vendor), 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(structurallyInvalidBundle()) });
    expect(res.status).to.equal(201);
    const answer = (await res.json()) as any;
    expect(answer.verdict).to.equal('fail');
    const report = (await (await fetch(`${s.server.url}/api/v1/checks/${answer.id}/report.json`, { headers: bearer(s.tokens.vendor) })).json()) as any;
    expect(report.results.map((r: { input: { file: string } }) => r.input.file)).to.deep.equal(['pendant.json']);
    expect(report.results[0].scenario).to.equal(undefined);
  });
});
