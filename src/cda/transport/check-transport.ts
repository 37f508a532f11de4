/**
 * The TDDUI 1.1.0 FHIR transport: a DocumentReference, or a transaction Bundle of them, carrying CDA
 * documents as base64 attachments. Both layers are checked:
 *  - the FHIR resource with the engine (base R4 and declared profiles) plus the 1.1.0 profile constraints
 *    compiled into the facts file (the 1.1.0 canonicals are reused by the 2.x guide with another content,
 *    so the engine's findings against the 2.x tddui-bundle, and "unknown profile" on the 1.1.0
 *    tddui-documentreference, are set aside);
 *  - each attachment as a CDA document: its findings are located by the attachment's FHIR path, then the
 *    XPath and line/column inside the decoded document (`…attachment.data#/cda:ClinicalDocument/…`).
 */
import type { Checker } from '../../rules/checker.js';
import type { Finding } from '../../validation/finding.js';
import { isObject, type Json, type JsonObject } from '../../validation/json-values.js';
import type { CdaChecker, CdaDocumentOptions } from '../cda-checker.js';
import { isCdaXml } from '../detect.js';
import type { ElementFact, TransportFacts } from '../facts/build-cda-facts.js';
import facts from '../facts/cda-facts.json' with { type: 'json' };

const TRANSPORT = (facts as unknown as { transport: TransportFacts }).transport;
const REUSED_CANONICALS = new Set([TRANSPORT.bundle.url, TRANSPORT.documentReference.url]);

export interface TransportResult {
  format: 'json' | 'xml';
  findings: Finding[];
}

const finding = (ruleId: string, severity: Finding['severity'], path: string, params: Finding['params']): Finding => ({ ruleId, severity, path, params });

/** Values at a dotted path below a resource, with their FHIR paths (arrays expanded with indexes). */
function valuesAt(root: JsonObject, rootPath: string, rel: string[]): { value: Json; path: string; parentPath: string }[] {
  let cur: { value: Json; path: string; parentPath: string }[] = [{ value: root, path: rootPath, parentPath: rootPath }];
  for (const name of rel) {
    const next: typeof cur = [];
    for (const c of cur) {
      if (!isObject(c.value)) continue;
      const v = c.value[name];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) v.forEach((x, i) => next.push({ value: x, path: `${c.path}.${name}[${i}]`, parentPath: c.path }));
      else next.push({ value: v, path: `${c.path}.${name}`, parentPath: c.path });
    }
    cur = next;
  }
  return cur;
}

/** Cardinality and pattern facts of one profile, on one resource. */
function checkElements(resource: JsonObject, rootPath: string, elements: readonly ElementFact[], profile: string, out: Finding[]): void {
  for (const e of elements) {
    const rel = e.path.split('.').slice(1);
    const parents = rel.length > 1 ? valuesAt(resource, rootPath, rel.slice(0, -1)) : [{ value: resource as Json, path: rootPath, parentPath: rootPath }];
    const last = rel[rel.length - 1];
    for (const p of parents) {
      if (!isObject(p.value)) continue;
      const v = p.value[last];
      const count = v === undefined || v === null ? 0 : Array.isArray(v) ? v.length : 1;
      const max = e.max === undefined || e.max === '*' ? Infinity : Number(e.max);
      if (count < (e.min ?? 0) || count > max) {
        out.push(finding('CDA-FHIR-003', 'error', `${p.path}.${last}`, { element: e.path, found: count, min: e.min ?? 0, max: e.max ?? '*', profile }));
      }
      if (e.pattern !== undefined && count === 1 && !Array.isArray(v) && v !== e.pattern) {
        out.push(finding('CDA-FHIR-004', 'error', `${p.path}.${last}`, { element: e.path, found: String(v), expected: e.pattern, profile }));
      }
    }
  }
}

interface Attachment {
  data?: string;
  contentType: string;
  path: string;
}

