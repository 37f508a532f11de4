/**
 * Known defects injected into a generated dataset (`--defects n`), each with the finding the engine must
 * produce (rule id + path), written in the manifest. A catalogue as a table: each kind says where it applies
 * in a usager's block and how to break it. Defect i is of kind i mod |catalogue| and aims at the usager
 * i·N/n; when that usager's block offers no target (e.g. no INS for a wrong NIR key), it moves to the next
 * usagers. At most one defect per usager, so that expected findings do not mask each other. No randomness:
 * the dataset is the same as without defects, except for the defects.
 */
import { isObject, type Json, type JsonObject } from '../validation/json-values.js';
import type { BuiltEntry, UsagerContext } from './builders/common.js';
import type { DatasetParameters, UsagerSummary } from './dataset.js';
import type { Scenario } from './scenario-model.js';

export interface InjectedDefect {
  kind: DefectKind;
  /** Index of the usager whose block was altered. */
  usager: number;
  description: { fr: string; en: string };
  /** The finding the engine must report for this defect. */
  expected: { ruleId: string; path: string };
}

/** What a defect needs: the usager's block with the global index of its first entry. */
interface Block {
  entries: BuiltEntry[];
  context: UsagerContext;
}

/** Applies the defect to the block and returns the expected finding's rule and path suffix, or undefined if the block offers no target. */
type Inject = (block: Block, n: number) => { entry: number; suffix: string } | undefined;

interface DefectDefinition {
  kind: string;
  ruleId: string;
  description: { fr: string; en: string };
  inject: Inject;
}

const REFERENCE_FIELDS = ['subject', 'patient', 'for', 'encounter', 'schedule', 'partOf'] as const;

/** A reference no entry carries (deterministic, distinct per defect). */
const danglingReference = (n: number) => `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Path (suffix after `.resource`) of the first `reference` equal to `target` inside the value. */
function findReference(value: Json, target: string, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findReference(value[i], target, `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if (value.reference === target) return `${path}.reference`;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' || typeof v !== 'object' || v === null) continue;
    const p = findReference(v, target, `${path}.${k}`);
    if (p) return p;
  }
  return undefined;
}

const patientOf = (b: Block) => b.entries[0].resource;
const insIndex = (p: JsonObject) => (Array.isArray(p.identifier) ? p.identifier.findIndex((i) => isObject(i) && i.system === 'urn:oid:1.2.250.1.213.1.4.10') : -1);

const aboutPatient = (r: JsonObject, patient: string) =>
  [r.subject, r.patient, r.for, ...(Array.isArray(r.actor) ? r.actor : [])].some((x) => isObject(x) && x.reference === patient);

/** Date elements the coherence rules read, as [path suffix, holder, key]. */
function dateSlots(r: JsonObject): [string, JsonObject, string][] {
  const out: [string, JsonObject, string][] = [];
  for (const k of ['period', 'executionPeriod', 'occurrencePeriod', 'effectivePeriod'] as const) {
    const p = r[k];
    if (isObject(p) && typeof p.start === 'string') out.push([`${k}.start`, p, 'start']);
  }
  for (const k of ['effectiveDateTime', 'authored', 'dateTime', 'startDate', 'start'] as const) if (typeof r[k] === 'string') out.push([k, r, k]);
  return out;
}

