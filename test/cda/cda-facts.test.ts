/** The committed computable facts (value sets, 1.1.0 transport profiles) are what the compiler derives from ../shared today. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { buildCdaFacts, CDA_FACTS_FILE, serialiseCdaFacts } from '../../src/cda/facts/build-cda-facts.js';
import { requireCdaSpec } from './cda-support.js';

describe('CDA : faits calculables', () => {
  it('src/cda/facts/cda-facts.json est à jour (sinon : npm run cda:facts)', function () {
    requireCdaSpec(this);
    expect(readFileSync(CDA_FACTS_FILE, 'utf8')).to.equal(serialiseCdaFacts(buildCdaFacts()));
  });

  it('les jeux de valeurs 1.0.1 diffèrent de 1.1.0 là où le guide le dit (AGGIR PH, qualificatifs qf)', () => {
    const facts = JSON.parse(readFileSync(CDA_FACTS_FILE, 'utf8'));
    expect(facts.versions['1.1.0']['1.2.250.1.213.1.1.5.805'].codes.some((c: string) => c.startsWith('d350|'))).to.equal(true);
    expect(facts.versions['1.0.1']['1.2.250.1.213.1.1.5.805'].codes.some((c: string) => c.startsWith('d350|'))).to.equal(false);
    expect(facts.versions['1.0.1']['1.2.250.1.213.1.1.5.816'].codes.some((c: string) => c.startsWith('qf0|'))).to.equal(true);
  });
});
