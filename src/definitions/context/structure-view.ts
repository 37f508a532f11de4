/**
 * Tree view of a compiled StructureDefinition: element nodes with their children and slices,
 * built once per structure from the flat snapshot list (element ids tell the nesting).
 */
import type { CompiledElement, CompiledStructure, CompiledType } from '../compiled-types.js';
import { suffixOfType } from '../fhir-primitive-types.js';

export interface ChoiceMatch {
  node: ElementNode;
  type: CompiledType;
  /** The JSON property name matched ("valueString" for value[x] as string). */
  key: string;
}

export class ElementNode {
  readonly children: ElementNode[] = [];
  readonly slices: ElementNode[] = [];
  /** The element this one slices (undefined when it is not a slice). */
  slicedFrom?: ElementNode;
  /** Last path segment: "identifier", "value[x]" (read in hot loops: computed once). */
  readonly name: string;
  /** The name without "[x]": the segment of a location when no JSON property names it. */
  readonly baseName: string;
  readonly isChoice: boolean;
  private keyMap?: Map<string, ChoiceMatch>;
  private requiredSlice?: boolean;

  constructor(
    readonly el: CompiledElement,
    readonly structure: StructureView,
    readonly parent: ElementNode | undefined,
  ) {
    this.name = el.path.slice(el.path.lastIndexOf('.') + 1);
    this.isChoice = el.path.endsWith('[x]');
    this.baseName = this.isChoice ? this.name.slice(0, -3) : this.name;
  }

  /** Some slice of this element is required (min ≥ 1), so its absence must still be checked. */
  get hasRequiredSlice(): boolean {
    // Slices are all attached when the structure view is built, before any walk reads this.
    return (this.requiredSlice ??= this.slices.some((s) => s.el.min > 0));
  }

  /**
   * Child for a JSON property name: an exact element name, or a choice element `value[x]`
   * matched as `valueString` with the type it selects.
   */
  childForKey(key: string): ChoiceMatch | undefined {
    if (!this.keyMap) this.keyMap = buildKeyMap(this.children);
    return this.keyMap.get(key);
  }
}

function buildKeyMap(children: ElementNode[]): Map<string, ChoiceMatch> {
  const map = new Map<string, ChoiceMatch>();
  for (const c of children) {
    const types = c.el.types ?? [];
    if (c.isChoice) {
      const prefix = c.name.slice(0, -3);
      for (const t of types) {
        const key = prefix + suffixOfType(t.code);
        map.set(key, { node: c, type: t, key });
      }
    } else {
      map.set(c.name, { node: c, type: types[0] ?? { code: 'BackboneElement' }, key: c.name });
    }
  }
  // Renamed choice elements (e.g. "valueQuantity" in older snapshots) are exact names and win.
  for (const c of children) if (!c.isChoice && c.el.types?.length === 1) map.set(c.name, { node: c, type: c.el.types[0], key: c.name });
  return map;
}

export class StructureView {
  readonly root: ElementNode;
  private readonly byId = new Map<string, ElementNode>();

  constructor(readonly def: CompiledStructure) {
    let root: ElementNode | undefined;
    for (const el of def.elements) {
      const { parentId, slicedId } = splitId(el);
      if (!root) {
        root = new ElementNode(el, this, undefined);
        this.byId.set(el.id, root);
        continue;
      }
      if (slicedId !== undefined) {
        const sliced = this.byId.get(slicedId);
        if (!sliced) continue; // malformed snapshot: a slice without its sliced element
        const node = new ElementNode(el, this, sliced.parent);
        node.slicedFrom = sliced;
        sliced.slices.push(node);
        this.byId.set(el.id, node);
      } else {
        const parent = parentId !== undefined ? this.byId.get(parentId) : undefined;
        if (!parent) continue;
        const node = new ElementNode(el, this, parent);
        parent.children.push(node);
        this.byId.set(el.id, node);
      }
    }
    if (!root) throw new Error(`${def.url} : aucun élément`);
    this.root = root;
  }

  get url(): string {
    return this.def.url;
  }

  node(id: string): ElementNode | undefined {
    return this.byId.get(id);
  }
}

/**
 * "Patient.identifier:INS.system" → parent "Patient.identifier:INS";
 * "Patient.identifier:INS" → slice of "Patient.identifier"; "A.b:x/y" → reslice of "A.b:x".
 */
function splitId(el: CompiledElement): { parentId?: string; slicedId?: string } {
  const id = el.id;
  const lastDot = lastSegmentStart(id);
  const last = id.slice(lastDot + 1);
  const colon = last.indexOf(':');
  if (colon >= 0 && el.sliceName !== undefined) {
    const slice = last.slice(colon + 1);
    const slash = slice.lastIndexOf('/');
    const base = slash >= 0 ? `${last.slice(0, colon)}:${slice.slice(0, slash)}` : last.slice(0, colon);
    return { slicedId: (lastDot >= 0 ? id.slice(0, lastDot + 1) : '') + base };
  }
  return { parentId: lastDot >= 0 ? id.slice(0, lastDot) : undefined };
}

/** Index of the dot before the last segment, ignoring dots inside a slice name. */
function lastSegmentStart(id: string): number {
  let inSlice = false;
  let last = -1;
  for (let i = 0; i < id.length; i++) {
    const ch = id[i];
    if (ch === ':') inSlice = true;
    else if (ch === '.') {
      // a dot ends a slice name only when followed by an element name
      if (!inSlice || /[a-z_]/.test(id[i + 1] ?? '')) {
        last = i;
        inSlice = false;
      }
    }
  }
  return last;
}
