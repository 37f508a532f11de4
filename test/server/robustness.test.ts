/** Robustness: limits, rate limit, clear errors, no stack trace, graceful shutdown finishing checks. */
import { expect } from 'chai';
import { bearer, startTestServer, validBundle, type TestServer } from './harness.js';

describe('serveur : robustesse', function () {
  this.timeout(120_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ maxBodyBytes: 4096, maxJsonBytes: 512, maxJsonDepth: 5, rateLimitPerMinute: 40 }, {
      scenarios: { list: () => [{ id: 'boom', title: 'panne' }], writeDataset: () => { throw new Error('panne interne secrète'); } },
    });
  });
  after(async () => t?.close());

  const post = (path: string, body: string, type: string, token = t.tokens.vendor) =>
    fetch(`${t.server.url}${path}`, { method: 'POST', headers: bearer(token, { 'Content-Type': type }), body });

  it('corps trop volumineux : 413 (API JSON) et OperationOutcome 413 (FHIR)', async () => {
    const big = JSON.stringify({ ...validBundle(), id: 'x'.repeat(5000) });
    const api = await post('/api/v1/checks', big, 'application/fhir+json');
    expect(api.status).to.equal(413);
    expect(((await api.json()) as any).error.message).to.match(/trop volumineux/);
    const fhir = await post('/fhir', big, 'application/fhir+json');
    expect(fhir.status).to.equal(413);
    expect(((await fhir.json()) as any).resourceType).to.equal('OperationOutcome');
    const form = new FormData();
    form.append('file', new Blob([big]), 'gros.json');
    const multipart = await fetch(`${t.server.url}/api/v1/checks`, { method: 'POST', headers: bearer(t.tokens.vendor), body: form });
    expect(multipart.status).to.equal(413);
  });

  it('petits corps JSON : profondeur limitée, type de contenu exigé, JSON invalide → 400', async () => {
    const { id } = (await (await post('/api/v1/checks', JSON.stringify(validBundle()), 'application/fhir+json')).json()) as any;
    const deep = JSON.stringify({ decision: 'comment', comment: 'x', extra: { a: { b: { c: { d: { e: 1 } } } } } });
    const path = `/api/v1/checks/${id}/annotations`;
    const r1 = await post(path, deep, 'application/json', t.tokens.reviewer);
    expect(r1.status).to.equal(400);
    expect(((await r1.json()) as any).error.message).to.match(/trop imbriqué/);
    expect((await post(path, '{"decision":"accept"}', 'text/plain', t.tokens.reviewer)).status).to.equal(415);
    const r3 = await post(path, '{decision', 'application/json', t.tokens.reviewer);
    expect(r3.status).to.equal(400);
    expect(((await r3.json()) as any).error.message).to.equal('JSON invalide dans le corps de la requête');
  });

  it('JSON très imbriqué sur /fhir/$validate et /api/v1/checks : constat clair, serveur intact', async () => {
    const deep = `{"resourceType":"Bundle","x":${'['.repeat(1500)}${']'.repeat(1500)}}`;
    const v = await post('/fhir/$validate', deep, 'application/fhir+json');
    expect(v.status).to.equal(200);
    expect(((await v.json()) as any).issue.some((i: any) => i.severity === 'fatal' || i.severity === 'error')).to.equal(true);
    const c = await post('/api/v1/checks', deep, 'application/fhir+json');
    expect(((await c.json()) as any).verdict).to.equal('fail');
    expect((await fetch(`${t.server.url}/health`)).status).to.equal(200);
  });

  it('erreur interne : 500 sans pile ni message interne ; route inconnue : 404 clair', async () => {
    const res = await fetch(`${t.server.url}/api/v1/scenarios/boom/dataset`, { headers: bearer(t.tokens.vendor) });
    expect(res.status).to.equal(500);
    const text = await res.text();
    expect(text).to.not.match(/panne interne secrète|at .*\.ts:\d+/);
    expect(JSON.parse(text).error.message).to.match(/erreur interne/);
    const missing = await fetch(`${t.server.url}/api/v2/rien`);
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as any).error.message).to.include('/api/v2/rien');
  });

  it('en-têtes de sécurité (helmet) et limite de débit par jeton (429), sans toucher les autres jetons', async () => {
    const health = await fetch(`${t.server.url}/health`);
    expect(health.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(health.headers.get('x-powered-by')).to.equal(null);
    let last: Response | undefined;
    for (let i = 0; i < 45; i++) {
      last = await fetch(`${t.server.url}/api/v1/checks?limit=1`, { headers: bearer(t.tokens.vendorB) });
      if (last.status === 429) break;
    }
    expect(last!.status).to.equal(429);
    expect(((await last!.json()) as any).error.message).to.match(/trop de requêtes/);
    const other = await fetch(`${t.server.url}/api/v1/checks?limit=1`, { headers: bearer(t.tokens.reviewer) });
    expect(other.status).to.equal(200);
  });
});

describe('serveur : arrêt propre', function () {
  this.timeout(120_000);

  it('close() termine les vérifications en cours avant de fermer la base', async () => {
    const t = await startTestServer();
    const body = JSON.stringify(validBundle());
    const res = await fetch(`${t.server.url}/api/v1/checks?wait=false`, { method: 'POST', headers: bearer(t.tokens.vendor, { 'Content-Type': 'application/fhir+json' }), body });
    expect(res.status).to.equal(202);
    const { id } = (await res.json()) as any;
    const db = t.server.context.db;
    let status: string | undefined;
    const runs = t.server.context.runs;
    const originalClose = db.close.bind(db);
    db.close = () => { status = runs.get(id)?.status; return originalClose(); };
    await t.close();
    expect(status).to.equal('done');
  });
});
