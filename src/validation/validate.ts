/**
 * Public entry point of the FHIR engine: text (JSON or XML) → located, sorted findings.
 *  1. parse (strict scanner + JSON.parse, or the FHIR XML reader) — syntax errors are fatal findings;
 *  2. walk the resource against its definitions and profiles;
 *  3. aggregate "binding not checked" notes, sort, and attach line/column.
 */
import type { DefinitionContext } from '../definitions/context/definition-context.js';
import { FhirPathRuntime } from './fhirpath-runtime.js';
import { Loc, type Finding } from './finding.js';
import { isObject, type JsonObject } from './json-values.js';
import { applyPosition, locateJson, parseJsonBytes } from './parse/json-input.js';
import { scanJsonLayout, toBytes, type JsonInput } from './parse/json-scan.js';
import { parseFhirXml } from './parse/xml-to-json.js';
import type { Scope } from './scope.js';
import { finding, Sink } from './sink.js';
import { InstanceWalker, RunState } from './walker.js';

export type InputFormat = 'json' | 'xml';

export interface ValidationSession {
  conforms(value: JsonObject, profile: string, path: string): boolean;
  findingsAgainst(value: JsonObject, profile: string, path: string): Finding[];
}

export interface ValidateOptions {
  /** Profiles the root resource must also conform to (canonical URLs). */
  profiles?: string[];
  /** Profiles applied by default to a root resource of a given type (e.g. Bundle → tddui-bundle). */
  defaultProfiles?: Record<string, string[]>;
  /**
   * Raw findings: not yet sorted, de-duplicated nor located, because the caller adds its own and finishes
   * them all at once (one sort, one position scan).
   */
  raw?: boolean;
  format?: InputFormat;
}

export interface InputValidation {
  format: InputFormat;
  /** The parsed resource (undefined when the input could not be parsed). */
  resource?: JsonObject;
  findings: Finding[];
  run: RunState;
  /** Resolves a path to a position in the input (for findings added later, e.g. TDDUI rules). */
  locate(findings: Finding[]): void;
}

/** XML when the first significant character is "<" (after an optional byte order mark). */
export function detectFormat(input: JsonInput): InputFormat {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '').trimStart()[0] === '<' ? 'xml' : 'json';
  let i = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (input[i] === 0x20 || input[i] === 0x09 || input[i] === 0x0a || input[i] === 0x0d) i++;
  return input[i] === 0x3c ? 'xml' : 'json';
}

export class FhirValidator {
  private readonly fp = new FhirPathRuntime();

  constructor(readonly ctx: DefinitionContext) {}

  /** Validates a document given as text or as its UTF-8 bytes (preferred for large inputs). */
  validateText(input: JsonInput, options: ValidateOptions = {}): InputValidation {
    const format = options.format ?? detectFormat(input);
    if (format === 'xml') {
      const text = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
      return this.validateXml(text.replace(/^\uFEFF/, ''), options);
    }
    return this.validateJson(toBytes(input), options);
  }

  private validateJson(bytes: Buffer, options: ValidateOptions): InputValidation {
    const run = new RunState();
    const scan = scanJsonLayout(bytes);
    if (scan.error || !scan.layout) {
      const f = finding('FHIR-PARSE-JSON', '(document)', { detail: scan.error?.fr ?? '', detail_en: scan.error?.en ?? '' });
      f.line = scan.error?.line;
      f.column = scan.error?.column;
      return { format: 'json', findings: [f], run, locate: () => {} };
    }
    const layout = scan.layout;
    const resource = parseJsonBytes(bytes, layout);
    const root = isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : '(racine)';
    const sink = new Sink();
    for (const d of scan.duplicates) {
      const f = finding('FHIR-JSON-DUPLICATE-KEY', `${root}${d.path === '(racine)' ? '' : d.path}`, { key: d.key });
      f.line = d.line;
      f.column = d.column;
      sink.add(f);
    }
    this.walk(resource, root, options, sink, run);
    const locate = (fs: Finding[]) => locateJson(bytes, layout, root, fs);
    const findings = options.raw ? sink.findings : finish(sink.findings);
    if (!options.raw) locate(findings);
    return { format: 'json', resource: isObject(resource) ? resource : undefined, findings, run, locate };
  }

  private validateXml(text: string, options: ValidateOptions): InputValidation {
    const run = new RunState();
    const parsed = parseFhirXml(text, this.ctx);
    const sink = new Sink();
    sink.addAll(parsed.findings);
    if (parsed.resource) this.walk(parsed.resource, String(parsed.resource.resourceType ?? '(racine)'), options, sink, run);
    const locate = (fs: Finding[]) => {
      for (const f of fs) if (f.line === undefined) applyPosition(f, f.path, parsed.positions);
    };
    const findings = options.raw ? sink.findings : finish(sink.findings);
    if (!options.raw) locate(findings);
    return { format: 'xml', resource: parsed.resource, findings, run, locate };
  }

