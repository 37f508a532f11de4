/** Configuration from the environment (documented in the README) and publication of an imported official package. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { configFromEnv, ENV_VARS } from '../../src/server/config.js';
import { importPackage } from '../../src/server/publication/import-package.js';
import { requireSpec, TDDUI_EXAMPLES } from '../support/context.js';
import { startTestServer, type TestServer } from './harness.js';

describe('serveur : configuration', () => {
  it('valeurs par défaut, valeurs lues, erreur claire nommant la variable', () => {
    const d = configFromEnv({});
    expect(d.port).to.equal(8080);
    expect(d.dataDir).to.equal(join(process.cwd(), 'data'));
    expect(configFromEnv({ PORT: '9000', TDDUI_BENCH_MAX_BODY_MB: '2' })).to.deep.include({ port: 9000, maxBodyBytes: 2 * 1024 * 1024 });
    expect(() => configFromEnv({ TDDUI_BENCH_RATE_LIMIT: 'beaucoup' })).to.throw(/TDDUI_BENCH_RATE_LIMIT/);
  });

  it('chaque variable est documentée dans le README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const v of ENV_VARS) expect(readme, v.name).to.include(`\`${v.name}\``);
  });
});

describe('serveur : publication du paquet officiel importé', function () {
  this.timeout(120_000);
  let t: TestServer | undefined;
  let dataDir: string;

  before(async function () {
    requireSpec(this);
    dataDir = mkdtempSync(join(tmpdir(), 'tddui-bench-import-'));
    const info = await importPackage(TDDUI_EXAMPLES, dataDir);
    expect(info.counts.StructureDefinition).to.be.greaterThan(30);
    expect(info.counts.CapabilityStatement).to.equal(2);
    t = await startTestServer({ dataDir });
  });
  after(async () => {
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('les ressources officielles sont servies telles quelles (X-Tddui-Source: official)', async () => {
    const res = await fetch(`${t!.server.url}/fhir/StructureDefinition/tddui-patient`);
    expect(res.headers.get('x-tddui-source')).to.equal('official');
    const sd = (await res.json()) as any;
    expect(sd.differential).to.not.equal(undefined);
    expect(sd.meta?.tag ?? []).to.not.deep.include({ system: 'urn:tddui-bench:source', code: 'compiled-view' });
    const cs = (await (await fetch(`${t!.server.url}/fhir/CapabilityStatement?url=${encodeURIComponent('https://interop.esante.gouv.fr/ig/fhir/tddui/CapabilityStatement/TDDUIConsommateur')}`)).json()) as any;
    expect(cs.total).to.equal(1);
  });

  it('la page du profil montre un exemple officiel', async () => {
    const html = await (await fetch(`${t!.server.url}/profiles/tddui-patient-ins`)).text();
    expect(html).to.match(/Exemple officiel <code>Patient-/);
  });

  it('import d’un chemin absent : erreur claire', async () => {
    let error: Error | undefined;
    try {
      await importPackage(join(dataDir, 'absent.tgz'), dataDir);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.match(/^introuvable/);
  });
});
