/**
 * The scenario generator as the server sees it. The scenarios stage implements it (src/scenarios/index.ts:
 * listScenarios(), writeDataset(...)); startServer takes it as an option so the server does not depend on it.
 */
import type { Writable } from 'node:stream';

export interface ScenarioSummary {
  id: string;
  title: string;
  version?: string;
  [key: string]: unknown;
}

export interface DatasetRequest {
  seed: number;
  usagers: number;
  format: 'json' | 'xml';
}

export interface ScenarioProvider {
  list(): ScenarioSummary[] | Promise<ScenarioSummary[]>;
  /** Writes the dataset to `out`; rejects (or throws) with a French message for an unknown scenario. */
  writeDataset(id: string, request: DatasetRequest, out: Writable): void | Promise<void>;
}
