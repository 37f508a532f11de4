/**
 * Narrative XHTML (txt-1, txt-2): well-formed XHTML in a <div> of the XHTML namespace, only basic
 * formatting (no scripts, forms, frames, event handlers), some non-whitespace content, no DOCTYPE.
 * See http://hl7.org/fhir/R4/narrative.html#xhtml
 */
import { SaxesParser } from 'saxes';
import type { Loc } from './finding.js';
import type { Scope } from './scope.js';
import { finding } from './sink.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'object', 'applet', 'embed', 'iframe', 'frame', 'frameset', 'form', 'input', 'button', 'select', 'textarea', 'base', 'link', 'meta', 'head', 'body', 'html', 'title']);

export function checkNarrativeDiv(xhtml: string, loc: Loc, scope: Scope): void {
  const problem = narrativeProblem(xhtml);
  if (problem) scope.sink.add(finding('FHIR-NARRATIVE', loc, { detail: problem.fr, detail_en: problem.en }, scope.profile));
}

export function narrativeProblem(xhtml: string): { fr: string; en: string } | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let rootOk = false;
  let content = false;
  let problem: { fr: string; en: string } | undefined;
  const fail = (fr: string, en: string) => {
    problem = problem ?? { fr, en };
  };
  parser.on('doctype', () => fail('déclaration DOCTYPE interdite', 'DOCTYPE declaration not allowed'));
  parser.on('opentag', (tag) => {
    if (depth === 0) rootOk = tag.local === 'div' && tag.uri === XHTML_NS;
    if (tag.uri !== XHTML_NS) fail(`élément <${tag.name}> hors de l’espace de noms XHTML`, `element <${tag.name}> outside the XHTML namespace`);
    if (FORBIDDEN_ELEMENTS.has(tag.local)) fail(`élément <${tag.local}> interdit`, `element <${tag.local}> not allowed`);
    if (tag.local === 'img') content = true;
    for (const a of Object.values(tag.attributes)) {
      if (/^on/i.test(a.local)) fail(`attribut d’événement ${a.local} interdit`, `event attribute ${a.local} not allowed`);
      if (/^\s*javascript:/i.test(a.value)) fail('URL javascript: interdite', 'javascript: URL not allowed');
    }
    depth++;
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('text', (t) => {
    if (t.trim()) content = true;
  });
  parser.on('error', (e) => {
    throw e;
  });
  try {
    parser.write(xhtml).close();
  } catch (e) {
    return { fr: `XHTML mal formé (${(e as Error).message})`, en: `malformed XHTML (${(e as Error).message})` };
  }
  if (!rootOk) return { fr: 'la racine doit être <div xmlns="http://www.w3.org/1999/xhtml">', en: 'the root must be <div xmlns="http://www.w3.org/1999/xhtml">' };
  if (!problem && !content) return { fr: 'le narratif n’a aucun contenu (txt-2)', en: 'the narrative has no content (txt-2)' };
  return problem;
}
