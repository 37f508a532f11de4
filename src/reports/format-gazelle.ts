/**
 * The validation report shape of IHE Gazelle (EVS, validation-service API, model 2.0), so that reviewers
 * can put a tddui-bench result beside an ANS EVS one: `overallResult`, one sub-report per input with its
 * `assertionReports` (assertion id = rule id, severity, priority, subject location) and counters,
 * `additionalMetadata` with the pinned versions. Like EVS we list failed assertions only: the counters
 * count those. `uuid` and `dateTime` are the run's (volatile) fields; everything else is deterministic.
 */
import { ruleDefinition } from '../rules/catalogue.js';
import type { Severity } from '../validation/finding.js';
import type { CheckReport, FileReport } from './report-model.js';

type GazelleSeverity = 'ERROR' | 'WARNING' | 'INFO';
type Priority = 'MANDATORY' | 'RECOMMENDED' | 'PERMITTED';
type Result = 'PASSED' | 'FAILED';

const SEVERITY: Record<Severity, GazelleSeverity> = { fatal: 'ERROR', error: 'ERROR', warning: 'WARNING', information: 'INFO' };
const PRIORITY: Record<Severity, Priority> = { fatal: 'MANDATORY', error: 'MANDATORY', warning: 'RECOMMENDED', information: 'PERMITTED' };

const DISCLAIMER = {
  fr: 'Rapport produit par tddui-bench, banc de conformité ouvert à la spécification TDDUI (ANS/CNSA). Il ne vaut pas référencement Ségur.',
  en: 'Report produced by tddui-bench, an open conformance bench for the TDDUI specification (ANS/CNSA). It is not a Ségur referencing decision.',
};

interface Counters {
  numberOfAssertions: number;
  numberOfFailedWithInfos: number;
  numberOfFailedWithWarnings: number;
  numberOfFailedWithErrors: number;
  numberOfUnexpectedErrors: number;
}

function counters(issues: readonly { severity: Severity }[]): Counters {
  const c: Counters = { numberOfAssertions: issues.length, numberOfFailedWithInfos: 0, numberOfFailedWithWarnings: 0, numberOfFailedWithErrors: 0, numberOfUnexpectedErrors: 0 };
  for (const i of issues) {
    const s = SEVERITY[i.severity];
    if (s === 'ERROR') c.numberOfFailedWithErrors++;
    else if (s === 'WARNING') c.numberOfFailedWithWarnings++;
    else c.numberOfFailedWithInfos++;
  }
  return c;
}

const resultOf = (verdict: 'pass' | 'fail'): Result => (verdict === 'pass' ? 'PASSED' : 'FAILED');

function subReport(r: FileReport, inputId: string) {
  return {
    name: r.input.file,
    standards: r.input.format === 'cda' ? ['HL7 CDA R2', 'TDDUI CDA'] : ['HL7 FHIR R4', 'TDDUI'],
    subReportResult: resultOf(r.verdict),
    assertionReports: r.issues.map((i) => ({
      assertionID: i.ruleId,
      assertionType: safeCategory(i.ruleId),
      description: i.message,
      subjectLocation: { type: 'FHIRPath', value: i.path, inputId, ...(i.line !== undefined ? { line: i.line, column: i.column } : {}) },
      severity: SEVERITY[i.severity],
      priority: PRIORITY[i.severity],
      result: 'FAILED' as Result,
      ...(i.specUrl ? { requirementIDs: [i.specUrl] } : {}),
    })),
    subCounters: counters(r.issues),
  };
}

/** Rule category (e.g. « cardinalité », « identifiants ») as the assertion type; rules outside the catalogue have none. */
function safeCategory(ruleId: string): string {
  try {
    return ruleDefinition(ruleId).category;
  } catch {
    return 'tddui-bench';
  }
}

export function formatGazelle(report: CheckReport): string {
  const inputs = report.results.map((r, n) => ({ itemId: `input-${n + 1}`, location: r.input.file, sha256: r.input.sha256, bytes: r.input.bytes }));
  const gazelle = {
    modelVersion: '2.0',
    uuid: report.run?.id,
    dateTime: report.run?.finishedAt,
    disclaimer: DISCLAIMER[report.lang],
    validationMethod: {
      validationServiceName: report.tool.name,
      validationServiceVersion: report.tool.version,
      validationProfileID: 'tddui-bundle',
      validationProfileVersion: report.pins['ans.fhir.fr.tddui'] ?? '',
    },
    overallResult: resultOf(report.verdict),
    additionalMetadata: [
      ...Object.entries(report.pins).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => ({ name, value })),
      { name: 'lang', value: report.lang },
    ],
    reports: report.results.map((r, n) => subReport(r, inputs[n].itemId)),
    validationItems: inputs,
    counters: counters(report.results.flatMap((r) => r.issues)),
  };
  return `${JSON.stringify(gazelle, null, 2)}\n`;
}
