/**
 * Every official example of TDDUI 2.4.0-ballot is checked: no error-level finding except the defects the
 * digest documents for the published examples, each asserted by rule id and path.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { blocking } from '../support/assertions.js';
import { check, example, specAvailable, TDDUI_EXAMPLES } from '../support/context.js';

type Defect = [ruleId: string, path: string];

/** request.url holds the profile name instead of the resource type on every entry (digest §5, §12). */
const requestUrl = (n: number): Defect[] => Array.from({ length: n }, (_, i) => ['TDDUI-BDL-006', `Bundle.entry[${i}].request.url`]);

/** References leaving the Bundle (digest §5): the organisation of origin, the event location, the IME practitioner, … */
const EXPECTED: Record<string, Defect[]> = {
  // Found by the bench (not in the digest): INS-NIR 147720425367411 has key 11, the mod-97 key is 30.
  'Patient-tddui-patient-ins-example.json': [['TDDUI-INS-002', 'Patient.identifier[0].value']],
  'Bundle-tddui-bundle-example.json': [
    ['TDDUI-INS-002', 'Bundle.entry[0].resource.identifier[0].value'],
    ...requestUrl(12),
    ['TDDUI-BDL-007', 'Bundle.entry[2].resource.hospitalization.origin.reference'],
    ['TDDUI-BDL-007', 'Bundle.entry[3].resource.location[0].location.reference'],
  ],
  'Bundle-tddui-pp-ime-bundle-example.json': [
    ...requestUrl(7),
    ['TDDUI-BDL-007', 'Bundle.entry[1].resource.performer[0].reference'],
  ],
  'Bundle-tddui-pp-pa-bundle-example.json': [
    ...requestUrl(26),
    ['TDDUI-BDL-007', 'Bundle.entry[3].resource.author[0].reference'],
    ['TDDUI-BDL-007', 'Bundle.entry[4].resource.author[0].reference'],
    ['TDDUI-BDL-007', 'Bundle.entry[11].resource.extension[0].extension[0].valueReference.reference'],
    // the six pp-pa actions are based on the IME care plan of another person (digest §5)
    ...[16, 17, 18, 19, 20, 21].map((i): Defect => ['TDDUI-BDL-007', `Bundle.entry[${i}].resource.basedOn[0].reference`]),
  ],
};

const key = (d: { ruleId: string; path: string }) => `${d.ruleId} @ ${d.path}`;

describe('exemples officiels TDDUI 2.4.0-ballot', function () {
  before(function () {
    if (!specAvailable()) {
      console.log('      (../shared/spec absent : exemples officiels non vérifiés)');
      this.skip();
    }
  });

  const files = specAvailable()
    ? readdirSync(TDDUI_EXAMPLES).filter((f) => f.endsWith('.json') && !/^(StructureDefinition|ValueSet|CodeSystem|CapabilityStatement|qa)/.test(f)).sort()
    : [];

  it('sont au nombre attendu (3 Bundles, 4 Questionnaires, 59 autres instances)', () => {
    expect(files.filter((f) => f.startsWith('Bundle-'))).to.have.length(3);
    expect(files.filter((f) => f.startsWith('Questionnaire-'))).to.have.length(4);
    expect(files.length).to.equal(66);
  });

  for (const file of files) {
    it(`${file} : 0 erreur hors défauts documentés`, () => {
      const found = blocking(check(example(file))).map(key).sort();
      const expected = (EXPECTED[file] ?? []).map(([ruleId, path]) => key({ ruleId, path })).sort();
      expect(found).to.deep.equal(expected);
    });
  }
});
