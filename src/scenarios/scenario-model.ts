/**
 * The shape of a scenario file (`scenarios/<id>.json`): one TDDUI use case, the data the generator makes
 * for it, and its rule pack (rules as data: a declarative check per rule, evaluated by rule-pack.ts).
 */
import type { Severity } from '../validation/finding.js';

/** Blocks of a usager's record the generator can build (each maps to builders, see dataset.ts). */
export const BLOCKS = [
  'identite', 'sejour', 'evenements', 'evaluations', 'transports', 'projet-personnalise', 'administratif',
  'fin-accompagnement', 'droits-mdph', 'projet-de-vie', 'presence-absence',
] as const;
export type Block = (typeof BLOCKS)[number];

/** Who the usagers are: drives ages, assessments (AGGIR PA/PH, SERAFIN) and the kind of ESSMS. */
export const POPULATIONS = ['personne-agee', 'adulte-handicap', 'enfant-handicap'] as const;
export type Population = (typeof POPULATIONS)[number];

export interface GenerationParameters {
  population: Population;
  /** Usagers when --usagers is not given. */
  defaultUsagers: number;
  blocks: Block[];
  /** Share of usagers with an INS (INS-NIR-TEST); the others are tddui-patient with a local id only. */
  insShare: number;
  /** History window per usager, in weeks (events, presence slots). */
  historyWeeks: [number, number];
  /** Share of usagers whose support ended with their death (block fin-accompagnement); 1 when absent. */
  deceasedShare?: number;
}

/** A profile given by its TDDUI id (`tddui-encounter-sejour`) or a full canonical URL. */
export type ProfileRef = string;

/** A filter on the resources a check counts: the value at `path` is one of `in`. */
export interface Where {
  path: string;
  in: string[];
}

/**
 * Declarative checks. Paths are dotted element names from the resource (`period.end`, `supportingInfo`),
 * `extension(<url or short TDDUI id>)` selects extensions by url, `value` stands for any value[x].
 */
export type ScenarioCheck =
  /** Each usager (Patient entry) owns between min and max resources of the profile. */
  | { kind: 'per-usager'; profile: ProfileRef | ProfileRef[]; min?: number; max?: number; where?: Where }
  /** Each resource of the profile has, at `path`, a reference resolving to an entry of the target profile(s). */
  | { kind: 'reference'; profile: ProfileRef | ProfileRef[]; path: string; target: ProfileRef | ProfileRef[] }
  /** The period at `period` of each resource lies inside the period of the resource referenced at `container`. */
  | { kind: 'within'; profile: ProfileRef | ProfileRef[]; period: string; container: string; containerPeriod: string }
  /** Per usager, the dates at `date` of the profile's resources span at most maxDays. */
  | { kind: 'span'; profile: ProfileRef | ProfileRef[]; date: string; maxDays: number }
  /** Each resource of the profile has a value at `path`. */
  | { kind: 'present'; profile: ProfileRef | ProfileRef[]; path: string; where?: Where }
  /** The export holds at least min resources of the profile. */
  | { kind: 'count'; profile: ProfileRef | ProfileRef[]; min: number };

export interface ScenarioRule {
  /** Stable id, prefixed by the scenario (`SSIAD-001`). */
  id: string;
  severity: Severity;
  /** Short title of the requirement (checklist line). */
  title: { fr: string; en: string };
  message: { fr: string; en: string };
  specUrl: string;
  check: ScenarioCheck;
}

export interface Scenario {
  id: string;
  /** Version of the scenario and its rule pack; bump when a rule changes meaning. */
  version: string;
  /** The use case of the guide (digest §11). */
  useCase: string;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  /** TDDUI profiles the dataset uses (ids). */
  profiles: string[];
  generation: GenerationParameters;
  /** Prefix of the rule ids (`SSIAD`). */
  rulePrefix: string;
  rules: ScenarioRule[];
}
