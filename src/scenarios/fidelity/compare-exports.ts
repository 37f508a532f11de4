/**
 * Round-trip fidelity (issue 3 §4): does a vendor's re-export keep everything of the dataset the bench
 * gave it? Both are TDDUI transaction Bundles; ids, fullUrls and entry order may differ freely.
 *
 *  1. read both sides (bytes or parsed Bundles) and index their objects and identity keys;
 *  2. pair the objects (match-objects.ts);
 *  3. compare each pair field by field (compare-objects.ts), report lost and extra objects;
 *  4. score: the share of the dataset's fields (primitive values, a reference counting as one) found
 *     unchanged in the export, per resource type and overall; a lost object loses all its fields.
 *
 * The dataset can be prepared once and compared with several exports (prepareDataset + compareWithDataset).
 */
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import type { FidelityReport } from '../../reports/report-model.js';
import type { Finding } from '../../validation/finding.js';
import { finish } from '../../validation/validate.js';
import { BundleSide } from './bundle-objects.js';
import { FidelityInputError, readBundle, type BundleSource } from './bundle-source.js';
import { countFields, labelParams, ObjectComparer, report } from './compare-objects.js';
import { matchObjects } from './match-objects.js';

export { FidelityInputError, type BundleSource } from './bundle-source.js';

/** Root of the paths of findings about dataset objects the export lost (FHIRPath environment variable style). */
export const EXPECTED_ROOT = '%expected';

export type FidelityTypeScore = FidelityReport['byType'][number];

export interface FidelityComparison {
  findings: Finding[];
  score: number;
  byType: FidelityTypeScore[];
}

export interface FidelityOptions {
  /** Needed to read FHIR XML. */
  definitions?: DefinitionContext;
}

export class FidelityDataset {
  readonly side: BundleSide;

  constructor(bundle: BundleSource, options: FidelityOptions = {}) {
    this.side = new BundleSide(readBundle(bundle, 'dataset', options.definitions), EXPECTED_ROOT);
  }
}

export function compareExports(expected: BundleSource, actual: BundleSource, options: FidelityOptions = {}): FidelityComparison {
  return compareWithDataset(new FidelityDataset(expected, options), actual, options);
}

/**
 * Compares an export with a prepared dataset. An export that is not a readable Bundle gives one
 * FIDELITY-013 finding and a score of 0 (every dataset object counted as lost), not an exception;
 * `undefined` stands for an export the caller could not parse.
 */
export function compareWithDataset(dataset: FidelityDataset, actual: BundleSource | undefined, options: FidelityOptions = {}): FidelityComparison {
  const exp = dataset.side;
  const tallies = new Map<string, FidelityTypeScore>();
  const tally = (type: string) => {
    let t = tallies.get(type);
    if (!t) tallies.set(type, (t = { resourceType: type, expected: 0, matched: 0, lost: 0, altered: 0, score: 0, extra: 0, expectedFields: 0, keptFields: 0 }));
    return t;
  };
  const out: Finding[] = [];

  let act: BundleSide | undefined;
  try {
    if (actual === undefined) throw new FidelityInputError('export illisible', 'unreadable export');
    act = new BundleSide(readBundle(actual, 'export', options.definitions), 'Bundle');
  } catch (e) {
    if (!(e instanceof FidelityInputError)) throw e;
    const root = actual !== undefined && typeof actual === 'object' && !(actual instanceof Uint8Array) && typeof actual.resourceType === 'string' ? actual.resourceType : '(document)';
    report(out, 'FIDELITY-013', root, { reason: e.message, reason_en: e.en });
  }

  if (!act) {
    for (const e of exp.objects) {
      const t = tally(e.type);
      t.expected++;
      t.lost++;
      t.expectedFields += countFields(e.resource, true);
    }
    return result(out, tallies);
  }

  const m = matchObjects(exp, act);
  const comparer = new ObjectComparer(exp, act, m, out);
  for (const e of exp.objects) {
    const t = tally(e.type);
    t.expected++;
    const a = m.expToAct[e.index];
    if (a < 0) {
      t.lost++;
      t.expectedFields += countFields(e.resource, true);
      report(out, e.type === 'Patient' ? 'FIDELITY-001' : 'FIDELITY-002', e.path, { ...labelParams(e), expected: e.keyValue || '—' });
      continue;
    }
    t.matched++;
    const c = comparer.compare(e, act.objects[a]);
    t.expectedFields += c.fields;
    t.keptFields += c.kept;
    if (c.findings) t.altered++;
  }

  // Export objects outside the dataset: duplicates of a matched object, or plain extras.
  const matchedByKey = new Map<string, number>();
  for (const a of act.objects) if (m.actToExp[a.index] >= 0) for (const k of a.keys) if (!matchedByKey.has(k)) matchedByKey.set(k, a.entry);
  for (const a of act.objects) {
    if (m.actToExp[a.index] >= 0) continue;
    tally(a.type).extra++;
    const dupKey = a.keys.find((k) => matchedByKey.has(k));
    if (dupKey !== undefined) report(out, 'FIDELITY-012', a.path, { ...labelParams(a), expected: a.keyValue, duplicateOf: matchedByKey.get(dupKey)! });
    else report(out, 'FIDELITY-011', a.path, labelParams(a));
  }
  return result(out, tallies);
}

function result(out: Finding[], tallies: Map<string, FidelityTypeScore>): FidelityComparison {
  const byType = [...tallies.values()].sort((a, b) => (a.resourceType < b.resourceType ? -1 : a.resourceType > b.resourceType ? 1 : 0));
  let fields = 0;
  let kept = 0;
  for (const t of byType) {
    t.score = percent(t.keptFields, t.expectedFields);
    fields += t.expectedFields;
    kept += t.keptFields;
  }
  return { findings: finish(out), score: percent(kept, fields), byType };
}

/** Percentage rounded down to 2 decimals, so that 100 means nothing lost at all. */
function percent(kept: number, total: number): number {
  if (total === 0) return 100;
  return Math.floor((kept * 10000) / total) / 100;
}

/** The report block of a comparison (`FileReport.fidelity`). */
export function fidelityReport(dataset: FidelityReport['dataset'], c: FidelityComparison): FidelityReport {
  return { dataset, score: c.score, byType: c.byType };
}
