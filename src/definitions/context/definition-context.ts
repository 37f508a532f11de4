/**
 * DefinitionContext: the explicit, read-only registry of compiled definitions a validation runs against.
 * Layers are searched in order (runtime --load first, then the shipped profiles/), so a loaded package can
 * override a shipped canonical. Views are built lazily and memoised; nothing is global.
 */
import type { BuildDiagnostic, CompiledIndexEntry, CompiledQuestionnaire, CompiledResource, CompiledStructure, PackageRef } from '../compiled-types.js';
import type { CompiledProvider } from '../store/compiled-store.js';
import { StructureView } from './structure-view.js';
import { CodeSystemView, ValueSetView } from './terminology-views.js';

const CORE_SD = 'http://hl7.org/fhir/StructureDefinition/';

interface Located {
  provider: CompiledProvider;
  entry: CompiledIndexEntry;
}

export class DefinitionContext {
  private readonly byUrl = new Map<string, Located[]>();
  private readonly structures = new Map<string, StructureView | null>();
  private readonly valueSets = new Map<string, ValueSetView | null>();
  private readonly codeSystems = new Map<string, CodeSystemView | null>();
  private readonly resourceTypes = new Map<string, boolean>();

  constructor(private readonly layers: CompiledProvider[]) {
    for (const provider of layers) {
      for (const entry of provider.entries()) {
        const key = `${entry.resourceType}|${entry.url}`;
        const list = this.byUrl.get(key) ?? [];
        list.push({ provider, entry });
        this.byUrl.set(key, list);
      }
    }
  }

  private locate(resourceType: CompiledResource['resourceType'], canonical: string): Located | undefined {
    const [url, version] = canonical.split('|');
    const list = this.byUrl.get(`${resourceType}|${url}`);
    if (!list) return undefined;
    return (version && list.find((l) => l.entry.version === version)) || list[0];
  }

  has(resourceType: CompiledResource['resourceType'], canonical: string): boolean {
    if (resourceType === 'StructureDefinition') return !!this.structure(canonical);
    return !!this.locate(resourceType, canonical);
  }

  structure(canonical: string): StructureView | undefined {
    let v = this.structures.get(canonical);
    if (v === undefined) {
      const loc = this.locate('StructureDefinition', canonical);
      v = loc ? new StructureView(loc.provider.load(loc.entry) as CompiledStructure) : null;
      this.structures.set(canonical, v);
    }
    return v ?? undefined;
  }

  /** Base definition of a type or resource name ("Patient", "HumanName", "string"). */
  typeStructure(typeName: string): StructureView | undefined {
    return this.structure(CORE_SD + typeName);
  }

  isResourceType(name: string): boolean {
    let yes = this.resourceTypes.get(name);
    if (yes === undefined) {
      const loc = this.locate('StructureDefinition', CORE_SD + name);
      yes = loc?.entry.kind === 'resource' && loc.entry.derivation !== 'constraint';
      this.resourceTypes.set(name, yes);
    }
    return yes;
  }

  valueSet(canonical: string): ValueSetView | undefined {
    let v = this.valueSets.get(canonical);
    if (v === undefined) {
      const loc = this.locate('ValueSet', canonical);
      v = loc ? new ValueSetView(loc.provider.load(loc.entry) as never) : null;
      this.valueSets.set(canonical, v);
    }
    return v ?? undefined;
  }

  codeSystem(url: string): CodeSystemView | undefined {
    let v = this.codeSystems.get(url);
    if (v === undefined) {
      const loc = this.locate('CodeSystem', url);
      v = loc ? new CodeSystemView(loc.provider.load(loc.entry) as never) : null;
      this.codeSystems.set(url, v);
    }
    return v ?? undefined;
  }

  questionnaire(canonical: string): CompiledQuestionnaire | undefined {
    const loc = this.locate('Questionnaire', canonical);
    return loc ? (loc.provider.load(loc.entry) as CompiledQuestionnaire) : undefined;
  }

  /** Every index entry, first layer first (for `profiles list`). */
  entries(): CompiledIndexEntry[] {
    const seen = new Set<string>();
    const out: CompiledIndexEntry[] = [];
    for (const p of this.layers) {
      for (const e of p.entries()) {
        const key = `${e.resourceType}|${e.url}|${e.version ?? ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(e);
        }
      }
    }
    return out;
  }

  packages(): PackageRef[] {
    const seen = new Map<string, PackageRef>();
    for (const p of this.layers) for (const pkg of p.packages()) if (!seen.has(pkg.id)) seen.set(pkg.id, { id: pkg.id, version: pkg.version });
    return [...seen.values()];
  }

  diagnostics(): BuildDiagnostic[] {
    return this.layers.flatMap((p) => [...p.diagnostics()]);
  }
}
