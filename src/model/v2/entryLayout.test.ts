import { describe, expect, it } from 'vitest';
import { nestedDesign } from '../../export/v2/testing/nestedDesign';
import { entryIndex, entryPositions, entryStrides, keyLevels, mapEntry } from './entryLayout';
import { loadDesignValueV2 } from './load';
import { sizeOf } from './scalarTypes';

const counts = { instances: [2] };

describe('the entry position of a map var, first key major (entryLayout.ts)', () => {
  it('strides: the product of the later levels\' key counts; a plain var has none, a one-level map stride 1', () => {
    expect(entryStrides({ keys: null, inner: [] }, counts)).toEqual([]);
    expect(entryStrides({ keys: { kind: 'id', role: 0 }, inner: [] }, counts)).toEqual([1]);
    // t[bool][x|y|z][1..2]: 3 × 2 entries below a bool key, 2 below an enum key.
    expect(entryStrides({ keys: { kind: 'bool' }, inner: [{ kind: 'enum', values: ['x', 'y', 'z'] }, { kind: 'int', lo: 1, hi: 2 }] }, counts)).toEqual([6, 2, 1]);
    expect(entryStrides({ keys: { kind: 'id', role: 0 }, inner: [{ kind: 'id', role: 0 }] }, counts)).toEqual([2, 1]);
  });

  it('t[false]["y"][1] is entry 0 × 6 + 1 × 2 + 0 = 2; every entry of a loaded nested map has one key tuple and back', () => {
    expect(entryIndex([6, 2, 1], [0, 1, 0])).toBe(2);
    const loaded = loadDesignValueV2(nestedDesign());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const roles = { instances: loaded.model.roles.map((r) => r.instances) };
    for (const v of loaded.model.roles[0]!.vars) {
      const strides = entryStrides(v, roles);
      expect(strides[0]! * sizeOf(keyLevels(v)[0]!, roles)).toBe(v.width);
      const seen = new Set<string>();
      for (let k = 0; k < v.width; k++) {
        const keys = entryPositions(strides, k);
        keys.forEach((p, j) => expect(p).toBeLessThan(j === 0 ? v.width / strides[0]! : strides[j - 1]! / strides[j]!));
        seen.add(keys.join(','));
        expect(entryIndex(strides, keys)).toBe(k);
        expect(mapEntry(strides, k, (_, p) => p)).toBe(k);
      }
      expect(seen.size).toBe(v.width);
    }
  });

  it('mapEntry moves each level\'s key as asked: swapping the first level\'s two keys moves an entry by its stride', () => {
    const strides = [6, 2, 1];
    expect(mapEntry(strides, 2, (j, p) => (j === 0 ? 1 - p : p))).toBe(8);
    expect(mapEntry(strides, 11, (j, p) => (j === 2 ? 1 - p : p))).toBe(10);
  });
});
