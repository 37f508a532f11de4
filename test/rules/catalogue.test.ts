/**
 * The rule catalogue as a contract (Fastify-style): unique ids, complete bilingual messages with the same
 * placeholders, a spec link, and for every rule a negative case that fires it and a positive case that does not.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { RULE_CATALOGUE } from '../../src/rules/catalogue.js';
import { scenarioRuleDefinitions } from '../../src/scenarios/rule-pack.js';
import { SEVERITIES } from '../../src/validation/finding.js';
import { CASE_TABLES } from '../cases/index.js';

/** CDA rules outside the mutation tables: the test file that fires them. */
const CDA_TEST_FILE: Record<string, string> = {
  'CDA-XML': 'cda/cda-pipeline.test.ts', 'CDA-VER': 'cda/cda-pipeline.test.ts', 'CDA-XSD': 'cda/cda-pipeline.test.ts', 'CDA-FHI': 'cda/cda-transport.test.ts',
  ...Object.fromEntries(['CDA-SEJ', 'CDA-EVN', 'CDA-STA', 'CDA-TRP', 'CDA-EVA', 'CDA-COU', 'CDA-DOC'].map((p) => [p, 'cda/cda-mutations-body.ts'])),
};

/** Rules whose fixtures live in a dedicated test file (checked to mention the id). */
const COVERED_BY_FILE: Record<string, string> = Object.fromEntries([
  ...RULE_CATALOGUE.filter((r) => /^TDDUI-(INS|IDF|BID)-/.test(r.id)).map((r) => [r.id, 'rules/identifier-rules.test.ts']),
  ...RULE_CATALOGUE.filter((r) => /^FHIR-(XML-|PARSE-XML)/.test(r.id)).map((r) => [r.id, 'validation/xml.test.ts']),
  ...RULE_CATALOGUE.filter((r) => r.id.startsWith('FIDELITY-')).map((r) => [r.id, 'scenarios/fidelity.test.ts']),
  ...RULE_CATALOGUE.filter((r) => /^CDA-/.test(r.id)).map((r) => [r.id, CDA_TEST_FILE[r.id.slice(0, 7)] ?? 'cda/cda-mutations.ts']),
]);

/** Scenario rules: a positive and a negative case each, derived from their declarative check, in scenarios/rule-packs.test.ts. */
const SCENARIO_RULES = new Set(scenarioRuleDefinitions().map((r) => r.id));

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
const cases = Object.values(CASE_TABLES).flat();
const fired = new Set(cases.flatMap((c) => (c.fires ?? []).map((f) => f.ruleId)));
const cleaned = new Set(cases.flatMap((c) => c.clean ?? []));

describe('catalogue des règles', () => {
  it('a des identifiants uniques', () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
  });

  for (const r of RULE_CATALOGUE) {
    describe(r.id, () => {
      it('est complète (sévérité, messages fr/en aux mêmes paramètres, lien, catégorie)', () => {
        expect(SEVERITIES).to.include(r.severity);
        expect(r.message.fr.trim()).to.not.equal('');
        expect(r.message.en.trim()).to.not.equal('');
        expect(placeholders(r.message.en).filter((p) => !p.endsWith('_en'))).to.deep.equal(placeholders(r.message.fr));
        expect(r.specUrl).to.match(/^(https?:\/\/|\{)/);
        expect(r.category).to.not.equal('');
        if (r.hint) expect(placeholders(r.hint.en)).to.deep.equal(placeholders(r.hint.fr));
      });
      if (r.id === 'FHIR-INV') return; // the family template; each invariant key is covered by its own id
      it('a un cas négatif qui la déclenche et un cas positif qui ne la déclenche pas', () => {
        if (SCENARIO_RULES.has(r.id)) return;
        const file = COVERED_BY_FILE[r.id];
        if (file) {
          expect(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), `${file} doit tester ${r.id}`).to.include(r.id);
          return;
        }
        expect(fired.has(r.id), `aucun cas ne déclenche ${r.id}`).to.equal(true);
        expect(cleaned.has(r.id), `aucun cas positif (clean) pour ${r.id}`).to.equal(true);
      });
    });
  }
});
