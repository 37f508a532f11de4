/**
 * The use-case checklist of a scenario check: one line per rule of the pack, pass or fail with its finding
 * count. An unreadable input (fatal finding: the rules could not run) fails every requirement.
 */
import type { ScenarioChecklist } from '../reports/report-model.js';
import type { Lang } from '../reports/messages.js';
import type { Finding } from '../validation/finding.js';
import type { Scenario } from './scenario-model.js';

export function scenarioChecklist(scenario: Scenario, findings: readonly Finding[], lang: Lang): ScenarioChecklist {
  const unreadable = findings.some((f) => f.severity === 'fatal');
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return {
    id: scenario.id,
    title: scenario.title[lang],
    version: scenario.version,
    requirements: scenario.rules.map((r) => {
      const n = counts.get(r.id) ?? 0;
      return { ruleId: r.id, title: r.title[lang], status: n || unreadable ? 'fail' : 'pass', findings: n };
    }),
  };
}
