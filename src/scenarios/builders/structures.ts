/** The ESSMS, the host structure of CDAPH decisions, and the professionals with their roles. */
import type { JsonObject } from '../../validation/json-values.js';
import { makeFiness, makeRpps } from '../identifiers.js';
import { VS, type Coding } from '../codes.js';
import { cc, ext, FR_CORE_0203, meta, ref, type BuiltEntry, type DatasetContext, type SharedRef } from './common.js';

const ESSMS_KIND: Record<string, string> = {
  'personne-agee': 'Service de soins infirmiers à domicile',
  'adulte-handicap': 'Maison d’accueil spécialisée',
  'enfant-handicap': 'Institut médico-éducatif',
};

export function organization(ctx: DatasetContext, finess: string, name: string): BuiltEntry {
  const fullUrl = ctx.uuid.next();
  const resource: JsonObject = {
    resourceType: 'Organization',
    meta: meta('tddui-organization'),
    identifier: [
      { use: 'official', type: cc({ system: FR_CORE_0203, code: 'IDNST' }), system: 'urn:oid:1.2.250.1.71.4.2.2', value: `1${finess}` },
    ],
    name,
  };
  return { fullUrl, resource, profile: 'tddui-organization', businessId: `1${finess}` };
}

export function essmsName(ctx: DatasetContext): string {
  return `${ESSMS_KIND[ctx.scenario.generation.population]} ${ctx.rng.faker.location.city()}`;
}

/** A host structure with its own fictitious FINESS. */
export function hostStructure(ctx: DatasetContext): { entry: BuiltEntry; ref: SharedRef } {
  const name = `Foyer d’accueil médicalisé ${ctx.rng.faker.location.city()}`;
  const entry = organization(ctx, makeFiness(ctx.rng), name);
  return { entry, ref: { fullUrl: entry.fullUrl, name } };
}

const NURSE_QUALIFICATION: Coding = { system: 'https://mos.esante.gouv.fr/NOS/TRE_R48-DiplomeEtatFrancais/FHIR/TRE-R48-DiplomeEtatFrancais', code: 'DE09', display: 'DE Infirmier' };
const NURSE_PROFESSION: Coding = { system: 'https://mos.esante.gouv.fr/NOS/TRE_A02-ProfessionSavFaire-CISIS/FHIR/TRE-A02-ProfessionSavFaire-CISIS', code: 'G15_60', display: 'Infirmier' };

export function practitioner(ctx: DatasetContext): BuiltEntry {
  const female = ctx.rng.chance(0.7);
  const rpps = makeRpps(ctx.rng);
  const family = ctx.rng.faker.person.lastName();
  const given = ctx.rng.faker.person.firstName(female ? 'female' : 'male');
  const resource = {
    resourceType: 'Practitioner',
    meta: meta('tddui-practitioner'),
    identifier: [
      { type: cc({ system: FR_CORE_0203, code: 'IDNPS' }), system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${rpps}` },
    ],
    name: [{ family, given: [given], prefix: [female ? 'MME' : 'M'] }],
    qualification: [{ code: cc(NURSE_QUALIFICATION) }],
  };
  return { fullUrl: ctx.uuid.next(), resource, profile: 'tddui-practitioner', businessId: `8${rpps}` };
}

export function practitionerRole(ctx: DatasetContext, practitionerUrl: string): BuiltEntry {
  const resource = {
    resourceType: 'PractitionerRole',
    meta: meta('tddui-practitioner-role'),
    extension: [ext('tddui-exercise-mode', { valueCodeableConcept: cc(ctx.codes.pick(VS.exerciseMode)) })],
    practitioner: ref(practitionerUrl),
    organization: ref(ctx.essms.fullUrl),
    code: [{ extension: [ext('tddui-profession', { valueCodeableConcept: cc(NURSE_PROFESSION) })], coding: [ctx.codes.pick(VS.roleCode, [ROLE_FALLBACK])] }],
  };
  return { fullUrl: ctx.uuid.next(), resource, profile: 'tddui-practitioner-role' };
}

const ROLE_FALLBACK: Coding = { system: 'https://mos.esante.gouv.fr/NOS/TRE_R85-RolePriseCharge/FHIR/TRE-R85-RolePriseCharge', code: '330', display: 'Coordonnateur de parcours' };
