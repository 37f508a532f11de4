/**
 * Report fixtures: a real check of a small invalid TDDUI Bundle (no ../shared needed), with the volatile
 * parts fixed (run block, tool version) so that renderings can be compared with golden files, plus the
 * optional blocks other stages fill (scenario checklist, round-trip fidelity, reviewer annotations).
 */
import { minimalBundle } from '../cases/tddui-bundle.cases.js';
import { mutate } from '../cases/case.js';
import { sharedChecker } from '../support/context.js';
import type { Lang } from '../../src/reports/messages.js';
import { runCheck } from '../../src/reports/run-check.js';
import { buildReport, summarise, verdictOf, type CheckReport, type ReportIssue } from '../../src/reports/report-model.js';

export const FIXED_RUN = { id: '7f3c2a10-5b4e-4c1d-9a8f-0e6d5c4b3a21', startedAt: '2026-03-02T09:15:00.000Z', finishedAt: '2026-03-02T09:15:01.250Z' };

/** An export with flow, structure and identifier errors on three entries. */
export function invalidExport(): string {
  const b = mutate(minimalBundle(), (x) => {
    x.entry[0].request.method = 'PUT';
    x.entry[0].resource.active = 'oui';
    x.entry.push({
      fullUrl: 'urn:uuid:6f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7',
      resource: {
        resourceType: 'Patient',
        meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-patient'] },
        identifier: [{ use: 'usual', system: 'https://identifiant-medicosocial-localusager.esante.gouv.fr', value: '3480787529/147720425367411' }],
        name: [{ family: 'Martin', given: ['Louise'] }],
        gender: 'femme',
        birthDate: '1941-02-30',
      },
      request: { method: 'POST', url: 'Patient' },
    });
    x.entry.push({
      fullUrl: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      resource: {
        resourceType: 'Organization',
        meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-organization'] },
        identifier: [{ system: 'https://finess.esante.gouv.fr', value: '750712184' }],
        name: 'EHPAD Les Glycines',
      },
      request: { method: 'POST', url: 'tddui-organization' },
    });
  });
  return JSON.stringify(b, null, 2);
}

export function validExport(): string {
  return JSON.stringify(minimalBundle(), null, 2);
}

/** The check report of the invalid export, volatile parts fixed. */
export async function fixtureReport(lang: Lang = 'fr', inputs: { name: string; text: string }[] = [{ name: 'export-invalide.json', text: invalidExport() }]): Promise<CheckReport> {
  const report = await runCheck(sharedChecker(), inputs.map((i) => ({ name: i.name, bytes: Buffer.from(i.text) })), { lang, runId: FIXED_RUN.id });
  return freeze(report);
}

/** Fixed tool version and run block: goldens change only when the output format or the findings change. */
export function freeze(report: CheckReport): CheckReport {
  report.tool = { ...report.tool, version: '0.0.0-test' };
  report.pins = { ...report.pins, 'tddui-bench': '0.0.0-test' };
  report.run = { ...FIXED_RUN };
  return report;
}

/** The optional blocks, as the scenario, round-trip and server stages will fill them. */
export function withOptionalBlocks(report: CheckReport): CheckReport {
  const fr = report.lang === 'fr';
  const r = report.results[0];
  const losses: ReportIssue[] = [
    {
      ruleId: 'FIDELITY-002', severity: 'error', path: 'Bundle.entry[1].resource',
      message: fr ? 'Usager 3480787529/147720425367411 : séjour attendu absent de l’export' : 'Usager 3480787529/147720425367411: expected stay missing from the export',
      specUrl: 'https://interop.esante.gouv.fr/ig/fhir/tddui/2.4.0-ballot/StructureDefinition-tddui-encounter-sejour.html',
      entry: 1, params: { expected: 'Encounter SEJOUR-0001', found: fr ? 'absent' : 'missing' },
    },
    {
      ruleId: 'FIDELITY-005', severity: 'error', path: 'Bundle.entry[1].resource.birthDate',
      message: fr ? 'Date de naissance modifiée par l’aller-retour' : 'Birth date altered by the round trip',
      specUrl: 'https://interop.esante.gouv.fr/ig/fhir/tddui/2.4.0-ballot/StructureDefinition-tddui-patient.html',
      entry: 1, params: { expected: '1941-02-03', found: '1941-02-30' },
    },
  ];
  r.issues = [...r.issues, ...losses];
  r.summary = summarise(r.issues);
  r.verdict = verdictOf(r.summary);
  r.scenario = {
    id: 'ehpad-admission', title: fr ? 'Admission en EHPAD' : 'Nursing-home admission', version: '1.0.0',
    requirements: [
      { ruleId: 'SCN-EHPAD-001', title: fr ? 'Un usager avec INS qualifiée' : 'One usager with a qualified INS', status: 'fail', findings: 1 },
      { ruleId: 'SCN-EHPAD-002', title: fr ? 'Un séjour par usager' : 'One stay per usager', status: 'fail', findings: 1 },
      { ruleId: 'SCN-EHPAD-003', title: fr ? 'L’organisation gestionnaire identifiée' : 'The managing organisation identified', status: 'pass', findings: 0 },
    ],
  };
  r.fidelity = {
    dataset: { name: 'ehpad-admission-s42.json', sha256: 'a'.repeat(64), scenario: 'ehpad-admission', seed: 42, usagers: 1 },
    score: 66.7,
    byType: [
      { resourceType: 'Encounter', expected: 1, matched: 0, lost: 1, altered: 0, score: 0, extra: 0, expectedFields: 6, keptFields: 0 },
      { resourceType: 'Organization', expected: 2, matched: 2, lost: 0, altered: 0, score: 100, extra: 0, expectedFields: 8, keptFields: 8 },
      { resourceType: 'Patient', expected: 1, matched: 1, lost: 0, altered: 1, score: 50, extra: 0, expectedFields: 8, keptFields: 4 },
    ],
  };
  const out = buildReport(report.tool, report.pins, report.results, report.lang, report.run);
  out.annotations = [
    { author: 'relecteur.cnsa@example.org', decision: 'reject', comment: fr ? 'Méthode PUT à corriger.\nÀ revoir après correction.' : 'PUT method to fix.\nTo review again after the fix.', at: '2026-03-03T10:00:00.000Z' },
    { author: 'ans-interop@example.org', decision: 'comment', comment: fr ? 'Écart connu de l’IG <2.4.0-ballot> & FR Core' : 'Known IG gap <2.4.0-ballot> & FR Core', at: '2026-03-03T11:30:00.000Z' },
  ];
  return out;
}

/** A synthetic report with `n` findings over `n / 4` entries, to time the renderings (bench) and test scale. */
export async function largeReport(n: number): Promise<CheckReport> {
  const report = await fixtureReport('fr');
  const r = report.results[0];
  const model = r.issues;
  const issues: ReportIssue[] = [];
  for (let k = 0; k < n; k++) {
    const m = model[k % model.length];
    const entry = Math.floor(k / 4);
    issues.push({ ...m, path: m.path.replace(/^Bundle\.entry\[\d+\]/, `Bundle.entry[${entry}]`), entry, line: 10 + k * 7, column: 9 });
  }
  r.issues = issues;
  r.entries = Array.from({ length: Math.ceil(n / 4) + 10 }, (_, index) => ({ ...(r.entries?.[index % (r.entries?.length ?? 1)] ?? { resourceType: 'Patient' }), index }));
  r.summary = summarise(issues);
  r.verdict = verdictOf(r.summary);
  return buildReport(report.tool, report.pins, report.results, report.lang, report.run);
}
