/**
 * The 30 TDDUI entry profiles, read from the compiled tddui-bundle (entry slices by profile on `resource`),
 * grouped by resource type. Derived once per definition context.
 */
import type { DefinitionContext } from '../../definitions/context/definition-context.js';
import { BUNDLE_PROFILE } from './bundle-rules.js';

export interface EntryProfile {
  slice: string;
  profile: string;
  type: string;
}

const cache = new WeakMap<DefinitionContext, EntryProfile[]>();

export function tdduiEntryProfiles(ctx: DefinitionContext): EntryProfile[] {
  let list = cache.get(ctx);
  if (!list) {
    list = [];
    const bundle = ctx.structure(BUNDLE_PROFILE);
    const entry = bundle?.root.children.find((c) => c.name === 'entry');
    for (const slice of entry?.slices ?? []) {
      const resource = slice.children.find((c) => c.name === 'resource');
      const profile = resource?.el.types?.[0]?.profiles?.[0];
      const s = profile ? ctx.structure(profile) : undefined;
      if (profile && s) list.push({ slice: slice.el.sliceName ?? '', profile: profile.split('|')[0], type: s.def.type });
    }
    cache.set(ctx, list);
  }
  return list;
}

export function profileId(canonical: string): string {
  return canonical.slice(canonical.lastIndexOf('/') + 1);
}
