import type { BuiltEntry, UsagerContext } from './builders/common.js';
import type { DatasetParameters, UsagerSummary } from './dataset.js';
import type { Scenario } from './scenario-model.js';

export interface InjectedDefect {
  kind: string;
  usager: number;
  entry: number;
  expected: { ruleId: string; path: string };
  description: string;
}

export class DefectInjector {
  constructor(readonly scenario: Scenario, readonly params: DatasetParameters, readonly count: number) {}
  apply(_block: { entries: BuiltEntry[]; summary: UsagerSummary; context: UsagerContext }, _base: number, _remaining: number): void {}
  injected(): InjectedDefect[] {
    return [];
  }
}
