/**
 * The CDA checker, built once per process: rule tables compiled once, the XSD set read once. Checking a
 * document runs the XML parse and the rules at once and queues the text for XSD validation; queued texts
 * are validated in batches (one xmllint-wasm call each, in a worker thread) while the caller goes on.
 */
import type { Finding, FindingParams } from '../validation/finding.js';
import { BODY_RULES } from './rules/body-rules.js';
import { CDA_VERSIONS, type CdaRule, type CdaVersion } from './rules/cda-rule.js';
import { CdaRuleSet } from './rules/evaluate-rules.js';
import { HEADER_RULES } from './rules/header-rules.js';
import { loadSchemaSet, type CdaSchemaSet } from './xsd/schema-set.js';
import { validateBatch, type XsdError } from './xsd/validate-xsd.js';
import { parseXml, parseXmlBytes, xpathOf, type XElement, type XmlDocument } from './xml/xml-tree.js';

/** The declarative TDDUI rules (header, then body), in report order. */
export const CDA_TABLE_RULES: readonly CdaRule[] = [...HEADER_RULES, ...BODY_RULES];

const DOC_TEMPLATE = '1.2.250.1.213.1.1.1.58';
const DEFAULT_VERSION: CdaVersion = '1.0.1';

export interface CdaCheckerOptions {
  /** Folder of the CDA XSD set (CDA_extended.xsd and its includes); none → XSD not checked. */
  schemaDir?: string;
  /** Most documents per xmllint-wasm call (default 250). */
  batchSize?: number;
  /** Most bytes per call (default 96 MiB: the batch is held in wasm memory). */
  batchBytes?: number;
}

export interface CdaDocumentOptions {
  /** Rule set; default: from the templateId extension of the document, else 1.0.1. */
  version?: CdaVersion;
}

interface Queued {
  /** The document as given (bytes are passed to the worker as they are: no re-encoding). */
  text: string | Uint8Array;
  resolve(errors: XsdError[]): void;
}

const f = (ruleId: string, severity: Finding['severity'], path: string, params: FindingParams, line?: number, column?: number): Finding =>
  ({ ruleId, severity, path, params, ...(line !== undefined ? { line, column } : {}) });

function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** Version from the document template's extension ("1.1.0-ballot" → 1.1.0). */
function versionOf(doc: XmlDocument): { version: CdaVersion; found?: string; known: boolean } {
  const t = doc.root?.children.find((c) => c.q === 'cda:templateId' && c.attrs.root === DOC_TEMPLATE);
  const ext = t?.attrs.extension;
  if (!ext) return { version: DEFAULT_VERSION, known: true };
  const v = CDA_VERSIONS.find((x) => ext === x || ext.startsWith(`${x}-`));
  return v ? { version: v, found: ext, known: true } : { version: DEFAULT_VERSION, found: ext, known: false };
}

/** The deepest element whose start tag is on the line (XSD messages carry a line only). */
function elementAtLine(doc: XmlDocument, line: number): XElement | undefined {
  let best: XElement | undefined;
  const walk = (el: XElement) => {
    if (el.line === line) best = el;
    for (const c of el.children) {
      if (c.line > line) break;
      walk(c);
    }
  };
  if (doc.root) walk(doc.root);
  return best;
}

export class CdaChecker {
  readonly rules = new CdaRuleSet(CDA_TABLE_RULES);
  readonly schemas?: CdaSchemaSet;
  /** Why the schema folder could not be used. */
  readonly schemaProblem?: string;
  private readonly batchSize: number;
  private readonly batchBytes: number;
  private queue: Queued[] = [];
  private queuedBytes = 0;
  /** Calls started so far: the first one is small, so that the worker starts while the main thread goes on. */
  private calls = 0;
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  constructor(options: CdaCheckerOptions = {}) {
    this.batchSize = options.batchSize ?? 250;
    this.batchBytes = options.batchBytes ?? 96 * 1024 * 1024;
    if (options.schemaDir) {
      try {
        this.schemas = loadSchemaSet(options.schemaDir);
      } catch (e) {
        this.schemaProblem = (e as Error).message;
      }
    }
  }

