import { loadDesignIncrementallyV2 } from '../../model/v2/incrementalLoad';
import type { AnyLoadResultV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';

/**
 * The version-2 loader's verdict on a design, derived and cached (never stored beside it): a
 * design of participants, or one with clients (docs/format-v2.md §13; it runs as its version-1
 * model). A change of `layout` only (a drag) reuses the last result instead of compiling every expression;
 * other edits re-check only the roles whose objects changed (model/v2/incrementalLoad.ts).
 */
const cache = new WeakMap<DesignV2, AnyLoadResultV2>();
let last: { design: DesignV2; result: AnyLoadResultV2 } | null = null;

export function loadResultOfV2(design: DesignV2): AnyLoadResultV2 {
  const cached = cache.get(design);
  if (cached) return cached;
  const result = last && sameButLayout(last.design, design) ? last.result : loadDesignIncrementallyV2(design);
  cache.set(design, result);
  last = { design, result };
  return result;
}

function sameButLayout(a: DesignV2, b: DesignV2): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (k !== 'layout' && (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}
