/**
 * Readable French pages of the profiles: `/profiles` (index) and `/profiles/{id}` (elements with
 * cardinalities, types, fixed and pattern values, slicing, bindings linked to the value sets, invariants
 * with their FHIRPath expressions, the bench's own rules for the profile, an example, the official page).
 * Built from the compiled definitions; texts are the bench's own, the specification's prose is linked.
 */
import express, { type Router } from 'express';
import type { CompiledElement, CompiledIndexEntry, CompiledStructure } from '../../definitions/compiled-types.js';
import { RULE_CATALOGUE } from '../../rules/catalogue.js';
import { pageForCanonical } from '../../reports/spec-pages.js';
import { authorize } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { profileKind } from '../../cli/commands/profiles.js';

const BINDING_STRENGTH: Record<string, string> = { required: 'obligatoire', extensible: 'extensible', preferred: 'préférée', example: 'exemple' };
const SLICING_RULES: Record<string, string> = { open: 'ouvert', closed: 'fermé', openAtEnd: 'ouvert en fin' };

export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${esc(title)} — tddui-bench</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:75rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}code,pre{font-size:.85rem}pre{background:#f6f6f6;padding:1rem;overflow:auto;max-height:40rem}.slice{background:#f3f7ff}.muted{color:#666}</style>
</head><body><p><a href="/profiles">Profils</a> · <a href="/fhir/metadata">CapabilityStatement</a> · <a href="/api/v1/openapi.json">API</a></p>
${body}
</body></html>
`;
}

function card(e: CompiledElement): string {
  return `${e.min}..${e.max < 0 ? '*' : e.max}`;
}

function profileLink(url: string, ctx: ServerContext): string {
  const local = ctx.definitions.entries().find((x) => x.resourceType === 'StructureDefinition' && x.url === url.split('|')[0] && x.package !== 'hl7.fhir.r4.core');
  return local ? `<a href="/profiles/${esc(local.id)}">${esc(local.id)}</a>` : `<a href="${esc(pageForCanonical(url))}">${esc(url.split('/').pop())}</a>`;
}

function typesCell(e: CompiledElement, ctx: ServerContext): string {
  return (e.types ?? []).map((t) => {
    const profiles = [...(t.profiles ?? []), ...(t.targetProfiles ?? [])].map((p) => profileLink(p, ctx));
    return `${esc(t.code)}${profiles.length ? ` (${profiles.join(', ')})` : ''}`;
  }).join('<br>') || (e.contentReference ? `voir ${esc(e.contentReference)}` : '');
}

function constraintsCell(e: CompiledElement): string {
  const parts: string[] = [];
  if (e.fixed) parts.push(`valeur imposée : <code>${esc(JSON.stringify(e.fixed.value))}</code>`);
  if (e.pattern) parts.push(`motif : <code>${esc(JSON.stringify(e.pattern.value))}</code>`);
  if (e.binding) {
    const vs = e.binding.valueSet;
    parts.push(`liaison ${BINDING_STRENGTH[e.binding.strength] ?? e.binding.strength}${vs ? ` : <a href="/fhir/ValueSet?url=${encodeURIComponent(vs.split('|')[0])}">${esc(vs.split('/').pop())}</a> (<a href="${esc(pageForCanonical(vs))}">page officielle</a>)` : ''}`);
  }
  if (e.slicing) {
    const d = e.slicing.discriminators.map((x) => `${x.type} sur <code>${esc(x.path)}</code>`).join(', ');
    parts.push(`découpage ${SLICING_RULES[e.slicing.rules] ?? e.slicing.rules}${e.slicing.ordered ? ', ordonné' : ''} ; discriminant : ${d || 'aucun'}`);
  }
  if (e.mustSupport) parts.push('à prendre en charge (mustSupport)');
  if (e.isModifier) parts.push('modificateur');
  if (e.maxLength) parts.push(`longueur maximale ${e.maxLength}`);
  const keys = (e.constraints ?? []).map((c) => `<a href="#inv-${esc(c.key)}">${esc(c.key)}</a>`);
  if (keys.length) parts.push(`invariants : ${keys.join(', ')}`);
  return parts.join('<br>');
}

/** Elements worth showing: not prohibited, and not below a prohibited element. */
function shownElements(s: CompiledStructure): CompiledElement[] {
  const hidden: string[] = [];
  return s.elements.filter((e) => {
    if (hidden.some((h) => e.id.startsWith(`${h}.`) || e.id.startsWith(`${h}:`))) return false;
    if (e.max === 0) {
      hidden.push(e.id);
      return false;
    }
    return true;
  });
}

function benchRules(s: CompiledStructure): { id: string; severity: string; message: string }[] {
  const page = `StructureDefinition-${s.id}.html`;
  return RULE_CATALOGUE.filter((r) => !r.id.startsWith('FHIR-') && r.specUrl.includes(page)).map((r) => ({ id: r.id, severity: r.severity, message: r.message.fr }));
}

const SEVERITY_FR: Record<string, string> = { fatal: 'fatale', error: 'erreur', warning: 'avertissement', information: 'information' };

function profilePage(s: CompiledStructure, ctx: ServerContext): string {
  const official = pageForCanonical(s.url);
  const rows = shownElements(s).map((e) => {
    const depth = e.path.split('.').length - 1;
    const name = `${'&nbsp;'.repeat(depth * 3)}${esc(e.path.split('.').pop())}${e.sliceName ? ` <strong>:${esc(e.sliceName)}</strong>` : ''}`;
    return `<tr${e.sliceName ? ' class="slice"' : ''}><td title="${esc(e.id)}">${name}</td><td>${card(e)}</td><td>${typesCell(e, ctx)}</td><td>${constraintsCell(e)}</td></tr>`;
  }).join('\n');
  const invariants = s.elements.flatMap((e) => (e.constraints ?? []).map((c) => ({ e, c })))
    .filter(({ c }, i, all) => all.findIndex((x) => x.c.key === c.key) === i)
    .map(({ e, c }) => `<tr id="inv-${esc(c.key)}"><td><code>${esc(c.key)}</code></td><td>${c.severity === 'error' ? 'erreur' : 'avertissement'}</td><td><code>${esc(e.path)}</code></td><td><code>${esc(c.expression ?? '')}</code></td><td class="muted">${c.source ? esc(c.source.split('/').pop()) : ''}</td></tr>`).join('\n');
  const rules = benchRules(s).map((r) => `<tr><td><code>${esc(r.id)}</code></td><td>${esc(SEVERITY_FR[r.severity] ?? r.severity)}</td><td>${esc(r.message)}</td></tr>`).join('\n');
  const example = ctx.publication.exampleOf(s.url);
  const base = s.baseDefinition ? profileLink(s.baseDefinition, ctx) : '';
  return page(s.name ?? s.id, `<h1>${esc(s.name ?? s.id)}</h1>
<p>Profil <code>${esc(s.url)}</code>${s.version ? ` version ${esc(s.version)}` : ''}, paquet ${esc(s.package.id)}#${esc(s.package.version)} ; type ${esc(s.type)}${base ? ` ; dérive de ${base}` : ''}.</p>
<p><a href="${esc(official)}">Page officielle du guide</a> · <a href="/fhir/StructureDefinition/${esc(s.id)}">StructureDefinition (JSON)</a></p>
<p class="muted">Vue construite par le banc à partir des définitions compilées (instantané complet) ; la définition de référence reste la page officielle.</p>
<h2>Éléments</h2>
<table><thead><tr><th>élément</th><th>card.</th><th>types</th><th>contraintes</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Invariants</h2>
${invariants ? `<table><thead><tr><th>clé</th><th>sévérité</th><th>élément</th><th>expression FHIRPath</th><th>déclaré par</th></tr></thead><tbody>\n${invariants}\n</tbody></table>` : '<p>Aucun invariant.</p>'}
<h2>Règles ajoutées par le banc</h2>
${rules ? `<table><thead><tr><th>règle</th><th>sévérité</th><th>message</th></tr></thead><tbody>\n${rules}\n</tbody></table>` : '<p>Aucune règle propre à ce profil (les règles de flux s’appliquent au Bundle : voir <a href="/profiles/tddui-bundle">tddui-bundle</a>).</p>'}
<h2>Exemple valide</h2>
${example ? `<p>Exemple officiel <code>${esc(example.name)}</code> :</p><pre>${esc(example.text)}</pre>` : '<p>Aucun exemple disponible : importez le paquet officiel (<code>tddui-bench profiles import &lt;paquet .tgz|dossier&gt;</code>) pour afficher ses exemples ici, ou consultez la <a href="' + esc(official) + '">page officielle</a>.</p>'}`);
}

const KIND_FR: Record<string, string> = { 'profil': 'Profils de ressource', 'profil-de-type': 'Profils de type de données', 'extension': 'Extensions' };

function indexPage(entries: CompiledIndexEntry[]): string {
  const groups = new Map<string, CompiledIndexEntry[]>();
  for (const e of entries) {
    const kind = profileKind(e);
    if (!KIND_FR[kind]) continue;
    const key = `${e.package} — ${KIND_FR[kind]}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const sections = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([title, list]) => `<h2>${esc(title)}</h2><ul>${
    list.sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => `<li><a href="/profiles/${esc(e.id)}">${esc(e.id)}</a> <span class="muted">${esc(e.url)}</span></li>`).join('')}</ul>`).join('\n');
  return page('Profils', `<h1>Profils vérifiés par le banc</h1>
<p>Chaque page détaille les éléments, cardinalités, types, valeurs imposées, découpages, liaisons terminologiques et invariants d’un profil, et les règles que le banc y ajoute.</p>
${sections}`);
}

export function profilePagesRouter(ctx: ServerContext): Router {
  const router = express.Router();
  const structures = () => ctx.definitions.entries().filter((e) => e.resourceType === 'StructureDefinition' && e.package !== 'hl7.fhir.r4.core' && e.derivation === 'constraint');
  router.get('/profiles', authorize(ctx.db, 'profiles.pages'), (_req, res) => {
    res.type('html').send(indexPage(structures()));
  });
  router.get('/profiles/:id', authorize(ctx.db, 'profiles.pages'), (req, res) => {
    const id = req.params.id as string;
    const entry = structures().find((e) => e.id === id);
    const s = entry ? ctx.definitions.structure(entry.url)?.def : undefined;
    if (!s) throw new HttpError(404, 'introuvable', `profil inconnu : « ${id} » (liste : /profiles)`);
    res.type('html').send(profilePage(s, ctx));
  });
  return router;
}
