/**
 * The usager: tddui-patient-ins when the usager has an INS (carried under the INS-NIR-TEST authority, so that
 * no real person can be matched), tddui-patient otherwise. Traits follow the identity (fr-identifiers.md §8).
 */
import { formatDay } from '../calendar.js';
import { VS } from '../codes.js';
import type { JsonObject } from '../../validation/json-values.js';
import { cc, ext, FR_CORE_0203, FR_CORE_EXT, HL7_0203, meta, type DatasetContext, type UsagerContext } from './common.js';

const INSEE_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM';
export const INS_TEST_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.10';
export const LOCAL_USAGER_SYSTEM = 'https://identifiant-medicosocial-localusager.esante.gouv.fr';

/** France in the INSEE country table (TRE_R20-Pays), the code JDV_J256 binds on Patient.address.country. */
const FRANCE = '99100';

export interface PatientOptions {
  household: boolean;
  nationality: boolean;
}

export function patient(ctx: DatasetContext, u: UsagerContext, options: PatientOptions): JsonObject {
  const id = u.identity;
  const status = u.hasIns ? 'VALI' : 'PROV';
  const reliability: JsonObject[] = [{ url: 'identityStatus', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', code: status } }];
  if (u.hasIns) reliability.push({ url: 'validationMode', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity', code: 'CN' } });
  const extension: JsonObject[] = [
    { extension: reliability, url: `${FR_CORE_EXT}fr-core-identity-reliability` },
    {
      url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
      valueAddress: {
        extension: [{ url: `${FR_CORE_EXT}fr-core-address-insee-code`, valueCoding: { system: INSEE_SYSTEM, code: id.birthPlace.insee } }],
        city: id.birthPlace.name, postalCode: id.birthPlace.postcode, country: 'FRA',
      },
    },
  ];
  if (options.household) {
    extension.push(ext('tddui-household-situation', { extension: [{ url: 'familySituation', valueCodeableConcept: cc(ctx.codes.pick(VS.householdSituation, [], 'https://mos.esante.gouv.fr/NOS/TRE_R317-SituationVieQuotidienne/FHIR/TRE-R317-SituationVieQuotidienne')) }] }));
  }
  if (options.nationality) {
    extension.push({ extension: [{ url: 'code', valueCodeableConcept: cc({ system: 'urn:iso:std:iso:3166', code: 'FR', display: 'France' }) }], url: `${FR_CORE_EXT}fr-core-patient-nationality` });
  }
  if (u.deathDay !== undefined) extension.push({ url: `${FR_CORE_EXT}fr-core-patient-death-place`, valueString: id.residence.name });

  const identifier: JsonObject[] = [];
  if (u.hasIns) identifier.push({ use: 'official', type: cc({ system: FR_CORE_0203, code: 'INS-NIR-TEST' }), system: INS_TEST_SYSTEM, value: id.nir });
  identifier.push({ type: cc({ system: HL7_0203, code: 'PI', display: 'Patient internal identifier' }), system: LOCAL_USAGER_SYSTEM, value: `3${ctx.finess}/${u.localId}` });

  const resource: JsonObject = {
    resourceType: 'Patient',
    meta: meta(u.hasIns ? 'tddui-patient-ins' : 'tddui-patient'),
    extension,
    identifier,
    name: [{
      extension: [{ url: `${FR_CORE_EXT}fr-core-patient-birth-list-given-name`, valueString: id.givenNames.join(' ') }],
      use: 'official', family: id.family, given: [id.givenNames[0]],
    }],
    gender: id.sex,
    birthDate: id.birthDate,
    _birthDate: { extension: [ext('tddui-birth-order', { valuePositiveInt: id.birthOrder })] },
    address: [{ use: 'home', line: [id.street], city: id.residence.name, postalCode: id.residence.postcode, country: FRANCE }],
  };
  if (u.deathDay !== undefined) resource.deceasedDateTime = formatDay(u.deathDay);
  return resource;
}
