/** TDDUI flow rules (TDDUI-BDL-*), on mutations of the official SSIAD Bundle example and small Bundles. */
import { example } from '../support/context.js';
import { mutate, type Case } from './case.js';

const SSIAD = () => example('Bundle-tddui-bundle-example.json') as { entry: Record<string, any>[]; [k: string]: any };

/** A minimal valid TDDUI transaction: one Organization, with urn:uuid fullUrl and request.url = type. */
export function minimalBundle(): Record<string, any> {
  return {
    resourceType: 'Bundle',
    meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle'] },
    type: 'transaction',
    entry: [{
      fullUrl: 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a01',
      resource: {
        resourceType: 'Organization',
        meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-organization'] },
        identifier: [{
          use: 'official',
          type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'IDNST' }] },
          system: 'urn:oid:1.2.250.1.71.4.2.2',
          value: '1750712184',
        }],
        name: 'SSIAD Les Tilleuls',
      },
      request: { method: 'POST', url: 'Organization' },
    }],
  };
}

export const BUNDLE_CASES: Case[] = [
  {
    name: 'Bundle minimal valide : aucune règle de flux ne se déclenche',
    input: minimalBundle,
    clean: ['TDDUI-BDL-001', 'TDDUI-BDL-002', 'TDDUI-BDL-003', 'TDDUI-BDL-004', 'TDDUI-BDL-005', 'TDDUI-BDL-006', 'TDDUI-BDL-007', 'TDDUI-BDL-008', 'TDDUI-BDL-009', 'TDDUI-BDL-010', 'TDDUI-PRF-001', 'TDDUI-PRF-002', 'TDDUI-PRF-003', 'TDDUI-PRF-004'],
  },
  {
    name: 'TDDUI-BDL-001 : Bundle de type batch',
    input: () => mutate(minimalBundle(), (b) => { b.type = 'batch'; }),
    fires: [{ ruleId: 'TDDUI-BDL-001', path: 'Bundle.type', severity: 'error' }, { ruleId: 'FHIR-PATTERN', path: 'Bundle.type' }],
  },
  {
    name: 'TDDUI-BDL-002 : entrée sans fullUrl',
    input: () => mutate(minimalBundle(), (b) => { delete b.entry[0].fullUrl; }),
    fires: [{ ruleId: 'TDDUI-BDL-002', path: 'Bundle.entry[0]', severity: 'error' }],
  },
  {
    name: 'TDDUI-BDL-003 : fullUrl relatif',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].fullUrl = 'Organization/1'; }),
    fires: [{ ruleId: 'TDDUI-BDL-003', path: 'Bundle.entry[0].fullUrl', severity: 'error' }],
  },
  {
    name: 'TDDUI-BDL-004 : fullUrl dupliqué',
    input: () => mutate(minimalBundle(), (b) => { b.entry.push(structuredClone(b.entry[0])); }),
    fires: [{ ruleId: 'TDDUI-BDL-004', path: 'Bundle.entry[1].fullUrl', severity: 'error' }, { ruleId: 'FHIR-INV-bdl-7', path: 'Bundle' }],
  },
  {
    name: 'TDDUI-BDL-005 : méthode PUT',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].request.method = 'PUT'; }),
    fires: [{ ruleId: 'TDDUI-BDL-005', path: 'Bundle.entry[0].request.method', severity: 'error' }],
  },
  {
    name: 'TDDUI-BDL-006 : request.url = nom du profil (défaut des exemples publiés)',
    needsSpec: true,
    input: SSIAD,
    fires: [
      { ruleId: 'TDDUI-BDL-006', path: 'Bundle.entry[0].request.url', severity: 'error' },
      { ruleId: 'TDDUI-BDL-006', path: 'Bundle.entry[11].request.url', severity: 'error' },
    ],
  },
  {
    name: 'TDDUI-BDL-007 : référence vers une organisation absente du Bundle (défaut de l’exemple SSIAD)',
    needsSpec: true,
    input: SSIAD,
    fires: [
      { ruleId: 'TDDUI-BDL-007', path: 'Bundle.entry[2].resource.hospitalization.origin.reference', severity: 'error' },
      { ruleId: 'TDDUI-BDL-007', path: 'Bundle.entry[3].resource.location[0].location.reference', severity: 'error' },
    ],
  },
  {
    name: 'TDDUI-BDL-007 : urn:uuid non résolu',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].resource.partOf = { reference: 'urn:uuid:11111111-2222-3333-4444-555555555555' }; }),
    fires: [{ ruleId: 'TDDUI-BDL-007', path: 'Bundle.entry[0].resource.partOf.reference', severity: 'error' }],
  },
  {
    name: 'TDDUI-BDL-008 : référence absolue externe',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].resource.partOf = { reference: 'https://annuaire.example.fr/fhir/Organization/42' }; }),
    fires: [{ ruleId: 'TDDUI-BDL-008', path: 'Bundle.entry[0].resource.partOf.reference', severity: 'warning' }],
    clean: ['TDDUI-BDL-007'],
  },
  {
    name: 'TDDUI-BDL-009 : id porté par une ressource créée',
    input: () => mutate(minimalBundle(), (b) => { b.entry[0].resource.id = 'org-1'; }),
    fires: [{ ruleId: 'TDDUI-BDL-009', path: 'Bundle.entry[0].resource.id', severity: 'information' }],
  },
  {
    name: 'TDDUI-BDL-009 : une seule note pour tout l’export, avec le nombre de ressources concernées',
    input: () => mutate(minimalBundle(), (b) => {
      b.entry[0].resource.id = 'org-1';
      const second = structuredClone(b.entry[0]);
      second.fullUrl = 'urn:uuid:0b6c4f5e-0c1f-4d2a-9a63-1f6f1b9c0a09';
      second.resource.id = 'org-2';
      b.entry.push(second);
    }),
    fires: [{ ruleId: 'TDDUI-BDL-009', path: 'Bundle.entry[0].resource.id', severity: 'information', params: { id: 'org-1', count: 2 } }],
  },
  {
    name: 'TDDUI-BDL-010 : Bundle sans meta.profile tddui-bundle',
    input: () => mutate(minimalBundle(), (b) => { delete b.meta; }),
    fires: [{ ruleId: 'TDDUI-BDL-010', path: 'Bundle', severity: 'information' }],
  },
];