  /** Validates an already parsed resource (no positions). */
  validateResource(resource: unknown, options: ValidateOptions = {}): InputValidation {
    const run = new RunState();
    const sink = new Sink();
    const root = isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : '(racine)';
    this.walk(resource, root, options, sink, run);
    return { format: 'json', resource: isObject(resource) ? resource : undefined, findings: finish(sink.findings), run, locate: () => {} };
  }

  private walk(resource: unknown, root: string, options: ValidateOptions, sink: Sink, run: RunState): void {
    const walker = new InstanceWalker(this.ctx, this.fp, run);
    const profiles = [...(options.profiles ?? []), ...(options.defaultProfiles?.[root] ?? [])];
    walker.validateResource(resource, Loc.root(root), sink, { profiles });
  }

  /** Conformance questions about resources of an input already validated (shares the run's memo). */
  session(v: InputValidation): ValidationSession {
    const walker = new InstanceWalker(this.ctx, this.fp, v.run);
    const scopeFor = (value: JsonObject, path: string): Scope => {
      const bundle = v.run.rootBundle;
      const entry = bundle ? v.run.entryOf.get(value) : undefined;
      return {
        sink: new Sink(), resource: value, rootResource: value, resourceLoc: Loc.parse(path),
        bundle, bundleLoc: bundle ? Loc.root('Bundle') : undefined,
        fullUrl: entry !== undefined ? bundle!.entries[entry].fullUrl : undefined, profile: '',
      };
    };
    return {
      conforms: (value, profile, path) => walker.knownConformance(value, profile) ?? walker.conforms(value, profile, Loc.parse(path), scopeFor(value, path)),
      findingsAgainst: (value, profile, path) => {
        const s = this.ctx.structure(profile);
        return s ? walker.validateAgainst(value, s, Loc.parse(path), scopeFor(value, path)) : [];
      },
    };
  }
}

/**
 * Sorts in document order, drops duplicates (the same finding made against several definitions) and
 * aggregates "not checked" bindings per value set.
 */
export function finish(findings: Finding[]): Finding[] {
  // Sort on (path in document order, rule id, parameters). No sort keys are built: on 100,000 entries
  // they cost tens of MB at the memory peak of the check. Parameters are serialised only for ties.
  const paramsJson = new Map<Finding, string>();
  const json = (f: Finding) => {
    let j = paramsJson.get(f);
    if (j === undefined) paramsJson.set(f, (j = JSON.stringify(f.params)));
    return j;
  };
  const byLocation = (a: Finding, b: Finding) => comparePaths(a.path, b.path) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  const sorted = [...findings].sort((a, b) => {
    const c = byLocation(a, b);
    if (c) return c;
    const ja = json(a);
    const jb = json(b);
    return ja < jb ? -1 : ja > jb ? 1 : 0;
  });
  const out: Finding[] = [];
  const notChecked = new Map<string, Finding>();
  let prev: Finding | undefined;
  for (const f of sorted) {
    const duplicate = prev !== undefined && byLocation(prev, f) === 0 && json(prev) === json(f);
    prev = f;
    if (duplicate) continue;
    if (f.ruleId === 'FHIR-BIND-NOT-CHECKED') {
      const group = `${f.params.valueSet}|${f.params.strength}|${f.params.reason}`;
      const first = notChecked.get(group);
      if (first) {
        first.params.count = Number(first.params.count) + Number(f.params.count ?? 1);
        continue;
      }
      const copy = { ...f, params: { ...f.params } };
      notChecked.set(group, copy);
      out.push(copy);
      continue;
    }
    out.push(f);
  }
  return out;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Document order of two paths: character order, except that array indexes compare as numbers
 * ("entry[9]" before "entry[10]"); "." sorts before "[" (an element before its items' children).
 */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let start = i;
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start--;
  if (start > 0 && a.charCodeAt(start - 1) === 0x5b && (isDigit(a.charCodeAt(i)) || isDigit(b.charCodeAt(i)))) {
    // Inside an index, from the same first digit: the longer number is the larger (no leading zeros).
    let ea = i;
    while (isDigit(a.charCodeAt(ea))) ea++;
    let eb = i;
    while (isDigit(b.charCodeAt(eb))) eb++;
    if (ea !== eb) return ea - eb;
  }
  if (i === n) return a.length - b.length;
  return a.charCodeAt(i) - b.charCodeAt(i);
}
