/**
 * MurmurHash3's 32-bit mix of `n` words of `a` from `at`, with a seed: every input bit reaches
 * the low bits a hash table uses. The exact store hashes with seed 0; the threads' shared set
 * takes two seeds as one 64-bit fingerprint.
 */
export function murmur3(a: Int32Array, at: number, n: number, seed: number): number {
  let h = seed ^ n;
  for (let i = 0; i < n; i++) {
    let k = Math.imul(a[at + i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The store's hash of a one-word record: Wellons' `lowbias32` mix (two multiplies, three
 * xor-shifts; a bijection whose every input bit reaches the low bits a table uses), about half
 * of `murmur3`'s work for one word.
 */
export function mix1(k: number): number {
  k ^= k >>> 16;
  k = Math.imul(k, 0x7feb352d);
  k ^= k >>> 15;
  k = Math.imul(k, 0x846ca68b);
  return k ^ (k >>> 16);
}
