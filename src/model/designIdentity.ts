import { behaviourJson } from './canonical';
import { fnv1a64 } from './fnv1a64';
import type { Design } from './schema';

/**
 * The one identity of a design: FNV-1a 64 of its canonical JSON without the layout, as 16 hex
 * digits. Key order, whitespace and positions do not change it; any change of behaviour does.
 * Export headers print it, trace files carry it, the UI compares it to tell a stale run or check
 * result, and a check worker receives it with the design (`handoff.ts`).
 */
export function designIdentity(design: Design): string {
  const known = cache.get(design);
  if (known !== undefined) return known;
  const identity = fnv1a64(behaviourJson(design));
  cache.set(design, identity);
  return identity;
}

// Designs are immutable values (every edit makes a new object), so an identity is computed once per design.
const cache = new WeakMap<Design, string>();
