import { describe, expect, it } from 'vitest';
import { ConfigurationStore } from './configurationStore';
import { fmix } from '../fingerprintSet';

/** A small deterministic generator (xorshift), so a failure repeats. */
function words(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x | 0;
  };
}

describe('ConfigurationStore', () => {
  it('numbers each distinct record once, in the order first added, through growth, the cache of recent records and the table tags (dropped past 2^recordBits - 1 records)', () => {
    for (const [w, recordBits] of [[1, 26], [2, 26], [3, 26], [2, 10]] as const) {
      const next = words(w * 7919 + recordBits);
      const store = new ConfigurationStore(w, recordBits);
      const known = new Map<string, number>();
      const pool: Int32Array[] = [];
      const key = new Int32Array(w);
      const wrong: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        // Half the lookups repeat a record seen before, near (as a search meets them) or far back.
        const repeat = pool.length > 0 && (next() & 1) === 0;
        if (repeat) {
          const back = (next() >>> 0) % Math.min(pool.length, (next() & 3) === 0 ? pool.length : 16);
          key.set(pool[pool.length - 1 - back]!);
        } else for (let k = 0; k < w; k++) key[k] = next() & 0x3fff; // few bits: many records share hash bits
        const text = key.join(',');
        const expected = known.get(text);
        const r = store.add(key, 0);
        const want = expected ?? known.size;
        if (store.added !== (expected === undefined) || r !== want) wrong.push(`${text}: ${r} (added ${store.added}), expected ${want}`);
        if (expected === undefined) {
          known.set(text, r);
          pool.push(Int32Array.from(key));
        }
      }
      expect(wrong.slice(0, 3)).toEqual([]);
      expect(store.count).toBe(known.size);
      for (const [text, r] of known) expect(Array.from(store.records.subarray(r * w, r * w + w)).join(',')).toBe(text);
    }
  });

  it('adds an all-zero record to an empty store (an empty cache entry is not a record of zeros)', () => {
    for (const w of [1, 2]) {
      const store = new ConfigurationStore(w);
      const zero = new Int32Array(w);
      expect([store.add(zero, 0), store.added]).toEqual([0, true]);
      expect([store.add(zero, 0), store.added]).toEqual([0, false]);
      expect(store.count).toBe(1);
    }
  });

  it('hashes one word with fmix, a bijection (distinct words, distinct hashes)', () => {
    const next = words(12345);
    const seen = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const k = i < 50_000 ? i - 25_000 : next();
      const h = fmix(k);
      expect(seen.get(h) ?? k).toBe(k);
      seen.set(h, k);
    }
  });
});
