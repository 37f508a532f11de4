/** TDDUI entry-profile classification (TDDUI-PRF-*). */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';
import { minimalBundle } from './tddui-bundle.cases.js';

const ORG = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-organization';

export const PROFILE_CASES: Case[] = [
  {
    name: 'TDDUI-PRF-001 : une Location en entrée ne correspond à aucun profil TDDUI',
    needsSpec: true,
    input: () => mutate(minimalBundle(), (b) => {
      const location = example('Location-tddui-event-location-example.json');
      b.entry.push({ fullUrl: 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a02', resource: location, request: { method: 'POST', url: 'Location' } });
    }),
    fires: [{ ruleId: 'TDDUI-PRF-001', path: 'Bundle.entry[1].resource', severity: 'error' }],
  },
  {
    name: 'TDDUI-PRF-001 : organisation sans identifiant national, erreurs du profil le plus proche jointes',
    input: () => mutate(minimalBundle(), (b) => {
      delete b.entry[0].resource.meta;
      b.entry[0].resource.identifier = [{ system: 'https://example.org/ids', value: 'x' }];
    }),
    fires: [
      { ruleId: 'TDDUI-PRF-001', path: 'Bundle.entry[0].resource', severity: 'error' },
      { ruleId: 'FHIR-CARD-MIN', path: 'Bundle.entry[0].resource.identifier', severity: 'error' },
    ],
  },
  {
    name: 'TDDUI-PRF-002 : profil déclaré non respecté',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].resource.identifier = [{ system: 'https://example.org/ids', value: 'x' }]; }),
    fires: [{ ruleId: 'TDDUI-PRF-002', path: 'Bundle.entry[0].resource', severity: 'error' }],
    clean: ['TDDUI-PRF-001'],
  },
  {
    name: 'TDDUI-PRF-004 : profil absent, classement par le contenu',
    input: () => mutate(minimalBundle(), (b) => { delete b.entry[0].resource.meta; }),
    fires: [{ ruleId: 'TDDUI-PRF-004', path: 'Bundle.entry[0].resource', severity: 'information' }],
    clean: ['TDDUI-PRF-001', 'TDDUI-PRF-002', 'TDDUI-PRF-003'],
  },
  {
    name: 'TDDUI-PRF-003 : Patient conforme à tddui-patient et tddui-patient-ins sans profil déclaré',
    needsSpec: true,
    input: () => mutate(minimalBundle(), (b) => {
      const p = example<Record<string, any>>('Patient-tddui-patient-ins-example.json');
      delete p.meta;
      // birth rank and a complete official name make it a valid tddui-patient too
      p._birthDate = { extension: [{ url: 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-birth-order', valuePositiveInt: 1 }] };
      b.entry.push({ fullUrl: 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a03', resource: p, request: { method: 'POST', url: 'Patient' } });
    }),
    fires: [{ ruleId: 'TDDUI-PRF-003', path: 'Bundle.entry[1].resource', severity: 'warning' }],
  },
  {
    name: 'Profils : ressource seule de type sans profil TDDUI (Location) non classée',
    needsSpec: true,
    input: () => example('Location-tddui-event-location-example.json'),
    clean: ['TDDUI-PRF-001'],
  },
];
export { ORG };
