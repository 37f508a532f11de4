/**
 * Reads the scenario files shipped in `scenarios/` (one JSON per use case), checks their shape once, and
 * serves them by id. Read synchronously at first use: the rule catalogue needs the scenario rules at import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEVERITIES } from '../validation/finding.js';
import { BLOCKS, POPULATIONS, type Scenario, type ScenarioCheck } from './scenario-model.js';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const CHECK_KINDS: Record<ScenarioCheck['kind'], string[]> = {
  'per-usager': ['profile'],
  reference: ['profile', 'path', 'target'],
  within: ['profile', 'period', 'container', 'containerPeriod'],
  span: ['profile', 'date', 'maxDays'],
  present: ['profile', 'path'],
  count: ['profile', 'min'],
};

/** Throws a French error naming the file and the first problem; scenarios are product data, not user input. */
export function validateScenario(value: unknown, file: string): Scenario {
  const fail = (what: string): never => {
    throw new Error(`scénario ${file} invalide : ${what}`);
  };
  const s = value as Scenario;
  if (typeof s !== 'object' || s === null) fail('pas un objet JSON');
  for (const k of ['id', 'version', 'useCase', 'rulePrefix'] as const) if (typeof s[k] !== 'string' || !s[k]) fail(`« ${k} » manquant`);
  for (const k of ['title', 'description'] as const) if (!s[k]?.fr || !s[k]?.en) fail(`« ${k} » doit avoir fr et en`);
  if (!Array.isArray(s.profiles) || !s.profiles.length) fail('« profiles » vide');
  const g = s.generation;
  if (!g || !POPULATIONS.includes(g.population)) fail('« generation.population » inconnue');
  if (!Array.isArray(g.blocks) || !g.blocks.includes('identite') || g.blocks.some((b) => !BLOCKS.includes(b))) fail('« generation.blocks » invalide (identite obligatoire)');
  if (!(g.insShare >= 0 && g.insShare <= 1)) fail('« generation.insShare » hors de [0, 1]');
  if (!Array.isArray(g.historyWeeks) || g.historyWeeks.length !== 2 || g.historyWeeks[0] < 1 || g.historyWeeks[0] > g.historyWeeks[1]) fail('« generation.historyWeeks » invalide');
  if (!Number.isInteger(g.defaultUsagers) || g.defaultUsagers < 1) fail('« generation.defaultUsagers » invalide');
  if (!Array.isArray(s.rules) || !s.rules.length) fail('« rules » vide');
  for (const r of s.rules) {
    if (!r.id?.startsWith(`${s.rulePrefix}-`)) fail(`règle ${r.id} : l’identifiant doit commencer par ${s.rulePrefix}-`);
    if (!SEVERITIES.includes(r.severity)) fail(`règle ${r.id} : sévérité inconnue`);
    if (!r.title?.fr || !r.title?.en || !r.message?.fr || !r.message?.en || !r.specUrl) fail(`règle ${r.id} : titre, messages fr/en et lien obligatoires`);
    const needed = CHECK_KINDS[r.check?.kind];
    if (!needed) fail(`règle ${r.id} : type de vérification inconnu`);
    for (const k of needed) if ((r.check as unknown as Record<string, unknown>)[k] === undefined) fail(`règle ${r.id} : « check.${k} » manquant`);
  }
  return s;
}

let cache: Scenario[] | undefined;

/** Every shipped scenario, sorted by id. */
export function loadScenarios(dir = SCENARIOS_DIR): Scenario[] {
  if (dir === SCENARIOS_DIR && cache) return cache;
  const list = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => validateScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
  list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (dir === SCENARIOS_DIR) cache = list;
  return list;
}

export function isScenarioId(id: string): boolean {
  return loadScenarios().some((x) => x.id === id);
}

export function scenarioById(id: string): Scenario {
  const s = loadScenarios().find((x) => x.id === id);
  if (!s) throw new Error(`scénario inconnu : ${id} (disponibles : ${loadScenarios().map((x) => x.id).join(', ')})`);
  return s;
}
