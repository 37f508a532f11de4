/**
 * Where a value sits, for extension context checks: its path from the resource ("Patient.address.line")
 * and from each enclosing data type ("Address.line"). Built as a linked list during the walk (one small
 * object per element) and turned into strings only when an extension asks.
 */
export class ContextPath {
  private constructor(
    private readonly parent: ContextPath | undefined,
    private readonly name: string,
    /** A data type boundary: starts an alias path named after the type, adds no segment to the others. */
    private readonly dataType: boolean,
  ) {}

  static root(type: string): ContextPath {
    return new ContextPath(undefined, type, false);
  }

  child(name: string): ContextPath {
    return new ContextPath(this, name, false);
  }

  asDataType(type: string): ContextPath {
    return new ContextPath(this, type, true);
  }

  /** [path from the resource, path from each enclosing data type, innermost last]. */
  list(): string[] {
    const chain: ContextPath[] = [];
    for (let p: ContextPath | undefined = this; p; p = p.parent) chain.unshift(p);
    const paths: string[] = [];
    for (const p of chain) {
      if (!p.parent) paths.push(p.name);
      else if (p.dataType) paths.push(p.name);
      else for (let i = 0; i < paths.length; i++) paths[i] = `${paths[i]}.${p.name}`;
    }
    return paths;
  }
}