  /** Pins for the report: the schema set's hash when one is used. */
  pins(): Record<string, string> {
    return this.schemas ? { 'cda-xsd': this.schemas.sha256.slice(0, 16) } : {};
  }

  /**
   * Parse + rules now; XSD when the document's batch is validated (call flush() after the last document).
   * Give the UTF-8 bytes when you have them: the XSD worker takes them as they are.
   */
  check(input: string | Buffer, options: CdaDocumentOptions = {}): Promise<Finding[]> {
    const doc = typeof input === 'string' ? parseXml(input.replace(/^\uFEFF/, '')) : parseXmlBytes(input);
    if (doc.problem || !doc.root) {
      const p = doc.problem;
      const id = p?.kind === 'doctype' ? 'CDA-XML-002' : p?.kind === 'malformed' || !p ? 'CDA-XML-001' : 'CDA-XML-003';
      return Promise.resolve([f(id, 'fatal', '/', { detail: p?.message ?? 'document vide' }, p?.line, p?.column)]);
    }
    if (doc.root.q !== 'cda:ClinicalDocument') {
      return Promise.resolve([f('CDA-XML-004', 'fatal', '/', { found: doc.root.q }, doc.root.line, doc.root.column)]);
    }
    const findings: Finding[] = [];
    const detected = versionOf(doc);
    const version = options.version ?? detected.version;
    const origin = options.version
      ? { origin: 'version choisie par option', origin_en: 'version chosen by option' }
      : detected.found && detected.known
        ? { origin: `extension « ${detected.found} » du templateId du document`, origin_en: `document templateId extension "${detected.found}"` }
        : { origin: 'version par défaut', origin_en: 'default version' };
    findings.push(f('CDA-VER-001', 'information', '/cda:ClinicalDocument', { version, ...origin }, doc.root.line, doc.root.column));
    if (!options.version && !detected.known) findings.push(f('CDA-VER-002', 'warning', '/cda:ClinicalDocument', { version, found: detected.found ?? '' }, doc.root.line, doc.root.column));
    findings.push(...this.rules.evaluate(doc, version));
    if (!this.schemas) {
      findings.push(this.schemaProblem
        ? f('CDA-XSD-002', 'warning', '/', { detail: this.schemaProblem })
        : f('CDA-XSD-000', 'information', '/', {}));
      return Promise.resolve(findings.sort(byPosition));
    }
    return new Promise<XsdError[]>((resolve) => {
      this.queue.push({ text: input, resolve });
      this.queuedBytes += input.length;
      const limit = this.calls === 0 ? Math.min(this.batchSize, 50) : this.batchSize;
      if (this.queue.length >= limit || this.queuedBytes >= this.batchBytes) this.flush();
    }).then((errors) => {
      for (const e of errors) {
        const el = e.line !== undefined ? elementAtLine(doc, e.line) : undefined;
        findings.push(f('CDA-XSD-001', 'error', el ? xpathOf(el) : '/', { detail: e.message }, e.line, el && el.line === e.line ? el.column : undefined));
      }
      return findings.sort(byPosition);
    });
  }

  /**
   * Starts the XSD validation of the queued documents: one call in a worker thread. Up to two calls run at
   * once (the machine's two cores: the main thread stops producing while two are running, see ready()).
   */
  flush(): void {
    const batch = this.queue;
    if (!batch.length || !this.schemas) return;
    this.queue = [];
    this.queuedBytes = 0;
    this.calls++;
    this.inFlight++;
    validateBatch(this.schemas, batch.map((q) => q.text)).then(
      (results) => batch.forEach((q, i) => q.resolve(results[i])),
      (e: Error) => batch.forEach((q) => q.resolve([{ message: `xmllint-wasm : ${e.message}` }])),
    ).finally(() => {
      this.inFlight--;
      const waiting = this.waiting;
      this.waiting = [];
      for (const w of waiting) w();
    });
  }

  /** Resolves when fewer than two calls are running (bounds the documents held in memory). */
  async ready(): Promise<void> {
    while (this.inFlight >= 2) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}
