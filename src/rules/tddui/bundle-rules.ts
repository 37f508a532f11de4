/**
 * Flux 1 (transmission de données DUI): the export is one transaction Bundle of creates whose entries
 * reference each other. See the flow page of the guide (FLOW_PAGE) and http://hl7.org/fhir/R4/bundle.html#transaction
 */
import { isObject } from '../../validation/json-values.js';
import type { CheckRule } from '../rule.js';
import { FLOW_PAGE, profilePage } from './spec-links.js';

const UUID_URN = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ABSOLUTE = /^https?:\/\/[^\s/]+(\/\S*)?$/;
const BUNDLE_PROFILE = 'https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-bundle';

export const BUNDLE_RULES: CheckRule[] = [
  {
    id: 'TDDUI-BDL-001', category: 'flux TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'Un export TDDUI est un Bundle de type « transaction » (trouvé : {found})', en: 'A TDDUI export is a Bundle of type "transaction" (found: {found})' },
    hint: { fr: 'Envoyer un Bundle avec "type": "transaction".', en: 'Send a Bundle with "type": "transaction".' },
    check(ctx) {
      if (ctx.root.resourceType !== 'Bundle') return;
      if (ctx.root.type !== 'transaction') ctx.report(this.id, 'Bundle.type', { found: String(ctx.root.type ?? 'absent') });
    },
  },
  {
    id: 'TDDUI-BDL-002', category: 'flux TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'L’entrée n’a pas de fullUrl : les autres entrées ne peuvent pas la référencer', en: 'The entry has no fullUrl: other entries cannot reference it' },
    hint: { fr: 'Donner à chaque entrée un fullUrl "urn:uuid:…" unique.', en: 'Give each entry a unique "urn:uuid:…" fullUrl.' },
    check(ctx) {
      for (const e of ctx.bundle?.entries ?? []) if (!e.fullUrl) ctx.report(this.id, `Bundle.entry[${e.index}]`);
    },
  },
  {
    id: 'TDDUI-BDL-003', category: 'flux TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'fullUrl « {fullUrl} » invalide : attendu urn:uuid:<uuid> ou URL absolue', en: 'Invalid fullUrl "{fullUrl}": expected urn:uuid:<uuid> or an absolute URL' },
    check(ctx) {
      for (const e of ctx.bundle?.entries ?? []) {
        if (e.fullUrl && !UUID_URN.test(e.fullUrl) && !ABSOLUTE.test(e.fullUrl)) ctx.report(this.id, `Bundle.entry[${e.index}].fullUrl`, { fullUrl: e.fullUrl });
      }
    },
  },
  {
    id: 'TDDUI-BDL-004', category: 'flux TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'fullUrl « {fullUrl} » déjà utilisé par l’entrée {first}', en: 'fullUrl "{fullUrl}" already used by entry {first}' },
    check(ctx) {
      for (const d of ctx.bundle?.duplicateFullUrls ?? []) ctx.report(this.id, `Bundle.entry[${d.index}].fullUrl`, { fullUrl: d.fullUrl, first: d.first });
    },
  },
  {
    id: 'TDDUI-BDL-005', category: 'flux TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'Chaque entrée est une création : request.method doit valoir POST (trouvé : {found})', en: 'Each entry is a create: request.method must be POST (found: {found})' },
    check(ctx) {
      if (ctx.root.resourceType !== 'Bundle') return;
      for (const e of ctx.bundle?.entries ?? []) {
        const raw = (ctx.root.entry as unknown[])[e.index];
        const request = isObject(raw) && isObject(raw.request) ? raw.request : undefined;
        if (request?.method !== 'POST') ctx.report(this.id, `Bundle.entry[${e.index}].request${request ? '.method' : ''}`, { found: request ? String(request.method ?? 'absent') : 'request absent' });
      }
    },
  },
  {
    id: 'TDDUI-BDL-006', category: 'flux TDDUI', severity: 'error', specUrl: 'http://hl7.org/fhir/R4/http.html#transaction',
    message: { fr: 'request.url doit être le type de ressource « {expected} » pour une création (trouvé : « {found} »)', en: 'request.url must be the resource type "{expected}" for a create (found: "{found}")' },
    hint: { fr: 'Écrire "url": "{expected}" et non le nom du profil.', en: 'Write "url": "{expected}", not the profile name.' },
    check(ctx) {
      if (ctx.root.resourceType !== 'Bundle') return;
      for (const e of ctx.bundle?.entries ?? []) {
        const raw = (ctx.root.entry as unknown[])[e.index];
        const request = isObject(raw) && isObject(raw.request) ? raw.request : undefined;
        const type = e.resource?.resourceType;
        if (!request || request.method !== 'POST' || typeof type !== 'string') continue;
        if (request.url !== type) ctx.report(this.id, `Bundle.entry[${e.index}].request.url`, { expected: type, found: String(request.url ?? '') });
      }
    },
  },
  {
    id: 'TDDUI-BDL-007', category: 'références', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'La référence « {reference} » ne désigne aucune entrée du Bundle', en: 'Reference "{reference}" matches no entry of the Bundle' },
    hint: { fr: 'Ajouter la ressource référencée au Bundle, ou corriger la référence (fullUrl ou Type/id d’une entrée).', en: 'Add the referenced resource to the Bundle, or fix the reference (fullUrl or Type/id of an entry).' },
    check(ctx) {
      if (!ctx.bundle) return;
      for (const r of ctx.references) if (r.kind === 'relative' || r.kind === 'urn') ctx.report(this.id, r.path, { reference: r.reference });
    },
  },
  {
    id: 'TDDUI-BDL-008', category: 'références', severity: 'warning', specUrl: FLOW_PAGE,
    message: { fr: 'Référence externe « {reference} » : hors du Bundle, le destinataire doit pouvoir la résoudre', en: 'External reference "{reference}": outside the Bundle, the receiver must be able to resolve it' },
    check(ctx) {
      if (!ctx.bundle) return;
      for (const r of ctx.references) if (r.kind === 'absolute') ctx.report(this.id, r.path, { reference: r.reference });
    },
  },
  {
    id: 'TDDUI-BDL-009', category: 'flux TDDUI', severity: 'information', specUrl: 'http://hl7.org/fhir/R4/http.html#create',
    message: {
      fr: '{count} ressource(s) portent un id (première : {id}) : le destinataire l’ignore et attribue le sien lors de la création',
      en: '{count} resource(s) carry an id (first: {id}): the receiver ignores it and assigns its own on create',
    },
    check(ctx) {
      // One note for the whole export, at the first entry concerned: it is the same fact for every entry.
      const withId = (ctx.bundle?.entries ?? []).filter((e) => typeof e.resource?.id === 'string');
      if (withId.length) ctx.report(this.id, `Bundle.entry[${withId[0].index}].resource.id`, { id: String(withId[0].resource!.id), count: withId.length });
    },
  },
  {
    id: 'TDDUI-BDL-010', category: 'flux TDDUI', severity: 'information', specUrl: profilePage('tddui-bundle'),
    message: { fr: 'Le Bundle ne déclare pas le profil tddui-bundle dans meta.profile (il est tout de même validé contre lui)', en: 'The Bundle does not declare the tddui-bundle profile in meta.profile (it is validated against it anyway)' },
    check(ctx) {
      if (ctx.root.resourceType !== 'Bundle') return;
      const profiles = isObject(ctx.root.meta) && Array.isArray(ctx.root.meta.profile) ? ctx.root.meta.profile : [];
      if (!profiles.some((p) => typeof p === 'string' && p.split('|')[0] === BUNDLE_PROFILE)) ctx.report(this.id, 'Bundle');
    },
  },
];

export { BUNDLE_PROFILE };
