/**
 * The Bundle entries a report groups findings by: resource type, claimed profile and the business
 * identifier a person recognises the object by. Read from the parsed input, in entry order (deterministic).
 */
import { insAuthority, NSS_TYPE } from '../rules/fr-identifiers/ins-authorities.js';
import { businessIdSystem } from '../rules/fr-identifiers/business-identifiers.js';
import { isObject, type JsonObject } from '../validation/json-values.js';
import type { EntrySummary } from './report-model.js';

/** Systems of national identifiers shown when a resource has neither an INS nor a TDDUI business identifier. */
const NATIONAL_SYSTEMS = new Set([
  'https://finess.esante.gouv.fr', 'https://rpps.esante.gouv.fr', 'https://adeli.esante.gouv.fr', 'https://sirene.fr',
  'urn:oid:1.2.250.1.71.4.2.1', 'urn:oid:1.2.250.1.71.4.2.2',
]);

/** One summary per entry of a Bundle; undefined for any other root resource. */
export function summariseEntries(root: JsonObject | undefined): EntrySummary[] | undefined {
  if (!root || root.resourceType !== 'Bundle' || !Array.isArray(root.entry)) return undefined;
  return root.entry.map((e, index) => {
    const entry = isObject(e) ? e : {};
    const resource = isObject(entry.resource) ? entry.resource : undefined;
    const summary: EntrySummary = { index, resourceType: typeof resource?.resourceType === 'string' ? resource.resourceType : '?' };
    if (typeof entry.fullUrl === 'string') summary.fullUrl = entry.fullUrl;
    const profile = resource && isObject(resource.meta) && Array.isArray(resource.meta.profile) ? resource.meta.profile.find((p) => typeof p === 'string') : undefined;
    if (typeof profile === 'string') summary.profile = profile.split('|')[0];
    const businessId = resource ? businessIdentifier(resource) : undefined;
    if (businessId) summary.businessId = businessId;
    return summary;
  });
}

interface Ident {
  system?: string;
  value: string;
  nss: boolean;
}

/** INS first, then a TDDUI business identifier, then a national identifier, then the first identifier with a value. */
function businessIdentifier(resource: JsonObject): string | undefined {
  const raw = Array.isArray(resource.identifier) ? resource.identifier : isObject(resource.identifier) ? [resource.identifier] : [];
  const ids: Ident[] = [];
  for (const i of raw) {
    if (!isObject(i) || typeof i.value !== 'string' || !i.value) continue;
    const codings = isObject(i.type) && Array.isArray(i.type.coding) ? i.type.coding : [];
    const nss = codings.some((c) => isObject(c) && c.system === NSS_TYPE.system && c.code === NSS_TYPE.code);
    ids.push({ system: typeof i.system === 'string' ? i.system : undefined, value: i.value, nss });
  }
  const ins = ids.find((i) => !i.nss && insAuthority(i.system));
  if (ins) return `INS ${ins.value}`;
  return (ids.find((i) => businessIdSystem(i.system)) ?? ids.find((i) => i.system && NATIONAL_SYSTEMS.has(i.system)) ?? ids[0])?.value;
}
