/**
 * The XPath subset (xpath-lite) against a complete XPath 3.1 engine (fontoxpath on slimdom): for every
 * rule of the table, on ANS's example and on mutated copies, both select the same number of context
 * elements and find the same number of failing ones.
 */
import { expect } from 'chai';
import { evaluateXPathToBoolean, evaluateXPathToNodes } from 'fontoxpath';
import * as slimdom from 'slimdom';
import { CDA_TABLE_RULES } from '../../src/cda/cda-checker.js';
import { compileXPath, selectElements, toBoolean } from '../../src/cda/xml/xpath-lite.js';
import { parseXml } from '../../src/cda/xml/xml-tree.js';
import { CDA_MUTATIONS } from './cda-mutations.js';
import { cdaExample, mutate, requireCdaSpec } from './cda-support.js';

const NS: Record<string, string> = { cda: 'urn:hl7-org:v3', sdtc: 'urn:hl7-org:sdtc', xsi: 'http://www.w3.org/2001/XMLSchema-instance' };
const namespaceResolver = (prefix: string | null) => (prefix ? NS[prefix] : null) ?? null;

function compare(text: string): { rule: string; lite: [number, number]; full: [number, number] }[] {
  const lite = parseXml(text);
  const full = slimdom.parseXmlDocument(text);
  const out: { rule: string; lite: [number, number]; full: [number, number] }[] = [];
  for (const rule of CDA_TABLE_RULES) {
    const contexts = selectElements(compileXPath(rule.context), lite.root!, lite);
    const nodes = evaluateXPathToNodes(rule.context, full, null, null, { namespaceResolver }) as slimdom.Node[];
    let liteFail = 0;
    let fullFail = 0;
    const check = rule.check;
    if ('test' in check) {
      const test = compileXPath(check.test);
      liteFail = contexts.filter((c) => !toBoolean(test(c, lite))).length;
      fullFail = nodes.filter((n) => !evaluateXPathToBoolean(check.test, n, null, null, { namespaceResolver })).length;
    }
    out.push({ rule: rule.id, lite: [contexts.length, liteFail], full: [nodes.length, fullFail] });
  }
  return out;
}

describe('CDA : sous-ensemble XPath comparé à fontoxpath (XPath 3.1 complet)', function () {
  this.timeout(120_000);
  before(function () {
    requireCdaSpec(this);
  });

  const samples = [
    { name: 'exemple 1.1.0', text: () => cdaExample('1.1.0') },
    ...CDA_MUTATIONS.filter((_, i) => i % 6 === 0).map((m) => ({ name: `mutation ${m.rule}`, text: () => mutate(cdaExample(m.example ?? '1.1.0'), m.find, m.replace) })),
  ];
  for (const s of samples) {
    it(`${s.name} : mêmes contextes et mêmes échecs pour chaque règle`, () => {
      const diff = compare(s.text()).filter((r) => r.lite[0] !== r.full[0] || r.lite[1] !== r.full[1]);
      expect(diff).to.deep.equal([]);
    });
  }
});