export const DEFECT_CATALOGUE: readonly DefectDefinition[] = [
  {
    kind: 'missing-mandatory', ruleId: 'FHIR-CARD-MIN',
    description: { fr: 'Élément obligatoire absent : date de naissance de l’usager supprimée', en: 'Mandatory element missing: the usager’s birth date removed' },
    inject(b) {
      const p = patientOf(b);
      delete p.birthDate;
      delete p._birthDate;
      return { entry: 0, suffix: '.birthDate' };
    },
  },
  {
    kind: 'wrong-code', ruleId: 'FHIR-BIND-REQUIRED',
    description: { fr: 'Code hors du jeu de valeurs obligatoire : sexe « other » (traits INS : male | female | unknown)', en: 'Code outside the required value set: gender "other" (INS traits: male | female | unknown)' },
    inject(b) {
      patientOf(b).gender = 'other';
      return { entry: 0, suffix: '.gender' };
    },
  },
  {
    kind: 'broken-reference', ruleId: 'TDDUI-BDL-007',
    description: { fr: 'Référence cassée : un objet de l’usager pointe vers une entrée absente du Bundle', en: 'Broken reference: an object of the usager points to an entry missing from the Bundle' },
    inject(b, n) {
      for (let i = 1; i < b.entries.length; i++) {
        const r = b.entries[i].resource;
        const field = REFERENCE_FIELDS.find((f) => isObject(r[f]) && typeof (r[f] as JsonObject).reference === 'string');
        if (!field) continue;
        (r[field] as JsonObject).reference = danglingReference(n);
        return { entry: i, suffix: `.${field}.reference` };
      }
      return undefined;
    },
  },
  {
    kind: 'wrong-nir-key', ruleId: 'TDDUI-INS-002',
    description: { fr: 'Clé du NIR fausse dans l’INS de l’usager', en: 'Wrong NIR key in the usager’s INS' },
    inject(b) {
      const p = patientOf(b);
      const i = insIndex(p);
      if (i < 0) return undefined;
      const id = (p.identifier as JsonObject[])[i];
      const value = String(id.value);
      id.value = value.slice(0, 13) + String((Number(value.slice(13)) % 97) + 1).padStart(2, '0');
      return { entry: 0, suffix: `.identifier[${i}].value` };
    },
  },
  {
    kind: 'incoherent-dates', ruleId: 'TDDUI-COH-001',
    description: { fr: 'Dates incohérentes : un objet de l’usager daté avant sa naissance', en: 'Incoherent dates: an object of the usager dated before their birth' },
    inject(b) {
      const birth = String(patientOf(b).birthDate);
      for (let i = 1; i < b.entries.length; i++) {
        // Only objects naming the usager directly: the coherence rule finds the person that way.
        if (!aboutPatient(b.entries[i].resource, b.entries[0].fullUrl)) continue;
        const slot = dateSlots(b.entries[i].resource)[0];
        if (!slot) continue;
        const [suffix, holder, key] = slot;
        holder[key] = `${Number(birth.slice(0, 4)) - 1}${birth.slice(4)}`;
        return { entry: i, suffix: `.${suffix}` };
      }
      return undefined;
    },
  },
  {
    kind: 'lost-resource', ruleId: 'TDDUI-BDL-007',
    description: { fr: 'Ressource perdue : une entrée de l’usager référencée par une autre a disparu', en: 'Lost resource: an entry of the usager that another one references is gone' },
    inject(b) {
      // The last object that another entry of the block references (the Patient itself when nothing else is).
      for (let lost = b.entries.length - 1; lost >= 0; lost--) {
        const target = b.entries[lost].fullUrl;
        const referrer = b.entries.findIndex((e, i) => i !== lost && findReference(e.resource, target, ''));
        if (referrer < 0) continue;
        const suffix = findReference(b.entries[referrer].resource, target, '')!;
        b.entries.splice(lost, 1);
        return { entry: referrer > lost ? referrer - 1 : referrer, suffix };
      }
      return undefined;
    },
  },
  {
    kind: 'altered-value', ruleId: 'TDDUI-INS-007',
    description: { fr: 'Valeur altérée : sexe de l’usager inversé, en désaccord avec son NIR', en: 'Altered value: the usager’s sex flipped, disagreeing with their NIR' },
    inject(b) {
      const p = patientOf(b);
      const i = insIndex(p);
      if (i < 0) return undefined;
      p.gender = p.gender === 'male' ? 'female' : 'male';
      return { entry: 0, suffix: `.identifier[${i}].value` };
    },
  },
];

export type DefectKind = (typeof DEFECT_CATALOGUE)[number]['kind'];

export class DefectInjector {
  private readonly pending: { n: number; definition: DefectDefinition; target: number }[] = [];
  private readonly done: InjectedDefect[] = [];

  constructor(readonly scenario: Scenario, readonly params: DatasetParameters, count: number) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`nombre de défauts invalide : ${count}`);
    if (count > params.usagers) throw new Error(`au plus un défaut par usager : ${count} défauts demandés pour ${params.usagers} usager(s)`);
    for (let n = 0; n < count; n++) {
      this.pending.push({ n, definition: DEFECT_CATALOGUE[n % DEFECT_CATALOGUE.length], target: Math.floor((n * params.usagers) / count) });
    }
  }

  /** Injects the first due defect whose kind finds a target in this block; `base` is the global index of its first entry. */
  apply(block: { entries: BuiltEntry[]; summary: UsagerSummary; context: UsagerContext }, base: number): void {
    const index = block.summary.index;
    for (let k = 0; k < this.pending.length; k++) {
      const d = this.pending[k];
      if (d.target > index) break;
      const hit = d.definition.inject(block, d.n + 1);
      if (!hit) continue;
      this.pending.splice(k, 1);
      this.done.push({
        kind: d.definition.kind as DefectKind, usager: index, description: d.definition.description,
        expected: { ruleId: d.definition.ruleId, path: `Bundle.entry[${base + hit.entry}].resource${hit.suffix}` },
      });
      return;
    }
  }

  injected(): InjectedDefect[] {
    return this.done;
  }

  /** Defects no usager could take (e.g. a wrong NIR key when no later usager has an INS). */
  notInjected(): number {
    return this.pending.length;
  }
}
