import { fnv1a64 } from '../fnv1a64';
import type { DesignV2 } from './schema';

/**
 * The one identity of a version-2 design: FNV-1a 64 of its JSON without the layout (moving a
 * state keeps it). Runs, checks and review reports name a design by it. Designs are immutable
 * values: one hash each.
 */
const identities = new WeakMap<DesignV2, string>();

export function designIdentityV2(design: DesignV2): string {
  let id = identities.get(design);
  if (id === undefined) {
    const { layout: _layout, ...behaviour } = design;
    id = fnv1a64(JSON.stringify(behaviour));
    identities.set(design, id);
  }
  return id;
}
