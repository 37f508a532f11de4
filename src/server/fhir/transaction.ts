/**
 * Accepting a checked transaction Bundle (http://hl7.org/fhir/R4/http.html#trules): every entry is a
 * create, gets a server id and version 1, and references between entries (fullUrl, or Type/id of the
 * sent resource) are rewritten to the new ids before the resources are stored.
 */
import { randomUUID } from 'node:crypto';
import { isObject, type Json, type JsonObject } from '../../validation/json-values.js';
import type { StoredResource } from '../store/runs.js';

export interface AcceptedTransaction {
  response: JsonObject;
  resources: StoredResource[];
}

function rewriteReferences(value: Json, map: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) rewriteReferences(v, map);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') {
        const target = map.get(v);
        if (target) value[k] = target;
      } else if (k !== 'div') {
        rewriteReferences(v, map);
      }
    }
  }
}

export function acceptTransaction(bundle: JsonObject, now: string, newId: () => string = randomUUID): AcceptedTransaction {
  const entries = (Array.isArray(bundle.entry) ? bundle.entry : []).filter(isObject);
  const map = new Map<string, string>();
  const assigned = entries.map((e) => {
    const resource = isObject(e.resource) ? e.resource : {};
    const type = String(resource.resourceType);
    const id = newId();
    if (typeof e.fullUrl === 'string') map.set(e.fullUrl, `${type}/${id}`);
    if (typeof resource.id === 'string') map.set(`${type}/${resource.id}`, `${type}/${id}`);
    return { type, id, resource };
  });
  const resources: StoredResource[] = assigned.map(({ type, id, resource }) => {
    const copy = structuredClone(resource);
    rewriteReferences(copy, map);
    copy.id = id;
    copy.meta = { ...(isObject(copy.meta) ? copy.meta : {}), versionId: '1', lastUpdated: now };
    return { resourceType: type, id, versionId: '1', json: JSON.stringify(copy) };
  });
  const response: JsonObject = {
    resourceType: 'Bundle',
    id: newId(),
    type: 'transaction-response',
    entry: assigned.map(({ type, id }) => ({
      response: { status: '201 Created', location: `${type}/${id}/_history/1`, etag: 'W/"1"', lastModified: now },
    })),
  };
  return { response, resources };
}
