import type { ElementType, VarV2 } from './model';
import { sizeOf } from './scalarTypes';

/**
 * Where a map's entry lies among its var's slots (docs/format-v2.md §2): the first key major, so
 * `m[a][b][c]` is entry Σ position(key_j) × stride_j, where stride_j is the number of entries
 * below one key of level j (the product of the later levels' key counts; the last level's is 1).
 * The one statement of the nested layout: the expression compiler and the updates read entries
 * with it, symmetry and the configuration view take entries apart with it, and Promela prints
 * its sum.
 */

/** A map var's key types, outermost first (`[]` for a plain var). */
export function keyLevels(v: Pick<VarV2, 'keys' | 'inner'>): ElementType[] {
  return v.keys === null ? [] : [v.keys, ...v.inner];
}

/** Each level's stride, outermost first (`[]` for a plain var; `[1]` for a one-level map). */
export function entryStrides(v: Pick<VarV2, 'keys' | 'inner'>, roles: { readonly instances: readonly number[] }): number[] {
  const levels = keyLevels(v);
  const strides = new Array<number>(levels.length);
  let stride = 1;
  for (let j = levels.length - 1; j >= 0; j--) {
    strides[j] = stride;
    stride *= sizeOf(levels[j]!, roles);
  }
  return strides;
}

/** The entry at the keys' positions (each 0 ≤ position < its level's key count). */
export function entryIndex(strides: readonly number[], positions: readonly number[]): number {
  let n = 0;
  for (let j = 0; j < strides.length; j++) n += positions[j]! * strides[j]!;
  return n;
}

/** The entry whose key at each level j is `image(j, position_j)` of entry `index`'s keys (symmetry's permuted keys), without allocating. */
export function mapEntry(strides: readonly number[], index: number, image: (level: number, position: number) => number): number {
  let rest = index;
  let n = 0;
  for (let j = 0; j < strides.length; j++) {
    const key = Math.floor(rest / strides[j]!);
    rest -= key * strides[j]!;
    n += image(j, key) * strides[j]!;
  }
  return n;
}

/** The keys' positions of entry `index`: `entryIndex`'s inverse. */
export function entryPositions(strides: readonly number[], index: number): number[] {
  let rest = index;
  return strides.map((stride) => {
    const key = Math.floor(rest / stride);
    rest -= key * stride;
    return key;
  });
}
