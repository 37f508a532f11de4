/**
 * Writes a transaction Bundle entry by entry (JSON: one entry per line; XML: FHIR XML through the engine's
 * writer), buffering into chunks and honouring the stream's backpressure, so that memory stays bounded
 * whatever the number of entries.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import { serialiseFhirXml } from '../validation/parse/json-to-xml.js';
import type { JsonObject } from '../validation/json-values.js';
import { profileUrl, type BuiltEntry } from './builders/common.js';

export type DatasetFormat = 'json' | 'xml';

const CHUNK = 256 * 1024;

export abstract class BundleWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  abstract begin(): Promise<void>;
  abstract entry(e: BuiltEntry): Promise<void>;
  abstract end(): Promise<void>;

  protected async write(text: string, flush = false): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size < CHUNK && !flush) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}

const request = (e: BuiltEntry): JsonObject => ({ method: 'POST', url: String(e.resource.resourceType) });

export class JsonBundleWriter extends BundleWriter {
  private first = true;

  async begin(): Promise<void> {
    await this.write(`{"resourceType":"Bundle","meta":{"profile":["${profileUrl('tddui-bundle')}"]},"type":"transaction","entry":[\n`);
  }

  async entry(e: BuiltEntry): Promise<void> {
    const line = JSON.stringify({ fullUrl: e.fullUrl, resource: e.resource, request: request(e) });
    await this.write(this.first ? line : `,\n${line}`);
    this.first = false;
  }

  async end(): Promise<void> {
    await this.write('\n]}\n', true);
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export class XmlBundleWriter extends BundleWriter {
  constructor(out: NodeJS.WritableStream, private readonly definitions: DefinitionContext) {
    super(out);
  }

  async begin(): Promise<void> {
    await this.write(`<?xml version="1.0" encoding="UTF-8"?>\n<Bundle xmlns="http://hl7.org/fhir">\n  <meta>\n    <profile value="${profileUrl('tddui-bundle')}"/>\n  </meta>\n  <type value="transaction"/>\n`);
  }

  async entry(e: BuiltEntry): Promise<void> {
    const xml = serialiseFhirXml(e.resource, this.definitions)
      .replace(/^<\?xml[^>]*>\n/, '')
      .replace(' xmlns="http://hl7.org/fhir"', '')
      .replace(/\n$/, '')
      .split('\n').map((l) => `      ${l}`).join('\n');
    const r = request(e);
    await this.write(`  <entry>\n    <fullUrl value="${escapeAttr(e.fullUrl)}"/>\n    <resource>\n${xml}\n    </resource>\n    <request>\n      <method value="${r.method}"/>\n      <url value="${r.url}"/>\n    </request>\n  </entry>\n`);
  }

  async end(): Promise<void> {
    await this.write('</Bundle>\n', true);
  }
}
