/**
 * The generator: every scenario, for several seeds, gives a Bundle the engine finds free of errors; the same
 * arguments give the same bytes (whatever the time zone); identities hold together.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { dateTime, dayNumber, parisOffset } from '../../src/scenarios/calendar.js';
import { makeIdentity } from '../../src/scenarios/identity/usager-identity.js';
import { COMMUNES } from '../../src/scenarios/identity/insee-communes.js';
import { makeFiness, makeRpps } from '../../src/scenarios/identifiers.js';
import { datasetBytes, generateDataset, listScenarios } from '../../src/scenarios/index.js';
import { Random } from '../../src/scenarios/random.js';
import { luhnValid } from '../../src/rules/fr-identifiers/luhn.js';
import { nirKey } from '../../src/rules/fr-identifiers/nir.js';
import { blocking } from '../support/assertions.js';
import { sharedChecker } from '../support/context.js';

const SEEDS = [1, 7, 2026];

describe('scénarios : génération des jeux de données', () => {
  it('liste les 9 scénarios du cas d’usage', () => {
    expect(listScenarios().map((s) => s.id)).to.deep.equal([
      'administratif-coordination', 'droits-mdph', 'fin-accompagnement', 'migration-complete', 'presence-absence-repas',
      'projet-de-vie', 'projet-personnalise-ime', 'projet-personnalise-pa', 'ssiad-sidoba',
    ]);
  });

  for (const s of listScenarios()) {
    for (const seed of SEEDS) {
      it(`${s.id}, graine ${seed} : 0 erreur du moteur`, async () => {
        const { bytes, manifest } = await datasetBytes(s.id, { seed });
        expect(manifest.usagers).to.be.greaterThan(0);
        const findings = sharedChecker().check(bytes).findings;
        expect(blocking(findings).map((f) => `${f.ruleId} @ ${f.path}`)).to.deep.equal([]);
      });
    }
  }

  it('XML : le même jeu en FHIR XML passe aussi sans erreur', async () => {
    const { bytes } = await datasetBytes('migration-complete', { seed: 3, usagers: 2, format: 'xml' });
    expect(bytes.subarray(0, 60).toString()).to.include('<?xml');
    expect(blocking(sharedChecker().check(bytes).findings).map((f) => `${f.ruleId} @ ${f.path}`)).to.deep.equal([]);
  });

  it('mêmes arguments → mêmes octets ; autre graine ou autre date → autres octets', async () => {
    const a = await datasetBytes('migration-complete', { seed: 5, usagers: 3 });
    const b = await datasetBytes('migration-complete', { seed: 5, usagers: 3 });
    expect(a.bytes.equals(b.bytes)).to.equal(true);
    expect((await datasetBytes('migration-complete', { seed: 6, usagers: 3 })).bytes.equals(a.bytes)).to.equal(false);
    expect((await datasetBytes('migration-complete', { seed: 5, usagers: 3, referenceDate: '2025-06-01' })).bytes.equals(a.bytes)).to.equal(false);
  });

  it('indépendant du fuseau horaire de la machine (CLI sous TZ=Pacific/Kiritimati et TZ=America/Adak)', () => {
    const run = (tz: string) => execFileSync(process.execPath, ['--import', 'tsx', '-e',
      "const m = await import('./src/scenarios/index.ts'); const r = await m.datasetBytes('ssiad-sidoba', { seed: 9, usagers: 2 }); process.stdout.write(r.bytes.toString('base64'));"],
    { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run('Pacific/Kiritimati')).to.equal(run('America/Adak'));
  });

  it('le manifeste nomme chaque objet par son identifiant métier', async () => {
    const { manifest, usagers, bundle } = await generateDataset('ssiad-sidoba', { seed: 2, usagers: 2 });
    expect(usagers).to.have.length(2);
    const entries = bundle.entry as { fullUrl: string }[];
    expect(manifest.entries).to.equal(entries.length);
    for (const u of usagers) {
      expect(u.localId).to.match(/^3\d{9}\/\d+$/);
      for (const o of u.objects) expect(entries[o.entry].fullUrl).to.equal(o.fullUrl);
      const events = u.objects.filter((o) => o.profile === 'tddui-encounter-evenement');
      expect(events.length).to.be.greaterThan(0);
      for (const e of events) expect(e.businessId).to.match(/^3\d{9}\/\d+-EVN-\d+$/);
    }
  });

  it('paramètres invalides → erreur claire', async () => {
    for (const [opts, msg] of [[{ seed: -1 }, 'graine'], [{ seed: 1, usagers: 0 }, 'usagers'], [{ seed: 1, referenceDate: '2025-02-30' }, 'date de référence']] as const) {
      let error: Error | undefined;
      await datasetBytes('projet-de-vie', opts).catch((e: Error) => { error = e; });
      expect(error?.message).to.include(msg);
    }
    let unknown: Error | undefined;
    await datasetBytes('inconnu', { seed: 1 }).catch((e: Error) => { unknown = e; });
    expect(unknown?.message).to.include('scénario inconnu');
  });
});

describe('scénarios : identités et identifiants fictifs', () => {
  it('NIR cohérent avec le sexe, la date et le lieu de naissance, clé valide', () => {
    const rng = new Random(11);
    for (let i = 0; i < 300; i++) {
      const id = makeIdentity(rng, i % 2 ? 'personne-agee' : 'enfant-handicap', dayNumber('2026-01-15'));
      expect(id.nir).to.have.length(15);
      expect(id.nir[0]).to.equal(id.sex === 'male' ? '1' : '2');
      expect(id.nir.slice(1, 3)).to.equal(id.birthDate.slice(2, 4));
      expect(id.nir.slice(3, 5)).to.equal(id.birthDate.slice(5, 7));
      expect(id.nir.slice(5, 10)).to.equal(id.birthPlace.insee);
      expect(Number(id.nir.slice(10, 13))).to.equal(id.birthOrder);
      expect(Number(id.nir.slice(13))).to.equal(nirKey(id.nir.slice(0, 13)));
      if (/^2[AB]/.test(id.birthPlace.insee)) expect(Number(id.birthDate.slice(0, 4))).to.be.at.least(1976);
    }
  });

  it('table des communes : codes INSEE et codes postaux au bon format, sans doublon', () => {
    const codes = COMMUNES.map((c) => c.insee);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of COMMUNES) {
      expect(c.insee).to.match(/^(\d{5}|2[AB]\d{3})$/);
      expect(c.postcode).to.match(/^\d{5}$/);
    }
  });

  it('FINESS et RPPS fictifs : clé de Luhn valide', () => {
    const rng = new Random(3);
    for (let i = 0; i < 100; i++) {
      const finess = makeFiness(rng);
      expect(finess).to.match(/^\d{9}$/);
      expect(luhnValid(finess)).to.equal(true);
      const rpps = makeRpps(rng);
      expect(rpps).to.match(/^10\d{9}$/);
      expect(luhnValid(rpps)).to.equal(true);
    }
  });

  it('heures de Paris : +01:00 en hiver, +02:00 en été (derniers dimanches de mars et d’octobre)', () => {
    expect(parisOffset(dayNumber('2026-03-28'))).to.equal('+01:00');
    expect(parisOffset(dayNumber('2026-03-29'))).to.equal('+02:00');
    expect(parisOffset(dayNumber('2026-10-24'))).to.equal('+02:00');
    expect(parisOffset(dayNumber('2026-10-25'))).to.equal('+01:00');
    expect(dateTime(dayNumber('2026-07-01'), 9 * 60 + 15)).to.equal('2026-07-01T09:15:00+02:00');
  });
});
