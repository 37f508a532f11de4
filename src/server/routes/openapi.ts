/** OpenAPI 3 description of the HTTP API (check API, scenarios, administration, FHIR endpoint). */
import express, { type Router } from 'express';
import { TOOL } from '../../reports/tool-info.js';
import { REPORT_EXTENSIONS } from './checks.js';

const bearer = [{ bearer: [] }];
const error = { $ref: '#/components/responses/Erreur' };
const json = (schema: object) => ({ 'application/json': { schema } });
const errors = { 400: error, 401: error, 403: error, 404: error, 413: error, 429: error };

export function openapiDocument(): object {
  return {
    openapi: '3.0.3',
    info: { title: 'tddui-bench', version: TOOL.version, description: 'Banc de conformité TDDUI : API de vérification pour l’intégration continue, point de réception FHIR, publication des profils.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'jeton tdb_<id>_<secret> créé par « tddui-bench admin create-token »' } },
      responses: { Erreur: { description: 'erreur (message en français)', content: json({ $ref: '#/components/schemas/Erreur' }) } },
      schemas: {
        Erreur: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        Summary: { type: 'object', properties: { fatal: { type: 'integer' }, error: { type: 'integer' }, warning: { type: 'integer' }, information: { type: 'integer' } } },
        Issue: { type: 'object', properties: { ruleId: { type: 'string' }, severity: { type: 'string', enum: ['fatal', 'error', 'warning', 'information'] }, message: { type: 'string' }, path: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, specUrl: { type: 'string' }, hint: { type: 'string' } } },
        CheckResult: {
          type: 'object', required: ['id', 'verdict', 'summary', 'issues', 'pins', 'links'],
          properties: { id: { type: 'string' }, verdict: { type: 'string', enum: ['pass', 'fail'] }, summary: { $ref: '#/components/schemas/Summary' }, issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } }, pins: { type: 'object', additionalProperties: { type: 'string' } }, links: { type: 'object' } },
        },
        Run: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['check', 'fhir-transaction', 'fhir-validate'] }, status: { type: 'string', enum: ['pending', 'done', 'failed'] }, verdict: { type: 'string' }, org: { type: 'string' }, createdAt: { type: 'string' }, annotations: { type: 'array', items: { type: 'object' } } } },
      },
    },
    paths: {
      '/health': { get: { summary: 'état du serveur', responses: { 200: { description: 'ok' } } } },
      '/api/v1/checks': {
        post: {
          summary: 'vérifier un export (corps brut JSON/XML ou multipart, champ « file »)', security: bearer,
          parameters: [
            { name: 'wait', in: 'query', schema: { type: 'boolean', default: true }, description: 'false : réponse 202 immédiate et en-tête Location' },
            { name: 'profile', in: 'query', schema: { type: 'array', items: { type: 'string' } }, description: 'profil supplémentaire (URL canonique)' },
            { name: 'fhirOnly', in: 'query', schema: { type: 'boolean' } },
            { name: 'lang', in: 'query', schema: { type: 'string', enum: ['fr', 'en'] } },
            { name: 'name', in: 'query', schema: { type: 'string' }, description: 'nom du fichier dans le rapport' },
            { name: 'scenario', in: 'query', schema: { type: 'string' }, description: 'scénario (si le générateur est branché, sinon 501)' },
            { name: 'expect', in: 'query', schema: { type: 'string' }, description: 'jeu de données attendu (si le générateur est branché, sinon 501)' },
          ],
          requestBody: { content: { 'application/fhir+json': {}, 'application/fhir+xml': {}, 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { 201: { description: 'vérification terminée', content: json({ $ref: '#/components/schemas/CheckResult' }) }, 202: { description: 'vérification en cours (Location)' }, ...errors, 501: error },
        },
        get: {
          summary: 'liste des exécutions (éditeur : son organisation)', security: bearer,
          parameters: ['org', 'verdict', 'since', 'limit', 'offset'].map((name) => ({ name, in: 'query', schema: { type: name === 'limit' || name === 'offset' ? 'integer' : 'string' } })),
          responses: { 200: { description: 'page d’exécutions', content: json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Run' } }, total: { type: 'integer' }, next: { type: 'string' } } }) }, ...errors },
        },
      },
      '/api/v1/checks/{id}': { get: { summary: 'une exécution', security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'exécution', content: json({ $ref: '#/components/schemas/Run' }) }, ...errors } } },
      ...Object.fromEntries(Object.keys(REPORT_EXTENSIONS).map((ext) => [`/api/v1/checks/{id}/report.${ext}`, {
        get: { summary: `rapport (${ext})`, security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'rapport' }, 409: error, ...errors } },
      }])),
      '/api/v1/checks/{id}/annotations': { post: { summary: 'annoter (relecteur) : accept, reject ou comment', security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: { content: json({ type: 'object', properties: { decision: { type: 'string', enum: ['accept', 'reject', 'comment'] }, comment: { type: 'string' } } }) }, responses: { 201: { description: 'annotation' }, ...errors } } },
      '/api/v1/scenarios': { get: { summary: 'scénarios', security: bearer, responses: { 200: { description: 'liste' }, 501: error } } },
      '/api/v1/scenarios/{id}/dataset': { get: { summary: 'jeu de données d’un scénario', security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'seed', in: 'query', schema: { type: 'integer' } }, { name: 'usagers', in: 'query', schema: { type: 'integer' } }, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'xml'] } }], responses: { 200: { description: 'Bundle' }, 501: error } } },
      '/api/v1/admin/organisations': { get: { summary: 'organisations (admin)', security: bearer, responses: { 200: { description: 'liste' } } }, post: { summary: 'créer une organisation (admin)', security: bearer, responses: { 201: { description: 'créée' }, 409: error } } },
      '/api/v1/admin/tokens': { get: { summary: 'jetons (admin)', security: bearer, responses: { 200: { description: 'liste' } } }, post: { summary: 'créer un jeton (admin) ; affiché une seule fois', security: bearer, responses: { 201: { description: 'créé' } } } },
      '/api/v1/admin/tokens/{id}': { delete: { summary: 'révoquer un jeton (admin)', security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'révoqué' } } } },
      '/fhir/metadata': { get: { summary: 'CapabilityStatement du banc', responses: { 200: { description: 'CapabilityStatement' } } } },
      '/fhir': { post: { summary: 'transaction TDDUI (Bundle), JSON ou XML', security: bearer, responses: { 200: { description: 'transaction-response' }, 400: { description: 'OperationOutcome' }, 422: { description: 'OperationOutcome (règles métier)' } } } },
      '/fhir/$validate': { post: { summary: 'opération $validate', security: bearer, responses: { 200: { description: 'OperationOutcome' } } } },
      '/fhir/{type}/$validate': { post: { summary: 'opération $validate sur un type', security: bearer, parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string' } }, { name: 'profile', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'OperationOutcome' } } } },
      '/fhir/{type}/{id}': { get: { summary: 'ressource de conformité publiée', parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string', enum: ['StructureDefinition', 'ValueSet', 'CodeSystem', 'Questionnaire', 'CapabilityStatement'] } }, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ressource' }, 404: error } } },
      '/profiles': { get: { summary: 'pages des profils (HTML, en français)', responses: { 200: { description: 'HTML' } } } },
    },
  };
}

export function openapiRouter(): Router {
  const router = express.Router();
  const doc = openapiDocument();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(doc);
  });
  return router;
}
