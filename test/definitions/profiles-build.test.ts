/** profiles/ is what `npm run profiles:build` produces from ../shared/spec, byte for byte. */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildProfiles } from '../../src/definitions/build-profiles.js';
import { DEFAULT_SPEC_DIR, PROFILES_DIR } from '../../src/definitions/paths.js';
import type { CompiledIndex } from '../../src/definitions/compiled-types.js';
import { specAvailable } from '../support/context.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

describe('profils compilés (profiles/)', function () {
  let fresh: string;

  before(async function () {
    if (!specAvailable()) {
      console.log('      (../shared/spec absent : comparaison de profiles/ avec une compilation fraîche ignorée)');
      this.skip();
    }
    fresh = mkdtempSync(join(tmpdir(), 'tddui-profiles-'));
    await buildProfiles(DEFAULT_SPEC_DIR, fresh);
  });

  after(() => fresh && rmSync(fresh, { recursive: true, force: true }));

  it('sont identiques à une compilation fraîche (npm run profiles:build)', () => {
    const committed = listFiles(PROFILES_DIR).map((p) => relative(PROFILES_DIR, p)).sort();
    const built = listFiles(fresh).map((p) => relative(fresh, p)).sort();
    expect(built).to.deep.equal(committed);
    const differing = committed.filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(PROFILES_DIR, f))));
    expect(differing, 'fichiers différents : relancer npm run profiles:build').to.deep.equal([]);
  });

  it('contiennent les 64 StructureDefinitions TDDUI, dont tddui-bundle et ses 30 tranches par profil', () => {
    const index = JSON.parse(readFileSync(join(PROFILES_DIR, 'index.json'), 'utf8')) as CompiledIndex;
    expect(index.resources.filter((r) => r.package === 'ans.fhir.fr.tddui' && r.resourceType === 'StructureDefinition')).to.have.length(64);
    const bundle = JSON.parse(readFileSync(join(PROFILES_DIR, 'ans.fhir.fr.tddui', 'StructureDefinition-tddui-bundle.json'), 'utf8'));
    const entry = bundle.elements.find((e: { id: string }) => e.id === 'Bundle.entry');
    expect(entry.slicing.discriminators).to.deep.equal([{ type: 'profile', path: 'resource' }]);
    expect(bundle.elements.filter((e: { path: string; sliceName?: string }) => e.path === 'Bundle.entry' && e.sliceName)).to.have.length(30);
  });

  it('signalent clairement les canoniques non résolus au lieu d’échouer', () => {
    const index = JSON.parse(readFileSync(join(PROFILES_DIR, 'index.json'), 'utf8')) as CompiledIndex;
    expect(index.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    const j105 = index.diagnostics.find((d) => d.message.includes('JDV_J105-EnsembleDiplome-RASS'));
    expect(j105?.severity).to.equal('information');
  });
});
