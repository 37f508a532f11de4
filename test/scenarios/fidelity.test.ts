/**
 * Round-trip fidelity (issue 3 §4) on datasets built from the official example Bundles: a perfect re-export
 * (ids and fullUrls renamed, entries shuffled, JSON ↔ XML) scores 100 % with no finding; each kind of loss
 * or alteration is found with its rule id, its path and the expected and found values.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareExports, FidelityInputError, type FidelityComparison } from '../../src/scenarios/fidelity/compare-exports.js';
import type { Json, JsonObject } from '../../src/validation/json-values.js';
import { serialiseFhirXml } from '../../src/validation/parse/json-to-xml.js';
import { runCli } from '../support/cli.js';
import { requireSpec, shippedContext, specAvailable } from '../support/context.js';
import { exampleDataset, renameAndShuffle } from '../support/fidelity-datasets.js';

type Entry = { fullUrl: string; resource: JsonObject & { resourceType: string } };
const entries = (b: JsonObject) => b.entry as unknown as Entry[];

/** Index in the re-export of the first entry whose resource satisfies the test. */
function entryIndex(b: JsonObject, test: (r: JsonObject & Record<string, any>) => boolean): number {
  const i = entries(b).findIndex((e) => test(e.resource));
  if (i < 0) throw new Error('entrée introuvable dans le jeu de test');
  return i;
}

const hasIdentifier = (value: string) => (r: Record<string, any>) => (Array.isArray(r.identifier) ? r.identifier : [r.identifier]).some((i: any) => i?.value === value);
const isType = (type: string) => (r: Record<string, any>) => r.resourceType === type;
const INS_PATIENT = hasIdentifier('147720425367411');
const IME_PATIENT = hasIdentifier('3480787529/123456');
const EVENT = hasIdentifier('3480787529/147720425367411-EVN-12548');

interface LossCase {
  desc: string;
  /** Changes the re-export; returns the entry index (in the re-export) the finding points into, if any. */
  mutate(b: JsonObject): number | undefined;
  ruleId: string;
  /** Path relative to the entry's resource ("" = the resource itself), or an absolute path. */
  path: string;
  params: Record<string, string | number>;
}

const at = (b: JsonObject, test: Parameters<typeof entryIndex>[1]) => {
  const i = entryIndex(b, test);
  return { i, r: entries(b)[i].resource as Record<string, any> };
};

