/** Ordering and de-duplication of findings (finish), and document order of paths. */
import { expect } from 'chai';
import type { Finding } from '../../src/validation/finding.js';
import { comparePaths, finish } from '../../src/validation/validate.js';

const f = (path: string, ruleId = 'FHIR-CARD-MIN', params: Finding['params'] = {}): Finding => ({ ruleId, severity: 'error', path, params });

describe('ordre des chemins et finalisation des constats', () => {
  // [a, b, expected sign of comparePaths(a, b)]
  const ORDER: [string, string, number][] = [
    ['Bundle.entry[9]', 'Bundle.entry[10]', -1],
    ['Bundle.entry[10].resource', 'Bundle.entry[9].resource', 1],
    ['Bundle.entry[1]', 'Bundle.entry[1].resource', -1],
    ['Bundle.entry[2].resource.name[0]', 'Bundle.entry[2].resource.name[0]', 0],
    ['Bundle.entry', 'Bundle.entry[0]', -1],
    ['Patient.name', 'Patient.name[0].family', -1],
    ['Patient.identifier[100]', 'Patient.identifier[11]', 1],
    ['Patient.code1', 'Patient.code10', -1], // digits outside an index compare as text
    ['Patient.a2', 'Patient.a10', 1],
  ];
  for (const [a, b, sign] of ORDER) {
    it(`${a} ${sign < 0 ? '<' : sign > 0 ? '>' : '='} ${b}`, () => {
      expect(Math.sign(comparePaths(a, b))).to.equal(sign);
      expect(Math.sign(comparePaths(b, a))).to.equal(-sign);
    });
  }

  it('trie dans l’ordre du document (index numériques), puis par règle', () => {
    const out = finish([f('Bundle.entry[10].resource'), f('Bundle.entry[2].resource', 'FHIR-CARD-MAX'), f('Bundle.entry[2].resource'), f('Bundle')]);
    expect(out.map((x) => `${x.path} ${x.ruleId}`)).to.deep.equal([
      'Bundle FHIR-CARD-MIN',
      'Bundle.entry[2].resource FHIR-CARD-MAX',
      'Bundle.entry[2].resource FHIR-CARD-MIN',
      'Bundle.entry[10].resource FHIR-CARD-MIN',
    ]);
  });

  it('retire les doublons exacts, garde ceux qui diffèrent par leurs paramètres', () => {
    const out = finish([f('Patient.name', 'FHIR-CARD-MIN', { min: 1 }), f('Patient.name', 'FHIR-CARD-MIN', { min: 1 }), f('Patient.name', 'FHIR-CARD-MIN', { min: 2 })]);
    expect(out.map((x) => x.params.min)).to.deep.equal([1, 2]);
  });

  it('regroupe les liaisons non vérifiées par jeu de valeurs, avec leur nombre', () => {
    const nc = (path: string) => f(path, 'FHIR-BIND-NOT-CHECKED', { valueSet: 'http://example.org/vs', strength: 'required', reason: 'absent', count: 1 });
    const inputs = [nc('Patient.a'), nc('Patient.b'), nc('Patient.c')];
    const out = finish(inputs);
    expect(out).to.have.length(1);
    expect(out[0].path).to.equal('Patient.a');
    expect(out[0].params.count).to.equal(3);
    expect(inputs[0].params.count, 'the input finding is not modified').to.equal(1);
  });
});
