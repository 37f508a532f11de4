/**
 * Runs the CDA rule table on a parsed document: rules compiled once per process (XPath → closures,
 * value sets → Sets per version), then each rule's context selected and its check applied.
 */
import type { Finding, FindingParams } from '../../validation/finding.js';
import facts from '../facts/cda-facts.json' with { type: 'json' };
import { compileXPath, selectElements, toBoolean, toStringValue, type Compiled } from '../xml/xpath-lite.js';
import { xpathOf, type XElement, type XmlDocument } from '../xml/xml-tree.js';
import type { CdaHit, CdaRule, CdaRuleContext, CdaVersion } from './cda-rule.js';

interface CompiledRule {
  rule: CdaRule;
  context: Compiled;
  run(el: XElement, ctx: CdaRuleContext): CdaHit[];
}

type Facts = { versions: Record<string, Record<string, { name: string; codes: string[] }>> };
const FACTS = facts as Facts;

const valueSetCache = new Map<string, ReadonlySet<string>>();

export function valueSetCodes(version: CdaVersion, oid: string): ReadonlySet<string> | undefined {
  const key = `${version}|${oid}`;
  let set = valueSetCache.get(key);
  if (!set) {
    const vs = FACTS.versions[version]?.[oid];
    if (!vs) return undefined;
    set = new Set(vs.codes);
    valueSetCache.set(key, set);
  }
  return set;
}

export function valueSetName(oid: string): string {
  return FACTS.versions['1.1.0']?.[oid]?.name ?? oid;
}

function compileRule(rule: CdaRule): CompiledRule {
  const context = compileXPath(rule.context);
  const check = rule.check;
  if ('test' in check) {
    const test = compileXPath(check.test);
    const at = check.at ? compileXPath(check.at) : undefined;
    const params = Object.entries(check.params ?? {}).map(([k, x]) => [k, compileXPath(x)] as const);
    return {
      rule, context,
      run: (el, ctx) => {
        if (toBoolean(test(el, ctx.doc))) return [];
        const p: FindingParams = {};
        for (const [k, x] of params) p[k] = toStringValue(x(el, ctx.doc));
        const target = at ? selectElements(at, el, ctx.doc)[0] : undefined;
        return [{ el: target ?? el, params: p }];
      },
    };
  }
  if ('valueSet' in check) {
    const select = check.select ? compileXPath(check.select) : undefined;
    const oids = Array.isArray(check.valueSet) ? check.valueSet : [check.valueSet as string];
    const label = oids.map(valueSetName).join(' ∪ ');
    for (const oid of oids) if (!FACTS.versions['1.1.0']?.[oid]) throw new Error(`jeu de valeurs absent des faits CDA : ${oid} (${rule.id})`);
    return {
      rule, context,
      run: (el, ctx) => {
        const hits: CdaHit[] = [];
        for (const target of select ? selectElements(select, el, ctx.doc) : [el]) {
          if (check.by === 'text') {
            const code = target.text.trim();
            if (!oids.some((o) => [...(ctx.valueSet(o) ?? [])].some((c) => c.split('|')[0] === code))) hits.push({ el: target, params: { found: code, valueSet: label } });
            continue;
          }
          if (target.attrs.nullFlavor !== undefined && target.attrs.code === undefined) {
            if (check.nullFlavor === 'forbidden') hits.push({ el: target, params: { found: `nullFlavor=${target.attrs.nullFlavor}`, valueSet: label } });
            continue;
          }
          const pair = `${target.attrs.code ?? ''}|${target.attrs.codeSystem ?? ''}`;
          if (!oids.some((o) => ctx.valueSet(o)?.has(pair))) hits.push({ el: target, params: { found: pair, valueSet: label } });
        }
        return hits;
      },
    };
  }
  return { rule, context, run: check.custom };
}

export class CdaRuleSet {
  private readonly compiled: CompiledRule[];

  constructor(readonly rules: readonly CdaRule[]) {
    this.compiled = rules.map(compileRule);
  }

  /** Findings of every rule of the version; paths are indexed XPaths, positions those of the start tags. */
  evaluate(doc: XmlDocument, version: CdaVersion): Finding[] {
    const ctx: CdaRuleContext = { doc, version, valueSet: (oid) => valueSetCodes(version, oid) };
    const out: Finding[] = [];
    const root = doc.root;
    if (!root) return out;
    for (const c of this.compiled) {
      if (c.rule.versions && !c.rule.versions.includes(version)) continue;
      for (const el of selectElements(c.context, root, doc)) {
        for (const hit of c.run(el, ctx)) {
          out.push({ ruleId: c.rule.id, severity: c.rule.severity, path: xpathOf(hit.el), params: hit.params ?? {}, line: hit.el.line, column: hit.el.column });
        }
      }
    }
    return out;
  }
}