const CASES: LossCase[] = [
  {
    desc: 'usager perdu (patient INS retiré)',
    mutate: (b) => void entries(b).splice(entryIndex(b, INS_PATIENT), 1),
    ruleId: 'FIDELITY-001', path: '%expected.entry[0].resource', params: { object: 'Patient 147720425367411', expected: '147720425367411' },
  },
  {
    desc: 'objet perdu (événement retiré)',
    mutate: (b) => void entries(b).splice(entryIndex(b, EVENT), 1),
    ruleId: 'FIDELITY-002', path: '%expected.entry[3].resource', params: { object: 'Encounter 3480787529/147720425367411-EVN-12548' },
  },
  {
    desc: 'objet sans identifiant perdu (agenda retiré)',
    mutate: (b) => void entries(b).splice(entryIndex(b, isType('Schedule')), 1),
    ruleId: 'FIDELITY-002', path: '%expected.entry[9].resource', params: { object: 'Schedule (entrée 9)' },
  },
  {
    desc: 'champ manquant (date de naissance)',
    mutate: (b) => {
      const { i, r } = at(b, IME_PATIENT);
      delete r.birthDate;
      return i;
    },
    ruleId: 'FIDELITY-003', path: 'birthDate', params: { object: 'Patient 3480787529/123456', field: 'birthDate', expected: '2005-09-15' },
  },
  {
    desc: 'champ manquant (adresse entière, un constat pour tout le bloc)',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      delete r.address;
      return i;
    },
    ruleId: 'FIDELITY-003', path: 'address', params: { object: 'Patient 147720425367411', field: 'address' },
  },
  {
    desc: 'nom modifié',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      r.name[0].family = 'DUPOND';
      return i;
    },
    ruleId: 'FIDELITY-004', path: 'name[0].family', params: { field: 'name[0].family', expected: 'DUPONT', found: 'DUPOND' },
  },
  {
    desc: 'liste des prénoms de naissance modifiée',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      r.name[0].extension[0].valueString = 'Jean';
      return i;
    },
    ruleId: 'FIDELITY-004', path: 'name[0].extension[0].valueString', params: { expected: 'Jean Stéphane Patrick', found: 'Jean' },
  },
  {
    desc: 'trait d’identité modifié (sexe)',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      r.gender = 'female';
      return i;
    },
    ruleId: 'FIDELITY-005', path: 'gender', params: { field: 'gender', expected: 'male', found: 'female' },
  },
  {
    desc: 'trait d’identité modifié (code INSEE du lieu de naissance)',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      r.extension[1].valueAddress.extension[0].valueCoding.code = '63221';
      return i;
    },
    ruleId: 'FIDELITY-005', path: 'extension[1].valueAddress.extension[0].valueCoding.code', params: { expected: '63220', found: '63221' },
  },
  {
    desc: 'date modifiée (début d’événement)',
    mutate: (b) => {
      const { i, r } = at(b, EVENT);
      r.period.start = '2023-01-01T10:00:00+01:00';
      return i;
    },
    ruleId: 'FIDELITY-006', path: 'period.start', params: { object: 'Encounter 3480787529/147720425367411-EVN-12548', field: 'period.start', found: '2023-01-01T10:00:00+01:00' },
  },
  {
    desc: 'code modifié (rôle du professionnel)',
    mutate: (b) => {
      const { i, r } = at(b, isType('PractitionerRole'));
      r.code[0].coding[0].code = '331';
      return i;
    },
    ruleId: 'FIDELITY-007', path: 'code[0].coding[0].code', params: { expected: '330', found: '331' },
  },
  {
    desc: 'identifiant modifié (permis de conduire du patient, apparié par l’INS)',
    mutate: (b) => {
      const { i, r } = at(b, INS_PATIENT);
      r.identifier[2].value = '822146810';
      return i;
    },
    ruleId: 'FIDELITY-008', path: 'identifier[2].value', params: { expected: '822146819', found: '822146810' },
  },
  {
    desc: 'identifiant métier modifié (objet reconnu par son contenu)',
    mutate: (b) => {
      const { i, r } = at(b, EVENT);
      r.identifier[0].value = '3480787529/147720425367411-EVN-99999';
      return i;
    },
    ruleId: 'FIDELITY-008', path: 'identifier[0].value', params: { expected: '3480787529/147720425367411-EVN-12548', found: '3480787529/147720425367411-EVN-99999' },
  },
  {
    desc: 'valeur modifiée (texte du projet de vie)',
    mutate: (b) => {
      const { i, r } = at(b, hasIdentifier('3480787529/123456789-PDV-1234'));
      r.description.text = 'Autre projet';
      return i;
    },
    ruleId: 'FIDELITY-009', path: 'description.text', params: { found: 'Autre projet' },
  },
  {
    desc: 'référence vers un autre objet (agenda d’un autre usager)',
    mutate: (b) => {
      const { i, r } = at(b, isType('Schedule'));
      r.actor[0].reference = entries(b)[entryIndex(b, IME_PATIENT)].fullUrl;
      return i;
    },
    ruleId: 'FIDELITY-010', path: 'actor[0].reference', params: { expected: 'Patient 147720425367411', found: 'Patient 3480787529/123456' },
  },
  {
    desc: 'référence vers un autre objet (événement d’un autre usager)',
    mutate: (b) => {
      const { i, r } = at(b, EVENT);
      r.subject.reference = entries(b)[entryIndex(b, IME_PATIENT)].fullUrl;
      return i;
    },
    ruleId: 'FIDELITY-010', path: 'subject.reference', params: { field: 'subject.reference', expected: 'Patient 147720425367411', found: 'Patient 3480787529/123456' },
  },
  {
    desc: 'référence qui ne se résout plus',
    mutate: (b) => {
      const { i, r } = at(b, EVENT);
      r.subject.reference = 'Patient/inconnu';
      return i;
    },
    ruleId: 'FIDELITY-010', path: 'subject.reference', params: { expected: 'Patient 147720425367411', found: 'Patient/inconnu' },
  },
  {
    desc: 'objet supplémentaire (information)',
    mutate: (b) => {
      entries(b).push({
        fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
        resource: { resourceType: 'Organization', identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.2', value: '1999999999' }], name: 'Autre' },
      });
      return entries(b).length - 1;
    },
    ruleId: 'FIDELITY-011', path: '', params: { object: 'Organization 1999999999' },
  },
  {
    desc: 'objet en double',
    mutate: (b) => {
      const { r } = at(b, hasIdentifier('10103441234'));
      entries(b).push({ fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222', resource: structuredClone(r) as Entry['resource'] });
      return entries(b).length - 1;
    },
    ruleId: 'FIDELITY-012', path: '', params: { object: 'Practitioner 10103441234', expected: '10103441234' },
  },
];

describe('fidélité aller-retour (--expect)', function () {
  this.timeout(60_000);
  let dataset: JsonObject;
  let perfect: JsonObject;

  before(function () {
    requireSpec(this);
    dataset = exampleDataset();
    perfect = renameAndShuffle(dataset, 42);
  });

  const perfectScore = (c: FidelityComparison) => {
    expect(c.findings.map((f) => `${f.ruleId} ${f.path}`)).to.deep.equal([]);
    expect(c.score).to.equal(100);
    for (const t of c.byType) expect(t, t.resourceType).to.include({ score: 100, lost: 0, altered: 0, extra: 0, matched: t.expected });
  };

  describe('réexport parfait', () => {
    it('ids et fullUrls renommés, entrées mélangées : 100 %, aucun constat', () => {
      expect(entries(perfect).map((e) => e.fullUrl)).to.not.deep.equal(entries(dataset).map((e) => e.fullUrl));
      const c = compareExports(dataset, perfect);
      perfectScore(c);
      expect(c.byType.find((t) => t.resourceType === 'Patient')).to.include({ expected: 3, matched: 3 });
      expect(c.byType.reduce((n, t) => n + t.expected, 0)).to.equal(45);
    });

    it('export en XML (et jeu de données en XML) : 100 %, aucun constat', () => {
      const definitions = shippedContext();
      perfectScore(compareExports(dataset, serialiseFhirXml(perfect, definitions), { definitions }));
      perfectScore(compareExports(Buffer.from(serialiseFhirXml(dataset, definitions)), JSON.stringify(perfect), { definitions }));
    });

    it('identifiants et extensions réordonnés, instant dans un autre fuseau, Unicode décomposé : rien de perdu', () => {
      const b = structuredClone(perfect);
      const { r } = at(b, INS_PATIENT);
      r.identifier.reverse();
      r.extension.reverse();
      r.name[0].extension[0].valueString = 'Jean Ste\u0301phane Patrick';
      const consent = at(b, (x) => x.resourceType === 'Consent' && x.dateTime === '2024-01-15T09:00:00+01:00').r;
      consent.dateTime = '2024-01-15T08:00:00Z';
      perfectScore(compareExports(dataset, b));
    });

    it('sortie déterministe (même entrée → mêmes octets), quel que soit l’ordre des entrées de l’export', () => {
      const altered = (seed: number) => {
        const b = renameAndShuffle(dataset, seed);
        at(b, INS_PATIENT).r.gender = 'female';
        entries(b).splice(entryIndex(b, EVENT), 1);
        return b;
      };
      const a = compareExports(dataset, altered(1));
      expect(JSON.stringify(compareExports(dataset, altered(1)))).to.equal(JSON.stringify(a));
      // Another order changes the paths in the export, not what is found nor the scores.
      const b = compareExports(dataset, altered(2));
      const what = (c: FidelityComparison) => c.findings.map((f) => `${f.ruleId} ${JSON.stringify(f.params)}`).sort();
      expect(what(b)).to.deep.equal(what(a));
      expect(b.byType).to.deep.equal(a.byType);
    });
  });

  describe('pertes et modifications', () => {
    for (const c of CASES) {
      it(`${c.ruleId} : ${c.desc}`, () => {
        const b = structuredClone(perfect);
        const entry = c.mutate(b);
        const r = compareExports(dataset, b);
        const path = c.path.startsWith('%') ? c.path : `Bundle.entry[${entry}].resource${c.path ? `.${c.path}` : ''}`;
        const hits = r.findings.filter((f) => f.ruleId === c.ruleId);
        expect(hits.map((f) => f.path), JSON.stringify(r.findings)).to.deep.equal([path]);
        expect(hits[0].params).to.include(c.params);
        // Nothing else is reported, except the references to a lost object.
        expect(r.findings.filter((f) => f !== hits[0]).map((f) => f.ruleId)).to.deep.equal([]);
        if (c.ruleId === 'FIDELITY-011' || c.ruleId === 'FIDELITY-012') {
          expect(r.score).to.equal(100);
        } else {
          expect(r.score).to.be.below(100);
        }
      });
    }

    it('score : une valeur modifiée retire un champ de son type, et un objet perdu tous les siens', () => {
      const b = structuredClone(perfect);
      at(b, INS_PATIENT).r.gender = 'female';
      entries(b).splice(entryIndex(b, isType('Organization')), 1);
      const r = compareExports(dataset, b);
      const patient = r.byType.find((t) => t.resourceType === 'Patient')!;
      expect(patient).to.include({ expected: 3, matched: 3, lost: 0, altered: 1, keptFields: patient.expectedFields - 1 });
      const org = r.byType.find((t) => t.resourceType === 'Organization')!;
      expect(org).to.include({ expected: 1, matched: 0, lost: 1, keptFields: 0, score: 0 });
      // References to the lost organisation are not kept, but not reported twice.
      expect(r.findings.map((f) => f.ruleId).sort()).to.deep.equal(['FIDELITY-002', 'FIDELITY-005']);
      expect(r.byType.find((t) => t.resourceType === 'Encounter')!.score).to.be.below(100);
    });

    it('FIDELITY-013 : un export qui n’est pas un Bundle donne un constat et un score de 0', () => {
      const r = compareExports(dataset, { resourceType: 'Patient' } as JsonObject);
      expect(r.findings.map((f) => `${f.ruleId} ${f.path}`)).to.deep.equal(['FIDELITY-013 Patient']);
      expect(r.score).to.equal(0);
      expect(r.byType.every((t) => t.lost === t.expected)).to.equal(true);
      expect(compareExports(dataset, '{ pas du json').findings.map((f) => f.ruleId)).to.deep.equal(['FIDELITY-013']);
    });

    it('un jeu de données illisible ou qui n’est pas un Bundle est une erreur d’usage', () => {
      expect(() => compareExports('{', perfect)).to.throw(FidelityInputError, /jeu de données attendu/);
      expect(() => compareExports({ resourceType: 'Patient' } as Record<string, Json> as JsonObject, perfect)).to.throw(FidelityInputError, /Bundle est attendu/);
      expect(() => compareExports('<Bundle xmlns="http://hl7.org/fhir"/>', perfect)).to.throw(FidelityInputError, /XML/);
    });
  });

  describe('CLI check --expect', () => {
    let dir: string;
    before(function () {
      if (!specAvailable()) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'tddui-fidelity-'));
      writeFileSync(join(dir, 'jeu.json'), JSON.stringify(exampleDataset(), null, 2));
      writeFileSync(join(dir, 'reexport.xml'), serialiseFhirXml(renameAndShuffle(exampleDataset(), 3), shippedContext()));
      const altered = renameAndShuffle(exampleDataset(), 3);
      at(altered, INS_PATIENT).r.name[0].family = 'DUPOND';
      writeFileSync(join(dir, 'modifie.json'), JSON.stringify(altered, null, 2));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('rapport JSON : fidelity rempli, constats FIDELITY localisés, déterministe', () => {
      const run = () => JSON.parse(runCli(['check', '--format', 'json', '--expect', join(dir, 'jeu.json'), join(dir, 'reexport.xml'), join(dir, 'modifie.json')]).stdout);
      const a = run();
      const [xml, json] = a.results;
      expect(xml.fidelity.score).to.equal(100);
      expect(xml.fidelity.dataset).to.include({ name: join(dir, 'jeu.json') });
      expect(xml.fidelity.dataset.sha256).to.match(/^[0-9a-f]{64}$/);
      expect(xml.issues.filter((i: { ruleId: string }) => i.ruleId.startsWith('FIDELITY-'))).to.deep.equal([]);
      expect(json.fidelity.score).to.be.below(100);
      const issue = json.issues.find((i: { ruleId: string }) => i.ruleId === 'FIDELITY-004');
      expect(issue).to.include({ severity: 'error' });
      expect(issue.path).to.match(/^Bundle\.entry\[\d+\]\.resource\.name\[0\]\.family$/);
      expect(issue.line).to.be.a('number');
      expect(issue.params).to.include({ expected: 'DUPONT', found: 'DUPOND' });
      expect(issue.message).to.include('DUPONT').and.include('DUPOND');
      const b = run();
      delete a.run;
      delete b.run;
      expect(JSON.stringify(b)).to.equal(JSON.stringify(a));
    });

    it('rapport texte : tableau de fidélité ; jeu de données absent ou invalide : code 2', () => {
      const r = runCli(['check', '--expect', join(dir, 'jeu.json'), join(dir, 'modifie.json')]);
      expect(r.code).to.equal(1);
      expect(r.stdout).to.include('Fidélité au jeu de données').and.include('FIDELITY-004').and.match(/Patient\s+3\s+3\s+0\s+1\s+0/);
      const en = runCli(['check', '--lang', 'en', '--expect', join(dir, 'jeu.json'), join(dir, 'modifie.json')]);
      expect(en.stdout).to.include('Fidelity to the dataset').and.include('Name altered');
      expect(runCli(['check', '--expect', join(dir, 'absent.json'), join(dir, 'modifie.json')]).code).to.equal(2);
      writeFileSync(join(dir, 'patient.json'), '{"resourceType":"Patient"}');
      const bad = runCli(['check', '--expect', join(dir, 'patient.json'), join(dir, 'modifie.json')]);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.include('Bundle est attendu');
    });
  });
});

describe('CLI check --expect-scenario : le jeu attendu est régénéré depuis le scénario et la graine', function () {
  let dir: string;
  before(function () {
    if (!specAvailable()) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'tddui-expect-scenario-'));
    const gen = runCli(['generate', '--scenario', 'ssiad-sidoba', '--seed', '5', '--usagers', '2', '--out', join(dir, 'jeu.json')]);
    expect(gen.code, gen.stderr).to.equal(0);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('même graine : 100 % ; nom modifié dans l’export : FIDELITY-004 ; autre graine : pertes', () => {
    const same = JSON.parse(runCli(['check', '--format', 'json', '--expect-scenario', 'ssiad-sidoba', '--seed', '5', '--usagers', '2', join(dir, 'jeu.json')]).stdout);
    expect(same.results[0].fidelity.score).to.equal(100);
    expect(same.results[0].fidelity.dataset).to.include({ scenario: 'ssiad-sidoba', seed: 5, usagers: 2 });
    const bundle = JSON.parse(readFileSync(join(dir, 'jeu.json'), 'utf8'));
    const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient').resource;
    patient.name[0].family = `${patient.name[0].family}X`;
    writeFileSync(join(dir, 'modifie.json'), JSON.stringify(bundle));
    const altered = JSON.parse(runCli(['check', '--format', 'json', '--expect-scenario', 'ssiad-sidoba', '--seed', '5', '--usagers', '2', join(dir, 'modifie.json')]).stdout);
    expect(altered.results[0].fidelity.score).to.be.below(100);
    expect(altered.results[0].issues.map((i: { ruleId: string }) => i.ruleId)).to.include('FIDELITY-004');
    const other = JSON.parse(runCli(['check', '--format', 'json', '--expect-scenario', 'ssiad-sidoba', '--seed', '6', '--usagers', '2', join(dir, 'jeu.json')]).stdout);
    expect(other.results[0].fidelity.score).to.be.below(100);
  });

  it('erreurs d’usage (code 2) : sans --seed, --seed seul, scénario inconnu, --expect et --expect-scenario ensemble', () => {
    const file = join(dir, 'jeu.json');
    for (const args of [['--expect-scenario', 'ssiad-sidoba'], ['--seed', '5'], ['--expect-scenario', 'inconnu', '--seed', '1'], ['--expect', file, '--expect-scenario', 'ssiad-sidoba', '--seed', '5']]) {
      const r = runCli(['check', ...args, file]);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.stderr, args.join(' ')).to.match(/--seed|inconnu|s’excluent/);
    }
  });
});
