/** The authorisation matrix, route × role, as a table; every route of ACCESS must appear in it. */
import { expect } from 'chai';
import { ACCESS, type RouteId } from '../../src/server/auth.js';
import type { ScenarioProvider } from '../../src/server/scenario-provider.js';
import { bearer, startTestServer, validBundle, type TestServer } from './harness.js';

type Role = 'none' | 'vendor' | 'reviewer' | 'admin' | 'revoked';
interface Req { method: string; path: string; body?: string; type?: string }

const FHIR_JSON = 'application/fhir+json';
const fakeScenarios: ScenarioProvider = {
  list: () => [{ id: 'ssiad', title: 'SSIAD' }],
  writeDataset: (_id, _r, out) => { out.write('{"resourceType":"Bundle"}'); },
};

let t: TestServer;
let runId = '';

/** Expected status per role; 200/201 prove access, 401 = no valid token, 403 = role refused. */
const MATRIX: Record<RouteId, { req: () => Req } & Record<Role, number>> = {
  'health': { req: () => ({ method: 'GET', path: '/health' }), none: 200, vendor: 200, reviewer: 200, admin: 200, revoked: 200 },
  'fhir.metadata': { req: () => ({ method: 'GET', path: '/fhir/metadata' }), none: 200, vendor: 200, reviewer: 200, admin: 200, revoked: 200 },
  'fhir.conformance.read': { req: () => ({ method: 'GET', path: '/fhir/StructureDefinition/tddui-patient' }), none: 200, vendor: 200, reviewer: 200, admin: 200, revoked: 200 },
  'profiles.pages': { req: () => ({ method: 'GET', path: '/profiles' }), none: 200, vendor: 200, reviewer: 200, admin: 200, revoked: 200 },
  'api.openapi': { req: () => ({ method: 'GET', path: '/api/v1/openapi.json' }), none: 200, vendor: 200, reviewer: 200, admin: 200, revoked: 200 },
  'fhir.transaction': { req: () => ({ method: 'POST', path: '/fhir', body: JSON.stringify(validBundle()), type: FHIR_JSON }), none: 401, vendor: 200, reviewer: 403, admin: 403, revoked: 401 },
  'fhir.validate': { req: () => ({ method: 'POST', path: '/fhir/$validate', body: JSON.stringify(validBundle()), type: FHIR_JSON }), none: 401, vendor: 200, reviewer: 403, admin: 403, revoked: 401 },
  'checks.create': { req: () => ({ method: 'POST', path: '/api/v1/checks', body: JSON.stringify(validBundle()), type: FHIR_JSON }), none: 401, vendor: 201, reviewer: 403, admin: 403, revoked: 401 },
  'checks.list': { req: () => ({ method: 'GET', path: '/api/v1/checks' }), none: 401, vendor: 200, reviewer: 200, admin: 403, revoked: 401 },
  'checks.read': { req: () => ({ method: 'GET', path: `/api/v1/checks/${runId}` }), none: 401, vendor: 200, reviewer: 200, admin: 403, revoked: 401 },
  'checks.report': { req: () => ({ method: 'GET', path: `/api/v1/checks/${runId}/report.json` }), none: 401, vendor: 200, reviewer: 200, admin: 403, revoked: 401 },
  'checks.annotate': { req: () => ({ method: 'POST', path: `/api/v1/checks/${runId}/annotations`, body: '{"decision":"accept","comment":"conforme"}', type: 'application/json' }), none: 401, vendor: 403, reviewer: 201, admin: 403, revoked: 401 },
  'scenarios.read': { req: () => ({ method: 'GET', path: '/api/v1/scenarios' }), none: 401, vendor: 200, reviewer: 200, admin: 403, revoked: 401 },
  'admin.organisations': { req: () => ({ method: 'GET', path: '/api/v1/admin/organisations' }), none: 401, vendor: 403, reviewer: 403, admin: 200, revoked: 401 },
  'admin.tokens': { req: () => ({ method: 'GET', path: '/api/v1/admin/tokens' }), none: 401, vendor: 403, reviewer: 403, admin: 200, revoked: 401 },
};

async function call(r: Req, token?: string): Promise<Response> {
  return fetch(`${t.server.url}${r.path}`, { method: r.method, headers: bearer(token, r.type ? { 'Content-Type': r.type } : {}), body: r.body });
}

