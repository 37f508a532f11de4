/**
 * Renders findings for people: the catalogue's template filled with the finding's parameters, in French
 * (default) or English, plus the spec link and fix hint. This is the only place prose is produced.
 */
import { ruleDefinition } from '../rules/catalogue.js';
import type { Finding, FindingParams } from '../validation/finding.js';
import { pageForCanonical } from './spec-pages.js';

export type Lang = 'fr' | 'en';

/** `{name}` → parameter value; for English, `name_en` wins when present. */
export function fill(template: string, params: FindingParams, lang: Lang): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const v = (lang === 'en' ? params[`${name}_en`] : undefined) ?? params[name];
    return v === undefined ? '' : String(v);
  });
}

/** Parameters computed for rendering (never stored in findings). */
function renderParams(f: Finding, lang: Lang): FindingParams {
  const p: FindingParams = { ...f.params };
  if (f.ruleId.startsWith('FHIR-INV-') && ruleDefinition(f.ruleId).id === 'FHIR-INV') {
    p.human = typeof f.params.human === 'string' && f.params.human ? ` : ${f.params.human}` : '';
    if (lang === 'en' && p.human) p.human_en = ` - ${f.params.human}`;
  }
  return p;
}

export function renderMessage(f: Finding, lang: Lang): string {
  return fill(ruleDefinition(f.ruleId).message[lang], renderParams(f, lang), lang).replace(/\s+/g, ' ').trim();
}

export function renderHint(f: Finding, lang: Lang): string | undefined {
  const h = ruleDefinition(f.ruleId).hint;
  return h ? fill(h[lang], renderParams(f, lang), lang) : undefined;
}

/** The spec page: the rule's link with `{profilePage}`, `{constraintPage}`, `{typePage}` resolved. */
export function specUrl(f: Finding): string {
  const template = ruleDefinition(f.ruleId).specUrl;
  const source = typeof f.params.source === 'string' ? f.params.source : f.profile;
  return template
    .replace('{profilePage}', f.profile ? pageForCanonical(f.profile) : 'http://hl7.org/fhir/R4/profiling.html')
    .replace('{constraintPage}', source ? pageForCanonical(source) : 'http://hl7.org/fhir/R4/conformance-rules.html#constraints')
    .replace('{typePage}', typePage(String(f.params.type ?? '')))
    .replace(/\{[A-Za-z]+\}/g, (m) => encodeURIComponent(String(f.params[m.slice(1, -1)] ?? '')));
}

function typePage(type: string): string {
  if (!type) return 'resourcelist.html';
  return /^[A-Z]/.test(type) && !type.includes('.') ? `${type.toLowerCase()}.html` : 'datatypes.html';
}
