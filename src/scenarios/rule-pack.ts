/**
 * The evaluator of the scenario rule packs: each declarative check of a scenario file becomes a CheckRule
 * run by the Checker after the TDDUI rules (same findings model, ids prefixed by the scenario). Resources
 * are recognised by their claimed profile (meta.profile) or, without one, by conformance to the profile;
 * the usager of a resource is found by following its references (subject, patient, for, actor, encounter,
 * schedule, basedOn, partOf) up to a Patient.
 */
import type { CheckRule, InputResource, RuleContext } from '../rules/rule.js';
import type { FindingParams, RuleDefinition } from '../validation/finding.js';
import { isObject, type Json, type JsonObject } from '../validation/json-values.js';
import { inputResources } from '../rules/rule.js';
import { profileUrl } from './builders/common.js';
import type { ScenarioCheck, ScenarioRule, Scenario, Where } from './scenario-model.js';
import { loadScenarios } from './scenario-store.js';

const canonical = (p: string) => (p.includes('/') ? p : profileUrl(p));
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const PATIENT_PROFILES = new Set([profileUrl('tddui-patient'), profileUrl('tddui-patient-ins')]);

/** A value found at a declarative path, with its concrete location and what holds it (for removal in tests). */
export interface Selected {
  value: Json;
  path: string;
  holder: JsonObject | Json[];
  key: string | number;
}

const SEGMENT = /extension\(([^)]*)\)|[A-Za-z0-9_]+/g;

function segments(path: string): { name: string; url?: string }[] {
  return [...path.matchAll(SEGMENT)].map((m) => (m[1] !== undefined ? { name: 'extension', url: m[1] } : { name: m[0] }));
}

/**
 * Values at a declarative path: dotted element names, `extension(<url>)` (an absolute url, or the relative
 * url of a sub-extension), `value` for any value[x]. Arrays are walked.
 */
export function select(root: JsonObject, path: string, basePath: string): Selected[] {
  let current: Selected[] = [{ value: root, path: basePath, holder: [], key: 0 }];
  for (const seg of segments(path)) {
    const next: Selected[] = [];
    for (const c of current) {
      if (!isObject(c.value)) continue;
      const obj = c.value;
      const keys = seg.name === 'value' ? Object.keys(obj).filter((k) => /^value[A-Z]/.test(k)) : [seg.name];
      for (const key of keys) {
        const v = obj[key];
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            if (seg.url !== undefined && !(isObject(item) && item.url === seg.url)) return;
            next.push({ value: item, path: `${c.path}.${key}[${i}]`, holder: v, key: i });
          });
        } else if (seg.url === undefined) {
          next.push({ value: v, path: `${c.path}.${key}`, holder: obj, key });
        }
      }
    }
    current = next;
  }
  return current;
}

/** Per-input index shared by the rules of a pack: profiles, usagers, resolution. */
class PackIndex {
  readonly resources: InputResource[];
  readonly patients: InputResource[];
  /** Where findings about the whole export go. */
  readonly rootPath: string;
  private readonly usagers = new Map<JsonObject, InputResource | null>();
  private readonly byObject = new Map<JsonObject, InputResource>();
  private readonly conformance = new Map<string, boolean>();

  constructor(private readonly ctx: RuleContext) {
    this.resources = inputResources(ctx);
    this.rootPath = ctx.bundle ? 'Bundle' : String(ctx.root.resourceType);
    for (const r of this.resources) this.byObject.set(r.resource, r);
    this.patients = this.resources.filter((r) => r.resource.resourceType === 'Patient');
  }

  /** Does the resource claim or conform to one of the profiles? Patients count as usagers for either patient profile. */
  matches(r: InputResource, profiles: string[]): boolean {
    const type = r.resource.resourceType;
    const claimed = isObject(r.resource.meta) && Array.isArray(r.resource.meta.profile) ? r.resource.meta.profile : [];
    for (const p of profiles) {
      if (claimed.includes(p)) return true;
      if (type === 'Patient' && PATIENT_PROFILES.has(p)) return true;
      const structure = this.ctx.definitions.structure(p);
      if (!structure || structure.def.type !== type) continue;
      const key = `${r.path}|${p}`;
      let ok = this.conformance.get(key);
      if (ok === undefined) {
        ok = this.ctx.conforms(r.resource, p, r.path);
        this.conformance.set(key, ok);
      }
      if (ok) return true;
    }
    return false;
  }

