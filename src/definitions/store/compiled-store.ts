/**
 * Read side of profiles/: the index is read at start-up, each resource file on first use.
 * A store is a read-only provider of compiled resources; in-memory providers (for --load) share the interface.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_FORMAT_VERSION, type BuildDiagnostic, type CompiledIndex, type CompiledIndexEntry, type CompiledResource, type PackageRef } from '../compiled-types.js';

export interface CompiledProvider {
  /** All entries this provider can return, for listings and lookups by url. */
  entries(): readonly CompiledIndexEntry[];
  load(entry: CompiledIndexEntry): CompiledResource;
  packages(): readonly (PackageRef & { origin: string })[];
  diagnostics(): readonly BuildDiagnostic[];
}

export class CompiledStoreError extends Error {}

export class DiskCompiledStore implements CompiledProvider {
  private readonly index: CompiledIndex;
  private readonly cache = new Map<string, CompiledResource>();

  constructor(private readonly dir: string) {
    const file = join(dir, 'index.json');
    if (!existsSync(file)) throw new CompiledStoreError(`profils compilés absents (${file}) : lancer « npm run profiles:build »`);
    this.index = JSON.parse(readFileSync(file, 'utf8')) as CompiledIndex;
    if (this.index.format !== COMPILED_FORMAT_VERSION) throw new CompiledStoreError(`format de profils compilés ${this.index.format} non pris en charge (attendu ${COMPILED_FORMAT_VERSION})`);
  }

  entries(): readonly CompiledIndexEntry[] {
    return this.index.resources;
  }

  packages() {
    return this.index.packages;
  }

  diagnostics() {
    return this.index.diagnostics;
  }

  load(entry: CompiledIndexEntry): CompiledResource {
    let r = this.cache.get(entry.file);
    if (!r) {
      r = JSON.parse(readFileSync(join(this.dir, entry.file), 'utf8')) as CompiledResource;
      this.cache.set(entry.file, r);
    }
    return r;
  }
}

export class MemoryCompiledStore implements CompiledProvider {
  private readonly list: CompiledIndexEntry[];
  private readonly byFile = new Map<string, CompiledResource>();

  constructor(resources: CompiledResource[], private readonly pkgs: (PackageRef & { origin: string })[], private readonly diags: BuildDiagnostic[]) {
    this.list = resources.map((r, i) => {
      const file = `mem:${i}`;
      this.byFile.set(file, r);
      return {
        resourceType: r.resourceType, url: r.url, version: r.version, id: r.id, package: r.package.id, file,
        ...(r.resourceType === 'StructureDefinition' ? { kind: r.kind, type: r.type, derivation: r.derivation } : {}),
      };
    });
  }

  entries() {
    return this.list;
  }

  packages() {
    return this.pkgs;
  }

  diagnostics() {
    return this.diags;
  }

  load(entry: CompiledIndexEntry): CompiledResource {
    return this.byFile.get(entry.file)!;
  }
}
