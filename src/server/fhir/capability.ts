/** The bench's own CapabilityStatement: a FHIR server receiving TDDUI transactions (the Consommateur role). */
import { TOOL } from '../../reports/tool-info.js';
import type { JsonObject } from '../../validation/json-values.js';
import { PUBLISHED_TYPES } from '../publication/import-package.js';

const CONSOMMATEUR = 'https://interop.esante.gouv.fr/ig/fhir/tddui/CapabilityStatement/TDDUIConsommateur';
const BUNDLE_PROFILE = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle';

export function benchCapabilityStatement(date: string, fhirBase?: string): JsonObject {
  return {
    resourceType: 'CapabilityStatement',
    id: 'tddui-bench',
    url: 'urn:tddui-bench:CapabilityStatement:tddui-bench',
    version: TOOL.version,
    name: 'TDDUIBench',
    title: 'Banc de conformité TDDUI (rôle Consommateur)',
    status: 'active',
    date,
    publisher: 'tddui-bench',
    kind: 'instance',
    instantiates: [CONSOMMATEUR],
    software: { name: TOOL.name, version: TOOL.version },
    implementation: { description: 'Banc de conformité TDDUI : reçoit les Bundles transaction, les vérifie et les enregistre', ...(fhirBase ? { url: fhirBase } : {}) },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/fhir+xml'],
    rest: [{
      mode: 'server',
      documentation: 'POST [base] avec un Bundle transaction conforme à tddui-bundle ; jeton « Authorization: Bearer » requis',
      security: { cors: false, description: 'Jeton d’accès : en-tête « Authorization: Bearer <jeton> » (rôle vendor)' },
      resource: PUBLISHED_TYPES.map((type) => ({
        type,
        interaction: [{ code: 'read' }, { code: 'search-type' }],
        searchParam: [{ name: 'url', type: 'uri' }],
      })),
      interaction: [{ code: 'transaction', documentation: `Bundle conforme au profil ${BUNDLE_PROFILE}` }],
      operation: [{ name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' }],
    }],
  };
}
