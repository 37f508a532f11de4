/**
 * Injected defects: each kind of the catalogue, in every scenario where it finds a target, is reported by
 * the engine with the rule id and path the manifest announces.
 */
import { expect } from 'chai';
import { DEFECT_CATALOGUE, datasetBytes, listScenarios } from '../../src/scenarios/index.js';
import { sharedChecker } from '../support/context.js';

const KINDS = DEFECT_CATALOGUE.map((d) => d.kind);

describe('scénarios : défauts injectés (--defects)', () => {
  it('le catalogue couvre les défauts demandés par le cas d’usage', () => {
    expect(KINDS).to.include.members(['missing-mandatory', 'wrong-code', 'broken-reference', 'wrong-nir-key', 'incoherent-dates', 'lost-resource', 'altered-value']);
  });

  for (const s of listScenarios()) {
    it(`${s.id} : chaque défaut injecté est trouvé avec la règle et le chemin annoncés`, async () => {
      const n = KINDS.length * 2;
      const { bytes, manifest } = await datasetBytes(s.id, { seed: 8, usagers: n, defects: n });
      expect(manifest.defects.length + manifest.defectsNotInjected).to.equal(n);
      expect(new Set(manifest.defects.map((d) => d.kind))).to.have.property('size', KINDS.length);
      const found = new Set(sharedChecker().check(bytes).findings.map((f) => `${f.ruleId} @ ${f.path}`));
      const missed = manifest.defects.filter((d) => !found.has(`${d.expected.ruleId} @ ${d.expected.path}`)).map((d) => `${d.kind}: ${d.expected.ruleId} @ ${d.expected.path}`);
      expect(missed).to.deep.equal([]);
    });
  }

  it('déterministe, et sans défaut le même jeu que sans l’option', async () => {
    const a = await datasetBytes('ssiad-sidoba', { seed: 8, usagers: 7, defects: 7 });
    const b = await datasetBytes('ssiad-sidoba', { seed: 8, usagers: 7, defects: 7 });
    expect(a.bytes.equals(b.bytes)).to.equal(true);
    expect(JSON.stringify(a.manifest.defects)).to.equal(JSON.stringify(b.manifest.defects));
    const none = await datasetBytes('ssiad-sidoba', { seed: 8, usagers: 7, defects: 0 });
    const plain = await datasetBytes('ssiad-sidoba', { seed: 8, usagers: 7 });
    expect(none.bytes.equals(plain.bytes)).to.equal(true);
    expect(none.bytes.equals(a.bytes)).to.equal(false);
  });

  it('plus de défauts que d’usagers → erreur claire', async () => {
    let error: Error | undefined;
    await datasetBytes('projet-de-vie', { seed: 1, usagers: 2, defects: 3 }).catch((e: Error) => { error = e; });
    expect(error?.message).to.include('au plus un défaut par usager');
  });
});
