/**
 * Every resource of a TDDUI export must be one of the 30 TDDUI entry profiles, by what it claims
 * (meta.profile) and by what it is (its content). The Bundle's open profile slicing lets a resource that
 * fits no slice pass silently; these rules do not.
 */
import { isBlocking } from '../../validation/finding.js';
import { isObject } from '../../validation/json-values.js';
import { inputResources, type CheckRule, type RuleContext } from '../rule.js';
import { profileId, tdduiEntryProfiles } from './entry-profiles.js';
import { FLOW_PAGE, profilePage } from './spec-links.js';

interface Classification {
  readonly claimed: readonly string[];
  readonly matched: readonly string[];
  readonly candidates: readonly string[];
}

const memo = new WeakMap<object, Classification>();
/**
 * Classifications are few distinct values (resource type × claimed × matched): one shared object each,
 * not one object and three arrays per resource of a 100,000-entry export.
 */
const shared = new Map<string, Classification>();

/** Which TDDUI entry profiles a resource claims and satisfies (memoised per resource). */
export function classify(ctx: RuleContext, resource: Record<string, unknown>, path: string): Classification {
  let c = memo.get(resource);
  if (!c) {
    const candidates = tdduiEntryProfiles(ctx.definitions).filter((p) => p.type === resource.resourceType).map((p) => p.profile);
    const meta = isObject(resource.meta) && Array.isArray(resource.meta.profile) ? resource.meta.profile : [];
    const claimed = candidates.filter((p) => meta.some((m) => typeof m === 'string' && m.split('|')[0] === p));
    // A conforming claimed profile settles it: the other candidates are not walked (PRF-003/004 need them
    // only when no claimed profile conforms).
    const claimedOk = claimed.filter((p) => ctx.conforms(resource as never, p, path));
    const matched = claimedOk.length ? claimedOk : candidates.filter((p) => !claimed.includes(p) && ctx.conforms(resource as never, p, path));
    const key = [candidates, claimed, matched].map((l) => l.join(' ')).join('|');
    c = shared.get(key);
    if (!c) shared.set(key, (c = Object.freeze({ claimed, matched, candidates })));
    memo.set(resource, c);
  }
  return c;
}

/**
 * Inside a Bundle every entry must be an entry profile. A single resource is classified only when TDDUI
 * has entry profiles for its type and it does not claim another known profile (e.g. the abstract parent
 * tddui-task-transport, or a Location): it is then validated against what it claims, not classified.
 */
function subjects(ctx: RuleContext) {
  const all = inputResources(ctx);
  if (ctx.bundle) return all;
  const entry = tdduiEntryProfiles(ctx.definitions);
  return all.filter((r) => {
    if (!entry.some((p) => p.type === r.resource.resourceType)) return false;
    const claimed = isObject(r.resource.meta) && Array.isArray(r.resource.meta.profile) ? r.resource.meta.profile : [];
    return !claimed.some((m) => typeof m === 'string' && ctx.definitions.has('StructureDefinition', m) && !entry.some((p) => p.profile === m.split('|')[0]));
  });
}

export const PROFILE_RULES: CheckRule[] = [
  {
    id: 'TDDUI-PRF-001', category: 'profils TDDUI', severity: 'error', specUrl: profilePage('tddui-bundle'),
    message: {
      fr: '{type} conforme à aucun profil d’entrée TDDUI ({candidates}) ; profil le plus proche : {closest}',
      en: '{type} conforms to no TDDUI entry profile ({candidates}); closest profile: {closest}',
    },
    hint: { fr: 'Corriger les erreurs relevées contre le profil le plus proche, ou retirer cette ressource de l’export.', en: 'Fix the errors found against the closest profile, or remove the resource from the export.' },
    check(ctx) {
      for (const r of subjects(ctx)) {
        const c = classify(ctx, r.resource, r.path);
        if (c.matched.length) continue;
        if (c.claimed.length) continue; // TDDUI-PRF-002 explains it
        if (!c.candidates.length) {
          ctx.report(this.id, r.path, { type: String(r.resource.resourceType), candidates: 'aucun pour ce type', candidates_en: 'none for this type', closest: '—' });
          continue;
        }
        // Show the errors against the closest candidate: they say what to fix.
        const scored = c.candidates.map((p) => ({ p, errors: ctx.findingsAgainst(r.resource, p, r.path).filter((f) => isBlocking(f.severity)).length }));
        scored.sort((a, b) => a.errors - b.errors || (a.p < b.p ? -1 : 1));
        const closest = scored[0];
        ctx.include(ctx.findingsAgainst(r.resource, closest.p, r.path));
        ctx.report(this.id, r.path, {
          type: String(r.resource.resourceType),
          candidates: c.candidates.map(profileId).join(', '),
          closest: `${profileId(closest.p)} (${closest.errors} erreur(s))`,
          closest_en: `${profileId(closest.p)} (${closest.errors} error(s))`,
          closestProfile: closest.p,
        });
      }
    },
  },
  {
    id: 'TDDUI-PRF-002', category: 'profils TDDUI', severity: 'error', specUrl: FLOW_PAGE,
    message: { fr: 'La ressource déclare le profil {profile} mais n’y est pas conforme', en: 'The resource claims profile {profile} but does not conform to it' },
    hint: { fr: 'Voir les erreurs relevées contre ce profil pour la même ressource.', en: 'See the errors found against this profile for the same resource.' },
    check(ctx) {
      for (const r of subjects(ctx)) {
        const c = classify(ctx, r.resource, r.path);
        for (const p of c.claimed) if (!c.matched.includes(p)) ctx.report(this.id, r.path, { profile: profileId(p) });
      }
    },
  },
  {
    id: 'TDDUI-PRF-003', category: 'profils TDDUI', severity: 'warning', specUrl: profilePage('tddui-bundle'),
    message: { fr: 'Ressource conforme à plusieurs profils TDDUI ({matched}) sans en déclarer un : classement ambigu', en: 'Resource conforms to several TDDUI profiles ({matched}) without claiming one: ambiguous' },
    hint: { fr: 'Déclarer le profil voulu dans meta.profile.', en: 'Declare the intended profile in meta.profile.' },
    check(ctx) {
      for (const r of subjects(ctx)) {
        const c = classify(ctx, r.resource, r.path);
        if (c.matched.length > 1 && !c.claimed.some((p) => c.matched.includes(p))) ctx.report(this.id, r.path, { matched: c.matched.map(profileId).join(', ') });
      }
    },
  },
  {
    id: 'TDDUI-PRF-004', category: 'profils TDDUI', severity: 'information', specUrl: profilePage('tddui-bundle'),
    message: { fr: 'Aucun profil TDDUI déclaré ; classée d’après son contenu comme {matched}', en: 'No TDDUI profile claimed; classified by content as {matched}' },
    check(ctx) {
      for (const r of subjects(ctx)) {
        const c = classify(ctx, r.resource, r.path);
        if (!c.claimed.length && c.matched.length === 1) ctx.report(this.id, r.path, { matched: profileId(c.matched[0]) });
      }
    },
  },
];

