/** The scenario commands as a user runs them: scenarios list, generate (files, manifest, errors), check --scenario. */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

describe('CLI : scénarios', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tddui-scenarios-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scenarios list --format json : identifiant, titre, description, profils, règles', () => {
    const r = runCli(['scenarios', 'list', '--format', 'json']);
    expect(r.code).to.equal(0);
    const rows = JSON.parse(r.stdout) as { id: string; title: string; profiles: string[]; rules: string[] }[];
    expect(rows).to.have.length(9);
    const ssiad = rows.find((x) => x.id === 'ssiad-sidoba')!;
    expect(ssiad.title).to.equal('Activité SSIAD vers SIDOBA');
    expect(ssiad.profiles).to.include('tddui-encounter-evenement');
    expect(ssiad.rules[0]).to.equal('SSIAD-001');
  });

  it('generate puis check --scenario : fichiers identiques pour les mêmes arguments, verdict CONFORME avec la liste de contrôle', () => {
    const out = join(dir, 'a.json');
    const manifest = join(dir, 'a.manifest.json');
    const gen = runCli(['generate', '--scenario', 'presence-absence-repas', '--seed', '4', '--usagers', '2', '--out', out, '--manifest', manifest]);
    expect(gen.code, gen.stderr).to.equal(0);
    expect(runCli(['generate', '--scenario', 'presence-absence-repas', '--seed', '4', '--usagers', '2', '--out', join(dir, 'b.json')]).code).to.equal(0);
    expect(readFileSync(out).equals(readFileSync(join(dir, 'b.json')))).to.equal(true);
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { usagers: number; usagerRecords: { objects: unknown[] }[]; scenario: { id: string } };
    expect(m.usagers).to.equal(2);
    expect(m.usagerRecords).to.have.length(2);
    expect(m.scenario.id).to.equal('presence-absence-repas');
    const check = runCli(['check', '--scenario', 'presence-absence-repas', out]);
    expect(check.code, check.stdout).to.equal(0);
    expect(check.stdout).to.match(/OK\s+PAR-001/);
  });

  it('check --scenario d’un export d’un autre cas d’usage : NON CONFORME, code 1', () => {
    const out = join(dir, 'pdv.json');
    expect(runCli(['generate', '--scenario', 'projet-de-vie', '--seed', '1', '--out', out]).code).to.equal(0);
    const check = runCli(['check', '--scenario', 'presence-absence-repas', '--format', 'json', out]);
    expect(check.code).to.equal(1);
    const report = JSON.parse(check.stdout) as { results: { scenario: { requirements: { ruleId: string; status: string }[] } }[] };
    expect(report.results[0].scenario.requirements.find((q) => q.ruleId === 'PAR-001')!.status).to.equal('fail');
  });

  it('erreurs d’usage : scénario inconnu, graine invalide → code 2 et message clair', () => {
    const unknown = runCli(['generate', '--scenario', 'nope', '--seed', '1', '--out', join(dir, 'x.json')]);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.include('scénario inconnu');
    const seed = runCli(['generate', '--scenario', 'projet-de-vie', '--seed', 'abc', '--out', join(dir, 'x.json')]);
    expect(seed.code).to.equal(2);
    expect(seed.stderr).to.include('--seed');
  });
});
