/** What a walk needs to know about where it is: the sink, the current resource, Bundle and profile. */
import type { BundleIndex } from './bundle-index.js';
import type { JsonObject } from './json-values.js';
import type { Loc } from './finding.js';
import type { Sink } from './sink.js';

export interface Scope {
  sink: Sink;
  /** The resource being walked (FHIRPath %resource). */
  resource: JsonObject;
  /** The containing resource for contained resources, else the resource itself (%rootResource). */
  rootResource: JsonObject;
  resourceLoc: Loc;
  /** Bundle the resource sits in, for reference resolution. */
  bundle?: BundleIndex;
  bundleLoc?: Loc;
  /** fullUrl of the Bundle entry holding the resource. */
  fullUrl?: string;
  /** Canonical of the structure being walked (carried into findings). */
  profile: string;
}
