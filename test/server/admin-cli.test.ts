/** `tddui-bench admin` exactly as scripts call it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../support/cli.js';
import { requireSpec, TDDUI_EXAMPLES } from '../support/context.js';

describe('serveur : tddui-bench admin', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'tddui-bench-admin-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('create-org, create-token (jeton seul sur la dernière ligne), list-tokens, revoke-token', () => {
    const env = { TDDUI_BENCH_DATA: dir };
    expect(runCli(['admin', 'create-org', 'Editeur A'], env).code).to.equal(0);
    const created = runCli(['admin', 'create-token', '--org', 'Editeur A', '--role', 'vendor'], env);
    expect(created.code).to.equal(0);
    const lines = created.stdout.trimEnd().split('\n');
    const token = lines[lines.length - 1];
    expect(token).to.match(/^tdb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const tokenId = token.split('_')[1];
    const listed = runCli(['admin', 'list-tokens'], env);
    expect(listed.stdout).to.include(tokenId);
    expect(listed.stdout).to.not.include(token);
    expect(runCli(['admin', 'revoke-token', tokenId], env).code).to.equal(0);
    expect(runCli(['admin', 'list-tokens', '--data', dir]).stdout).to.match(/révoqué/);
  });

  it('erreurs : organisation inconnue, rôle inconnu, jeton inconnu → code 2 et message', () => {
    const env = { TDDUI_BENCH_DATA: dir };
    const cases: [string[], RegExp][] = [
      [['admin', 'create-token', '--org', 'Personne', '--role', 'vendor'], /organisation inconnue/],
      [['admin', 'create-token', '--org', 'Editeur A', '--role', 'root'], /rôle inconnu/],
      [['admin', 'revoke-token', '0000000000000000'], /jeton inconnu/],
      [['admin', 'create-org', 'Editeur A'], /existe déjà/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, env);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.stderr).to.match(message);
    }
  });
});

describe('serveur : tddui-bench profiles import', function () {
  this.timeout(120_000);

  it('importe un dossier du paquet officiel dans le dossier des données ; chemin absent : code 2', function () {
    requireSpec(this);
    const dir = mkdtempSync(join(tmpdir(), 'tddui-bench-import-cli-'));
    try {
      const r = runCli(['profiles', 'import', TDDUI_EXAMPLES, '--data', dir]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/importé : .*StructureDefinition/);
      const missing = runCli(['profiles', 'import', join(dir, 'absent'), '--data', dir]);
      expect(missing.code).to.equal(2);
      expect(missing.stderr).to.match(/introuvable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
