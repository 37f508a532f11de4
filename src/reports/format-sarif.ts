/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): rules with ids and help links,
 * results with file/line/column and the FHIRPath location as a logical location.
 */
import { ruleDefinition } from '../rules/catalogue.js';
import type { Severity } from '../validation/finding.js';
import type { CheckReport } from './report-model.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { fatal: 'error', error: 'error', warning: 'warning', information: 'note' };

export function formatSarif(report: CheckReport): string {
  const ruleIds = [...new Set(report.results.flatMap((r) => r.issues.map((i) => i.ruleId)))].sort();
  const index = new Map(ruleIds.map((id, n) => [id, n] as const));
  const lang = report.lang;
  const rules = ruleIds.map((id) => {
    const def = ruleDefinition(id);
    const sample = report.results.flatMap((r) => r.issues).find((i) => i.ruleId === id)!;
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]/g, ''),
      shortDescription: { text: def.id === 'FHIR-INV' ? `Invariant ${id.slice('FHIR-INV-'.length)}` : def.message[lang].replace(/\{[^}]+\}/g, '…') },
      helpUri: sample.specUrl,
      properties: { category: def.category },
      defaultConfiguration: { level: LEVEL[def.severity] },
    };
  });
  const results = report.results.flatMap((r) =>
    r.issues.map((i) => ({
      ruleId: i.ruleId,
      ruleIndex: index.get(i.ruleId)!,
      level: LEVEL[i.severity],
      message: { text: i.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: r.input.file },
          ...(i.line !== undefined ? { region: { startLine: i.line, startColumn: i.column } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: i.path, kind: 'element' }],
      }],
      ...(i.profile ? { properties: { profile: i.profile } } : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: 'https://interop.esante.gouv.fr/ig/fhir/tddui/', rules } },
      artifacts: report.results.map((r) => ({ location: { uri: r.input.file }, length: r.input.bytes, hashes: { 'sha-256': r.input.sha256 } })),
      results,
      columnKind: 'utf16CodeUnits',
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
