import { loadDesignValue } from '../model/load';
import type { LoadResult } from '../model/model';
import type { Design } from '../model/schema';

/**
 * The model's verdict on a design, derived and cached, never stored beside the design. Moving
 * states changes only `layout`, which has no semantics, so such a design reuses the last result
 * instead of re-checking every expression on each drag.
 */
const cache = new WeakMap<Design, LoadResult>();
let last: { design: Design; result: LoadResult } | null = null;

export function loadResultOf(design: Design): LoadResult {
  const cached = cache.get(design);
  if (cached) return cached;
  const result = last && sameButLayout(last.design, design) ? last.result : loadDesignValue(design);
  cache.set(design, result);
  last = { design, result };
  return result;
}

function sameButLayout(a: Design, b: Design): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'layout') continue;
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}
