/**
 * CDA bench (`npx tsx bench/cda.ts [--docs N] [--batch N]`): checks N CDA documents (default 1,000: ANS's two
 * examples replicated, each with its own document id) through runCheck, as `tddui-bench check` does: XML
 * parse + TDDUI rules on the main thread, XSD with xmllint-wasm in batches in a worker thread. Prints the
 * total, the per-document time, the parse + rules time alone, the target (1,000 documents under 20 s) and
 * the ratio. Reads the examples and the XSD set from ../shared/spec/tddui-cda (exit 2 when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { CdaChecker } from '../src/cda/cda-checker.js';
import { openDefinitions } from '../src/cli/definitions.js';
import { DEFAULT_SPEC_DIR } from '../src/definitions/paths.js';
import { runCheck, type CheckInput } from '../src/reports/run-check.js';
import { Checker } from '../src/rules/checker.js';

const TARGET_MS_PER_1000 = 20_000;
const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const docs = arg('--docs', 1000);
const batchSize = arg('--batch', 250);

const spec = join(DEFAULT_SPEC_DIR, 'tddui-cda');
const schemaDir = join(spec, 'TestContenuCDA-3-0', 'infrastructure', 'cda');
if (!existsSync(join(spec, 'examples'))) {
  console.error(`exemples CDA absents (${spec}) : bench impossible`);
  process.exit(2);
}
// The 1.0.1 example still says "1.1.0-ballot" in its templateId extension: a 1.0.1 export says 1.0.1.
const examples = ['1.1.0', '1.0.1'].map((v) => readFileSync(join(spec, 'examples', `CDA_TDDUI_Exemple_v${v}.xml`), 'utf8')
  .replace('extension="1.1.0-ballot"', `extension="${v === '1.1.0' ? '1.1.0-ballot' : '1.0.1'}"`));
// Each document gets its own id: a fixed-width number patched into a copy of the bytes (as cheap as
// reading a file, so that the figures are those of the check, not of the generator).
const ID = '<id root="1.2.250.2345.3245.13.58130.1"/>';
const bases = examples.map((e) => Buffer.from(e.replace(ID, '<id root="1.2.250.2345.3245.13.58130.100001"/>'), 'utf8'));
const offsets = bases.map((b) => b.indexOf('100001"/>'));
const inputs: CheckInput[] = Array.from({ length: docs }, (_, i) => ({
  name: `doc-${i + 1}.xml`,
  bytes: () => {
    const b = Buffer.from(bases[i % 2]);
    b.write(String(100001 + i), offsets[i % 2], 'latin1'); // an OID arc has no leading zero
    return b;
  },
}));

const { ctx } = await openDefinitions([]);
const checker = new Checker(ctx);
const cda = new CdaChecker({ schemaDir, batchSize });

// Warm-up (JIT, first worker start), not timed.
await runCheck(checker, inputs.slice(0, 20), { cda: { checker: cda }, runId: 'warm-up' });

const rulesOnly = new CdaChecker({ batchSize });
let t = performance.now();
const r0 = await runCheck(checker, inputs, { cda: { checker: rulesOnly }, runId: 'rules' });
const rulesMs = performance.now() - t;

t = performance.now();
const cpu0 = process.cpuUsage();
const report = await runCheck(checker, inputs, { cda: { checker: cda }, runId: 'bench' });
const totalMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);

const errors = report.summary.error + report.summary.fatal + r0.summary.error + r0.summary.fatal;
const target = (TARGET_MS_PER_1000 * docs) / 1000;
const line = (label: string, ms: number) => console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(ms / docs).toFixed(1).padStart(6)} ms/doc`);
console.log(`CDA : ${docs} documents (${examples.map((e) => `${Math.round(e.length / 1024)} Kio`).join(' / ')}), lots XSD de ${batchSize}`);
line('analyse XML + règles TDDUI (sans XSD)', rulesMs);
line('vérification complète (XML + règles + XSD)', totalMs);
console.log(`temps CPU de la vérification complète (tous fils) : ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s ; charge de la machine (1 min) : ${loadavg()[0].toFixed(2)} pour 2 cœurs`);
console.log(`cible CDA ${docs} documents < ${(target / 1000).toFixed(1)} s — ratio ${(totalMs / target).toFixed(2)} ${totalMs <= target ? '[PASS]' : '[FAIL]'}`);
console.log(`contrôle : ${errors} erreur(s) sur des documents conformes ${errors === 0 ? '(attendu : 0)' : '(INATTENDU)'}`);
process.exitCode = errors === 0 ? 0 : 1;
