/**
 * What the server publishes at /fhir/{type}/{id} and /fhir/{type}?url=: the official resources when a
 * package has been imported (`profiles import`), otherwise the bench's compiled view, labelled as such
 * (a meta.tag and the X-Tddui-Source header) because it is rebuilt from compiled facts, not the original.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledQuestionnaire, CompiledQuestionnaireItem } from '../../definitions/compiled-types.js';
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import { decompile } from '../../definitions/snapshot/decompile.js';
import type { JsonObject } from '../../validation/json-values.js';
import { PUBLISHED_TYPES, type ImportedPackage, type PublishedType } from './import-package.js';

export type PublicationSource = 'official' | 'compiled';

export interface Published {
  resource: JsonObject;
  source: PublicationSource;
}

export const SOURCE_TAG_SYSTEM = 'urn:tddui-bench:source';

const COMPILED_TAG = {
  system: SOURCE_TAG_SYSTEM,
  code: 'compiled-view',
  display: 'Vue compilée par tddui-bench, pas la ressource officielle (importez le paquet officiel : tddui-bench profiles import)',
};

interface OfficialEntry {
  type: PublishedType;
  id: string;
  url?: string;
  file: string;
}

export function isPublishedType(type: string): type is PublishedType {
  return (PUBLISHED_TYPES as readonly string[]).includes(type);
}

export class Publication {
  private readonly official: OfficialEntry[] = [];
  /** Profile canonical → example instance files claiming it (from imported packages). */
  private readonly examples = new Map<string, string[]>();
  readonly packages: ImportedPackage[] = [];

  constructor(private readonly ctx: DefinitionContext, dataDir: string, private readonly benchCapability: () => JsonObject) {
    const root = join(dataDir, 'published');
    if (!existsSync(root)) return;
    for (const pkg of readdirSync(root).sort()) {
      const dir = join(root, pkg);
      if (!existsSync(join(dir, 'imported.json'))) continue;
      this.packages.push(JSON.parse(readFileSync(join(dir, 'imported.json'), 'utf8')) as ImportedPackage);
      for (const file of readdirSync(dir).sort()) {
        const m = /^([A-Za-z]+)-(.+)\.json$/.exec(file);
        if (!m || !isPublishedType(m[1])) continue;
        const r = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { url?: string };
        this.official.push({ type: m[1], id: m[2], url: r.url, file: join(dir, file) });
      }
      const exDir = join(dir, 'examples');
      if (!existsSync(exDir)) continue;
      for (const file of readdirSync(exDir).sort()) {
        const r = JSON.parse(readFileSync(join(exDir, file), 'utf8')) as { meta?: { profile?: unknown[] } };
        for (const p of r.meta?.profile ?? []) if (typeof p === 'string') this.examples.set(p, [...(this.examples.get(p) ?? []), join(exDir, file)]);
      }
    }
  }

  /** An official example of the profile (imported package), as published. */
  exampleOf(profileUrl: string): { name: string; text: string } | undefined {
    const file = this.examples.get(profileUrl)?.[0];
    return file ? { name: file.split(/[\\/]/).pop()!, text: readFileSync(file, 'utf8') } : undefined;
  }

  private load(e: OfficialEntry): Published {
    return { resource: JSON.parse(readFileSync(e.file, 'utf8')) as JsonObject, source: 'official' };
  }

  read(type: PublishedType, id: string): Published | undefined {
    const official = this.official.find((e) => e.type === type && e.id === id);
    if (official) return this.load(official);
    if (type === 'CapabilityStatement') return id === 'tddui-bench' ? { resource: this.benchCapability(), source: 'compiled' } : undefined;
    const entry = this.ctx.entries().find((e) => e.resourceType === type && e.id === id && e.package !== 'hl7.fhir.r4.core');
    return entry ? this.compiled(type, entry.url) : undefined;
  }

  search(type: PublishedType, url?: string): Published[] {
    const officials = this.official.filter((e) => e.type === type && (url === undefined || e.url === url));
    if (officials.length) return officials.map((e) => this.load(e));
    if (type === 'CapabilityStatement') {
      const own = this.benchCapability();
      return url === undefined || own.url === url ? [{ resource: own, source: 'compiled' }] : [];
    }
    const entries = this.ctx.entries().filter((e) => e.resourceType === type && e.package !== 'hl7.fhir.r4.core' && (url === undefined || e.url === url));
    return entries.map((e) => this.compiled(type, e.url)).filter((p): p is Published => !!p);
  }

  private compiled(type: PublishedType, url: string): Published | undefined {
    let r: JsonObject | undefined;
    if (type === 'StructureDefinition') {
      const def = this.ctx.structure(url)?.def;
      r = def ? (decompile(def) as unknown as JsonObject) : undefined;
    } else if (type === 'ValueSet') {
      const def = this.ctx.valueSet(url)?.def;
      r = def ? (decompile(def) as unknown as JsonObject) : undefined;
    } else if (type === 'CodeSystem') {
      const def = this.ctx.codeSystem(url)?.def;
      r = def ? (decompile(def) as unknown as JsonObject) : undefined;
    } else if (type === 'Questionnaire') {
      const q = this.ctx.questionnaire(url);
      r = q ? questionnaireOf(q) : undefined;
    }
    if (!r) return undefined;
    const meta = (r.meta ?? {}) as JsonObject;
    r.meta = { ...meta, tag: [COMPILED_TAG] };
    return { resource: r, source: 'compiled' };
  }
}

function itemOf(i: CompiledQuestionnaireItem): JsonObject {
  const item: JsonObject = { linkId: i.linkId, type: i.type };
  if (i.required) item.required = true;
  if (i.repeats) item.repeats = true;
  if (i.answerValueSet) item.answerValueSet = i.answerValueSet;
  if (i.answerOptions) item.answerOption = i.answerOptions.map((o) => ({ [`value${o.type[0].toUpperCase()}${o.type.slice(1)}`]: o.value as JsonObject }));
  if (i.items) item.item = i.items.map(itemOf);
  return item;
}

function questionnaireOf(q: CompiledQuestionnaire): JsonObject {
  return { resourceType: 'Questionnaire', id: q.id, url: q.url, ...(q.version ? { version: q.version } : {}), status: 'active', item: q.items.map(itemOf) };
}