describe('serveur : matrice d’autorisation (route × rôle)', function () {
  this.timeout(120_000);

  before(async () => {
    t = await startTestServer({}, { scenarios: fakeScenarios });
    const res = await call(MATRIX['checks.create'].req(), t.tokens.vendor);
    runId = ((await res.json()) as { id: string }).id;
  });
  after(async () => t?.close());

  it('couvre chaque route de la table ACCESS', () => {
    expect(Object.keys(MATRIX).sort()).to.deep.equal(Object.keys(ACCESS).sort());
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    for (const role of ['none', 'vendor', 'reviewer', 'admin', 'revoked'] as const) {
      it(`${route} × ${role} → ${row[role]}`, async () => {
        const token = role === 'none' ? undefined : t.tokens[role];
        const res = await call(row.req(), token);
        expect(res.status, await res.text()).to.equal(row[role]);
      });
    }
  }

  it('un éditeur ne voit pas les exécutions d’une autre organisation (404, comme absentes)', async () => {
    for (const path of [`/api/v1/checks/${runId}`, `/api/v1/checks/${runId}/report.sarif`]) {
      const res = await call({ method: 'GET', path }, t.tokens.vendorB);
      expect(res.status).to.equal(404);
    }
    const list = (await (await call({ method: 'GET', path: '/api/v1/checks' }, t.tokens.vendorB)).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).to.not.include(runId);
    const other = await call({ method: 'GET', path: '/api/v1/checks?org=Editeur%20A' }, t.tokens.vendorB);
    expect(other.status).to.equal(403);
  });

  it('un relecteur voit toutes les organisations et filtre par org', async () => {
    const list = (await (await call({ method: 'GET', path: '/api/v1/checks?org=Editeur%20A' }, t.tokens.reviewer)).json()) as { items: { id: string; org: string }[] };
    expect(list.items.map((i) => i.id)).to.include(runId);
    expect(new Set(list.items.map((i) => i.org))).to.deep.equal(new Set(['Editeur A']));
  });

  it('administration par l’API : organisation, jeton affiché une fois et utilisable, révocation immédiate', async () => {
    const json = (body: unknown) => ({ body: JSON.stringify(body), type: 'application/json' });
    const org = await call({ method: 'POST', path: '/api/v1/admin/organisations', ...json({ name: 'Editeur C' }) }, t.tokens.admin);
    expect(org.status).to.equal(201);
    const dup = await call({ method: 'POST', path: '/api/v1/admin/organisations', ...json({ name: 'Editeur C' }) }, t.tokens.admin);
    expect(dup.status).to.equal(409);
    const created = await call({ method: 'POST', path: '/api/v1/admin/tokens', ...json({ org: 'Editeur C', role: 'vendor' }) }, t.tokens.admin);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect((await call({ method: 'GET', path: '/api/v1/checks' }, token)).status).to.equal(200);
    const listed = await (await call({ method: 'GET', path: '/api/v1/admin/tokens' }, t.tokens.admin)).text();
    expect(listed).to.include(id);
    expect(listed).to.not.include(token);
    expect((await call({ method: 'DELETE', path: `/api/v1/admin/tokens/${id}` }, t.tokens.admin)).status).to.equal(200);
    expect((await call({ method: 'GET', path: '/api/v1/checks' }, token)).status).to.equal(401);
    const badRole = await call({ method: 'POST', path: '/api/v1/admin/tokens', ...json({ org: 'Editeur C', role: 'root' }) }, t.tokens.admin);
    expect(badRole.status).to.equal(400);
    expect((await call({ method: 'DELETE', path: '/api/v1/admin/tokens/0000000000000000' }, t.tokens.admin)).status).to.equal(404);
  });

  it('sans jeton : 401 avec WWW-Authenticate ; jeton mal formé : 401', async () => {
    const res = await call({ method: 'GET', path: '/api/v1/checks' });
    expect(res.headers.get('www-authenticate')).to.match(/^Bearer/);
    const bad = await call({ method: 'GET', path: '/api/v1/checks' }, 'pas-un-jeton');
    expect(bad.status).to.equal(401);
    const forged = await call({ method: 'GET', path: '/api/v1/checks' }, t.tokens.vendor.slice(0, -2) + 'AA');
    expect(forged.status).to.equal(401);
  });
});
