import { behaviourJson } from '../export/canonical';
import { fnv1a64 } from '../export/hash';
import type { Design } from '../model/schema';

/**
 * The design's identity as reports and diffs print it: FNV-1a 64 of the canonical JSON without
 * layout, the same hash exported code carries in its header. The one call site to switch when
 * `designIdentity(design)` lands in src/model.
 */
export function designHash(design: Design): string {
  return fnv1a64(behaviourJson(design));
}