  of(profiles: string[], where?: Where): InputResource[] {
    return this.resources.filter((r) => this.matches(r, profiles) && (!where || select(r.resource, where.path, r.path).some((s) => typeof s.value === 'string' && where.in.includes(s.value))));
  }

  resolve(from: InputResource, ref: Json): InputResource | undefined {
    if (!isObject(ref) || typeof ref.reference !== 'string' || !this.ctx.bundle) return undefined;
    const res = this.ctx.bundle.resolve(ref.reference, from.fullUrl);
    return res.found && res.entry.resource ? this.byObject.get(res.entry.resource) : undefined;
  }

  /** The Patient a resource is about, following its references (depth-limited, cycle-safe). */
  usagerOf(r: InputResource, depth = 0): InputResource | undefined {
    if (r.resource.resourceType === 'Patient') return r;
    const memo = this.usagers.get(r.resource);
    if (memo !== undefined) return memo ?? undefined;
    if (depth > 5) return undefined;
    this.usagers.set(r.resource, null);
    let found: InputResource | undefined;
    const res = r.resource;
    for (const field of ['subject', 'patient', 'for', 'actor', 'encounter', 'schedule', 'basedOn', 'partOf']) {
      for (const ref of list(res[field] ?? [])) {
        const target = this.resolve(r, ref);
        found = target && this.usagerOf(target, depth + 1);
        if (found) break;
      }
      if (found) break;
    }
    this.usagers.set(r.resource, found ?? null);
    return found;
  }
}

const indexes = new WeakMap<object, PackIndex>();
function indexOf(ctx: RuleContext): PackIndex {
  let ix = indexes.get(ctx.root);
  if (!ix) {
    ix = new PackIndex(ctx);
    indexes.set(ctx.root, ix);
  }
  return ix;
}

/** How a report names a usager: INS, else local identifier, else fullUrl. */
function usagerLabel(p: InputResource): string {
  const ids = Array.isArray(p.resource.identifier) ? p.resource.identifier.filter(isObject) : [];
  const ins = ids.find((i) => typeof i.system === 'string' && i.system.startsWith('urn:oid:1.2.250.1.213.1.4.'));
  const local = ids.find((i) => i.system === 'https://identifiant-medicosocial-localusager.esante.gouv.fr');
  return String((ins ?? local)?.value ?? p.fullUrl ?? p.path);
}

/** A FHIR date, date-time or instant as the range of milliseconds it covers. */
export function instantRange(v: Json): [number, number] | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) - 1 : 0;
    const d = m[3] ? Number(m[3]) : 1;
    const lo = Date.UTC(y, mo, d);
    const hi = m[3] ? Date.UTC(y, mo, d + 1) : m[2] ? Date.UTC(y, mo + 1, 1) : Date.UTC(y + 1, 0, 1);
    return [lo, hi - 1];
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : [t, t];
}

const DAY_MS = 86_400_000;

type Evaluator = (ix: PackIndex, report: (path: string, params: FindingParams) => void) => void;

function expectedText(min: number, max: number | undefined): FindingParams {
  if (max === undefined) return { expected: `au moins ${min}`, expected_en: `at least ${min}` };
  if (max === min) return { expected: String(min), expected_en: String(min) };
  return { expected: `${min} à ${max}`, expected_en: `${min} to ${max}` };
}

