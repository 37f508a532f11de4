/**
 * --load: extra conformance resources compiled at run time (differential-only profiles get a snapshot,
 * even when they derive from a shipped FR Core / TDDUI profile), from a file, a folder or a package .tgz.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { DefinitionContext } from '../../src/definitions/context/definition-context.js';
import { loadExtraPackages } from '../../src/definitions/load-packages.js';
import { PROFILES_DIR } from '../../src/definitions/paths.js';
import { DiskCompiledStore } from '../../src/definitions/store/compiled-store.js';
import { Checker } from '../../src/rules/checker.js';
import { expectFinding, expectNoFinding } from '../support/assertions.js';
import { example, requireSpec } from '../support/context.js';

const NICKNAME = 'https://example.org/fhir/StructureDefinition/test-patient-telecom';
const VITALS = 'https://example.org/fhir/StructureDefinition/test-observation-status';

/** Differential only, derived from a TDDUI profile: telecom becomes mandatory. */
const derivedFromTddui = {
  resourceType: 'StructureDefinition', id: 'test-patient-telecom', url: NICKNAME, name: 'TestPatientTelecom', status: 'draft',
  fhirVersion: '4.0.1', kind: 'resource', abstract: false, type: 'Patient', derivation: 'constraint',
  baseDefinition: 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-patient',
  differential: { element: [{ id: 'Patient.telecom', path: 'Patient.telecom', min: 1 }] },
};

/** Differential only, derived from R4 core: status fixed to final. */
const derivedFromCore = {
  resourceType: 'StructureDefinition', id: 'test-observation-status', url: VITALS, name: 'TestObservationStatus', status: 'draft',
  fhirVersion: '4.0.1', kind: 'resource', abstract: false, type: 'Observation', derivation: 'constraint',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
  differential: { element: [{ id: 'Observation.status', path: 'Observation.status', fixedCode: 'final' }] },
};

async function packTgz(file: string, resources: object[]): Promise<void> {
  const pack = tar.pack();
  pack.entry({ name: 'package/package.json' }, JSON.stringify({ name: 'test.local.pkg', version: '1.0.0', fhirVersions: ['4.0.1'] }));
  resources.forEach((r, i) => pack.entry({ name: `package/StructureDefinition-${i}.json` }, JSON.stringify(r)));
  pack.finalize();
  await new Promise<void>((resolve, reject) => pack.pipe(createGzip()).pipe(createWriteStream(file)).on('finish', resolve).on('error', reject));
}

describe('--load : ressources de conformité chargées à l’exécution', function () {
  this.timeout(120_000);
  let dir: string;
  let checker: Checker;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'tddui-load-'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'sd.json'), JSON.stringify(derivedFromTddui));
    const tgz = join(dir, 'pkg.tgz');
    await packTgz(tgz, [derivedFromCore]);
    const shipped = new DiskCompiledStore(PROFILES_DIR);
    const extra = await loadExtraPackages([join(dir, 'folder'), tgz], shipped);
    checker = new Checker(new DefinitionContext([extra, shipped]));
  });

  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('génère le snapshot d’un profil différentiel dérivé d’un profil TDDUI livré et l’applique', function () {
    requireSpec(this);
    const patient = example<Record<string, unknown>>('Patient-tddui-patient-example.json');
    const findings = checker.check(JSON.stringify(patient), { profiles: [NICKNAME], tddui: false }).findings;
    expectFinding(findings, { ruleId: 'FHIR-CARD-MIN', path: 'Patient.telecom', severity: 'error' });
    const withPhone = { ...patient, telecom: [{ system: 'phone', value: '0102030405' }] };
    expectNoFinding(checker.check(JSON.stringify(withPhone), { profiles: [NICKNAME], tddui: false }).findings, 'FHIR-CARD-MIN', 'Patient.telecom');
  });

  it('lit un paquet .tgz et applique un profil dérivé du cœur R4', () => {
    const obs = { resourceType: 'Observation', status: 'preliminary', code: { text: 'poids' } };
    const findings = checker.check(JSON.stringify(obs), { profiles: [VITALS], tddui: false }).findings;
    expectFinding(findings, { ruleId: 'FHIR-FIXED', path: 'Observation.status', severity: 'error' });
    expectNoFinding(checker.check(JSON.stringify({ ...obs, status: 'final' }), { profiles: [VITALS], tddui: false }).findings, 'FHIR-FIXED');
  });

  it('signale un profil inconnu au lieu d’échouer', () => {
    const findings = checker.check(JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' } }), { profiles: ['https://example.org/absent'], tddui: false }).findings;
    expectFinding(findings, { ruleId: 'FHIR-PROFILE-UNKNOWN', path: 'Observation.meta.profile', severity: 'warning' });
  });
});