function attachmentsOf(dr: JsonObject, path: string): Attachment[] {
  return valuesAt(dr, path, ['content', 'attachment'])
    .filter((a) => isObject(a.value))
    .map((a) => {
      const o = a.value as JsonObject;
      return { data: typeof o.data === 'string' ? o.data : undefined, contentType: typeof o.contentType === 'string' ? o.contentType : '', path: a.path };
    });
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** The caller flushes the CDA checker's XSD queue (the embedded documents wait for their batch). */
export async function checkTransport(checker: Checker, cda: CdaChecker, bytes: Buffer, options: { profiles?: string[] } & CdaDocumentOptions): Promise<TransportResult> {
  const fhir = checker.check(bytes, { profiles: options.profiles, tddui: false });
  const findings = fhir.findings.filter((f) => !(f.profile && REUSED_CANONICALS.has(f.profile))
    && !(f.ruleId === 'FHIR-PROFILE-UNKNOWN' && REUSED_CANONICALS.has(String(f.params.profile))));
  const root = fhir.resource;
  if (!root) return { format: fhir.format, findings };

  const own: Finding[] = [];
  const docRefs: { resource: JsonObject; path: string }[] = [];
  if (root.resourceType === 'Bundle') {
    checkElements(root, 'Bundle', TRANSPORT.bundle.elements, 'tddui-bundle', own);
    const entries = Array.isArray(root.entry) ? root.entry : [];
    for (const slice of TRANSPORT.bundle.slices) {
      const members = entries.map((e, i) => ({ e, i })).filter(({ e }) => isObject(e) && isObject(e.resource) && e.resource.resourceType === 'DocumentReference');
      const max = slice.max === '*' ? Infinity : Number(slice.max);
      if (members.length < slice.min || members.length > max) {
        own.push(finding('CDA-FHIR-003', 'error', 'Bundle.entry', { element: `Bundle.entry:${slice.name}`, found: members.length, min: slice.min, max: slice.max, profile: 'tddui-bundle' }));
      }
      for (const { e, i } of members) {
        checkElements(e as JsonObject, `Bundle.entry[${i}]`, slice.elements.map((x) => ({ ...x, path: `entry.${x.path}` })), 'tddui-bundle', own);
        docRefs.push({ resource: (e as JsonObject).resource as JsonObject, path: `Bundle.entry[${i}].resource` });
      }
    }
  } else if (root.resourceType === 'DocumentReference') {
    docRefs.push({ resource: root, path: 'DocumentReference' });
  }

  const embedded: Promise<Finding[]>[] = [];
  let ordinal = 0;
  for (const dr of docRefs) {
    checkElements(dr.resource, dr.path, TRANSPORT.documentReference.elements, 'tddui-documentreference', own);
    for (const a of attachmentsOf(dr.resource, dr.path)) {
      const attachment = ++ordinal;
      if (a.data === undefined) continue; // the cardinality facts report the missing data
      const dataPath = `${a.path}.data`;
      if (!BASE64.test(a.data)) {
        own.push(finding('CDA-FHIR-001', 'error', dataPath, { attachment }));
        continue;
      }
      const decoded = Buffer.from(a.data, 'base64');
      if (!isCdaXml(decoded)) {
        own.push(finding('CDA-FHIR-002', 'error', dataPath, { attachment, contentType: a.contentType }));
        continue;
      }
      if (!/^(text|application)\/(hl7-v3\+|hl7-cda\+)?xml\b/.test(a.contentType)) own.push(finding('CDA-FHIR-005', 'warning', `${a.path}.contentType`, { attachment, contentType: a.contentType }));
      embedded.push(cda.check(decoded, options).then((fs) => fs.map((f) => ({ ...f, path: `${dataPath}#${f.path}`, params: { ...f.params, attachment } }))));
    }
  }
  const nested = await Promise.all(embedded);
  return { format: fhir.format, findings: [...findings, ...own, ...nested.flat()] };
}