/** One evaluator per check kind (a table, not a switch spread over the code). */
const EVALUATORS: { [K in ScenarioCheck['kind']]: (c: Extract<ScenarioCheck, { kind: K }>) => Evaluator } = {
  'per-usager': (c) => (ix, report) => {
    const min = c.min ?? 1;
    const counts = new Map<JsonObject, number>();
    for (const r of ix.of(list(c.profile).map(canonical), c.where)) {
      const u = ix.usagerOf(r);
      if (u) counts.set(u.resource, (counts.get(u.resource) ?? 0) + 1);
    }
    for (const p of ix.patients) {
      const count = counts.get(p.resource) ?? 0;
      if (count < min || (c.max !== undefined && count > c.max)) report(p.path, { usager: usagerLabel(p), count, ...expectedText(min, c.max) });
    }
  },
  reference: (c) => (ix, report) => {
    const targets = list(c.target).map(canonical);
    for (const r of ix.of(list(c.profile).map(canonical))) {
      const refs = select(r.resource, c.path, r.path).filter((s) => isObject(s.value));
      if (refs.some((s) => {
        const t = ix.resolve(r, s.value);
        return t !== undefined && ix.matches(t, targets);
      })) continue;
      const first = refs.find((s) => isObject(s.value) && typeof s.value.reference === 'string');
      if (first) report(`${first.path}.reference`, { reference: String((first.value as JsonObject).reference) });
      else report(r.path, { reference: `${c.path} absent`, reference_en: `${c.path} missing` });
    }
  },
  within: (c) => (ix, report) => {
    for (const r of ix.of(list(c.profile).map(canonical))) {
      const period = select(r.resource, c.period, r.path).find((s) => isObject(s.value));
      const container = select(r.resource, c.container, r.path).map((s) => ix.resolve(r, s.value)).find((x) => x);
      const outer = container && select(container.resource, c.containerPeriod, container.path).find((s) => isObject(s.value));
      if (!period || !outer) continue;
      const p = period.value as JsonObject;
      const o = outer.value as JsonObject;
      const start = instantRange(p.start ?? null);
      const end = instantRange(p.end ?? p.start ?? null);
      const oStart = instantRange(o.start ?? null);
      const oEnd = instantRange(o.end ?? null);
      const before = start && oStart && start[0] < oStart[0];
      const after = end && oEnd && end[1] > oEnd[1];
      if (before || after) {
        report(period.path, { start: String(p.start ?? '…'), end: String(p.end ?? '…'), containerStart: String(o.start ?? '…'), containerEnd: String(o.end ?? '…') });
      }
    }
  },
  span: (c) => (ix, report) => {
    const bounds = new Map<JsonObject, [number, number]>();
    for (const r of ix.of(list(c.profile).map(canonical))) {
      const u = ix.usagerOf(r);
      if (!u) continue;
      for (const s of select(r.resource, c.date, r.path)) {
        const t = instantRange(s.value);
        if (!t) continue;
        const b = bounds.get(u.resource);
        bounds.set(u.resource, b ? [Math.min(b[0], t[0]), Math.max(b[1], t[0])] : [t[0], t[0]]);
      }
    }
    for (const p of ix.patients) {
      const b = bounds.get(p.resource);
      if (!b) continue;
      const days = Math.floor((b[1] - b[0]) / DAY_MS);
      if (days > c.maxDays) report(p.path, { usager: usagerLabel(p), days, maxDays: c.maxDays });
    }
  },
  present: (c) => (ix, report) => {
    for (const r of ix.of(list(c.profile).map(canonical), c.where)) {
      if (!select(r.resource, c.path, r.path).length) report(r.path, { path: c.path });
    }
  },
  count: (c) => (ix, report) => {
    const count = ix.of(list(c.profile).map(canonical)).length;
    if (count < c.min) report(ix.rootPath, { count, min: c.min });
  },
};

function evaluatorOf(check: ScenarioCheck): Evaluator {
  return (EVALUATORS[check.kind] as (c: ScenarioCheck) => Evaluator)(check);
}

export const scenarioCategory = (s: Scenario) => `scénario ${s.id}`;

/** The catalogue entry of a scenario rule. */
export function ruleDefinitionOf(s: Scenario, r: ScenarioRule): RuleDefinition {
  return { id: r.id, severity: r.severity, message: r.message, specUrl: r.specUrl, category: scenarioCategory(s) };
}

/** The scenario's rules, ready for the Checker (CheckOptions.extraRules). */
export function scenarioCheckRules(s: Scenario): CheckRule[] {
  return s.rules.map((r) => {
    const evaluate = evaluatorOf(r.check);
    return {
      ...ruleDefinitionOf(s, r),
      check(ctx: RuleContext) {
        evaluate(indexOf(ctx), (path, params) => ctx.report(r.id, path, params, r.severity));
      },
    };
  });
}

/** Every rule of every shipped scenario (for the rule catalogue). */
export function scenarioRuleDefinitions(): RuleDefinition[] {
  return loadScenarios().flatMap((s) => s.rules.map((r) => ruleDefinitionOf(s, r)));
}
