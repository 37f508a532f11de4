/** `cda import-schemas` (folder or zip) into the data folder, then found without an option. */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { importSchemas } from '../../src/cda/xsd/import-schemas.js';
import { loadSchemaSet, resolveSchemaDir } from '../../src/cda/xsd/schema-set.js';
import { runCli } from '../support/cli.js';
import { CDA_SCHEMAS, cdaExample, requireCdaSpec } from './cda-support.js';

/** A zip of the files (deflated), enough for the importer's reader. */
function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const data = deflateRawSync(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(8, 8); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(f.data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(8, 10); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(f.data.length, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10); end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('CDA : import des schémas XSD', function () {
  this.timeout(60_000);
  let data: string;
  before(function () {
    requireCdaSpec(this);
    data = mkdtempSync(join(tmpdir(), 'tddui-cda-data-'));
  });
  after(() => data && rmSync(data, { recursive: true, force: true }));

  it('depuis un dossier : copie, empreinte enregistrée, trouvé ensuite sans option', () => {
    const env = { TDDUI_BENCH_DATA: data };
    expect(resolveSchemaDir(undefined, env)).to.equal(undefined);
    const r = importSchemas(CDA_SCHEMAS, env);
    expect(r.sha256).to.equal(loadSchemaSet(CDA_SCHEMAS).sha256);
    expect(JSON.parse(readFileSync(join(r.dir, 'import.json'), 'utf8')).sha256).to.equal(r.sha256);
    expect(resolveSchemaDir(undefined, env)).to.equal(r.dir);
    expect(resolveSchemaDir('/autre', env)).to.equal('/autre');
  });

  it('depuis une archive zip (dossier parent compris), même empreinte', () => {
    const set = loadSchemaSet(CDA_SCHEMAS);
    const archive = join(data, 'cda.zip');
    writeFileSync(archive, zip([set.entry, ...set.preload].map((f) => ({ name: `infrastructure/cda/${f.fileName}`, data: Buffer.from(f.contents) }))));
    const r = importSchemas(archive, { TDDUI_BENCH_DATA: join(data, 'z') });
    expect(r.sha256).to.equal(set.sha256);
  });

  it('CLI : cda import-schemas puis check valide le XSD sans option', () => {
    const env = { TDDUI_BENCH_DATA: join(data, 'cli') };
    const imp = runCli(['cda', 'import-schemas', CDA_SCHEMAS], env);
    expect(imp.code, imp.stderr).to.equal(0);
    expect(imp.stdout).to.include('schémas CDA importés');
    const doc = join(data, 'doc.xml');
    writeFileSync(doc, cdaExample('1.1.0').replace('<title>Document transfert de données DUI</title>', '<bogus/>'));
    const run = runCli(['check', doc, '--format', 'json'], env);
    expect(run.code).to.equal(1);
    const report = JSON.parse(run.stdout);
    expect(report.results[0].issues.map((i: { ruleId: string }) => i.ruleId)).to.include('CDA-XSD-001');
    expect(report.pins['cda-xsd']).to.be.a('string');
    expect(existsSync(join(data, 'cli', 'cda-schemas', 'CDA_extended.xsd'))).to.equal(true);
  });
});
