import { fmix } from '../fingerprintSet';

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
  return fmix(h);
}
