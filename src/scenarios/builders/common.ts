/**
 * What every builder shares: the dataset context (randomness, codes, ids, dates, shared structures), the
 * per-usager context, and small constructors for the FHIR pieces TDDUI repeats.
 */
import type { JsonObject } from '../../validation/json-values.js';
import type { CodePicker, Coding } from '../codes.js';
import type { UsagerIdentity } from '../identity/usager-identity.js';
import { businessId, type UuidSequence } from '../identifiers.js';
import type { Random } from '../random.js';
import type { Scenario } from '../scenario-model.js';

export const TDDUI = 'https://interop.esante.gouv.fr/ig/fhir/tddui';
export const TDDUI_EXT = `${TDDUI}/StructureDefinition/`;
export const TDDUI_CS = `${TDDUI}/CodeSystem/`;
export const FR_CORE_EXT = 'https://hl7.fr/ig/fhir/core/StructureDefinition/';
export const FR_CORE_0203 = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
export const HL7_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const CISIS = 'https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cisis';

export const profileUrl = (id: string) => `${TDDUI}/StructureDefinition/${id}`;

/** One entry of the dataset as built (before it is written). */
export interface BuiltEntry {
  fullUrl: string;
  resource: JsonObject;
  /** TDDUI profile id. */
  profile: string;
  /** The business identifier a person recognises the object by. */
  businessId?: string;
}

/** A structure or professional shared by all usagers (written once, before the usagers). */
export interface SharedRef {
  fullUrl: string;
  name: string;
}

export interface DatasetContext {
  scenario: Scenario;
  rng: Random;
  codes: CodePicker;
  uuid: UuidSequence;
  referenceDay: number;
  finess: string;
  essms: SharedRef;
  /** Host structure named by CDAPH decisions (droits-mdph). */
  hostStructure?: SharedRef;
  staff: { practitioner: SharedRef; role: SharedRef }[];
}

export interface UsagerContext {
  index: number;
  identity: UsagerIdentity;
  /** Local usager id (digits), the part after the "/" of every business identifier of the usager. */
  localId: string;
  hasIns: boolean;
  patient: string;
  /** Last day anything may happen to the usager (the day before the reference date, or before death). */
  lastDay: number;
  deathDay?: number;
  /** Days of the usager's history window (first day included). */
  historyStart: number;
  entries: BuiltEntry[];
  /** Objects built so far, for the running object ids of business identifiers. */
  objectCount: number;
  sejour?: { fullUrl: string; startDay: number; endDay?: number };
  events: { fullUrl: string; start: string; end: string; day: number; practitioner: string }[];
  carePlan?: string;
  /** The usager's contact (RelatedPerson), once built. */
  contact?: string;
}

export function add(u: UsagerContext, ctx: DatasetContext, profile: string, resource: JsonObject, id?: string): string {
  const fullUrl = ctx.uuid.next();
  u.entries.push(id ? { fullUrl, resource, profile, businessId: id } : { fullUrl, resource, profile });
  return fullUrl;
}

/** The next business identifier of the usager for an object code (EVN, SEJOUR, …). */
export function nextBusinessId(u: UsagerContext, ctx: DatasetContext, code: string): string {
  u.objectCount++;
  return businessId(ctx.finess, u.localId, code, String(1000 + u.objectCount));
}

export const ref = (fullUrl: string): JsonObject => ({ reference: fullUrl });
export const cc = (...codings: Coding[]): JsonObject => ({ coding: codings.map((c) => ({ ...c })) });
export const meta = (profile: string): JsonObject => ({ profile: [profileUrl(profile)] });
export const ext = (url: string, value: JsonObject): JsonObject => ({ url: url.includes('/') ? url : TDDUI_EXT + url, ...value });
export const discriminator = (code: string): JsonObject =>
  ext('tddui-discriminator', { valueCodeableConcept: cc({ system: `${TDDUI_CS}tddui-discriminator`, code }) });
export const typed = (system: string, code: string): JsonObject => ({ coding: [{ system: `${TDDUI_CS}${system}`, code }] });
export const input = (cs: string, code: string, value: JsonObject): JsonObject => ({ type: typed(cs, code), ...value });
