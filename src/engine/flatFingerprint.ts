import type { FlatCodec } from './flatCodec';
import { fmix } from './fingerprintSet';
import type { FlatLayout } from './flatLayout';

/**
 * Zobrist fingerprints of flat vectors (`flatLayout.ts`), as chess engines and Spin's
 * incremental hashing do: a vector's two 32-bit hashes are the XOR over its slots of a
 * pseudo-random word per (slot, value).
 *
 * The explorer applies each step to the parent's vector in place, every write going through
 * `set`, which journals the slot's old value and swaps its words in the fingerprint; `undo`
 * then gives the parent back. So a successor costs its writes and nothing else: no copy of the
 * vector, no compare to find what changed, no packing unless it is new.
 * The words of small ranges are tabled (the table is only a cache of `word1`/`word2`).
 */
export class FlatFingerprint {
  /** The fingerprint of the vector as last computed by `of` or edited since `begin`. */
  h1 = 0;
  h2 = 0;
  private readonly base: Int32Array;
  private readonly low: Int32Array;
  private readonly size: Int32Array;
  /** Per slot, interleaved for `put` (one array, one cache line): low bound, number of tabled values, 2 × base. */
  private readonly meta: Int32Array;
  /** The tabled words, interleaved: (word1, word2) of value k of slot i at 2 * (base[i] + k). */
  private readonly t: Int32Array;
  /** The journal since `begin`: slot and old value of each write, in order (`slots[0..n)`). */
  slots = new Int32Array(256);
  private olds = new Int32Array(256);
  n = 0;

  constructor(
    private readonly L: FlatLayout,
    codec: FlatCodec,
  ) {
    const TABLED = 256; // slots with more values than this compute their words
    this.base = new Int32Array(L.width);
    this.low = codec.slotLow.slice();
    this.size = new Int32Array(L.width);
    let total = 0;
    for (let i = 0; i < L.width; i++) {
      const n = codec.slotValues[i]!;
      if (n > 0 && n <= TABLED) {
        this.base[i] = total;
        this.size[i] = n;
        total += n;
      }
    }
    this.t = new Int32Array(2 * total);
    this.meta = new Int32Array(3 * L.width);
    for (let i = 0; i < L.width; i++) {
      this.meta[3 * i] = this.low[i]!;
      this.meta[3 * i + 1] = this.size[i]!;
      this.meta[3 * i + 2] = 2 * this.base[i]!;
    }
    for (let i = 0; i < L.width; i++) {
      for (let x = 0; x < this.size[i]!; x++) {
        this.t[2 * (this.base[i]! + x)] = word1(i, this.low[i]! + x);
        this.t[2 * (this.base[i]! + x) + 1] = word2(i, this.low[i]! + x);
      }
    }
  }

  /** The fingerprint of a whole vector (the initial configuration, a record unpacked whole). */
  of(v: Int32Array): void {
    let h1 = 0, h2 = 0;
    const { t, low, size, base } = this;
    for (let i = 0; i < this.L.width; i++) {
      const x = v[i]!, k = (x - low[i]!) >>> 0;
      if (k < size[i]!) {
        const p = 2 * (base[i]! + k);
        h1 ^= t[p]!;
        h2 ^= t[p + 1]!;
      } else {
        h1 ^= word1(i, x);
        h2 ^= word2(i, x);
      }
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Starts a journal of edits to a vector whose fingerprint is (h1, h2). */
  begin(h1: number, h2: number): void {
    this.h1 = h1;
    this.h2 = h2;
    this.n = 0;
  }

  /** `v[i] = x`, journaled, with the fingerprint following. */
  set(v: Int32Array, i: number, x: number): void {
    const a = v[i]!;
    if (a === x) return;
    const n = this.n;
    if (n === this.slots.length) this.growJournal();
    this.slots[n] = i;
    this.olds[n] = a;
    this.n = n + 1;
    this.put(v, i, x);
  }

  /** `v[i] = x` with the fingerprint following, not journaled (a record decoded over its neighbour's vector). */
  put(v: Int32Array, i: number, x: number): void {
    const a = v[i]!;
    v[i] = x;
    const meta = this.meta, m = 3 * i;
    const lo = meta[m]!, size = meta[m + 1]!;
    const ka = (a - lo) >>> 0, kb = (x - lo) >>> 0;
    if (ka < size && kb < size) {
      const t = this.t, pa = meta[m + 2]! + 2 * ka, pb = meta[m + 2]! + 2 * kb;
      this.h1 ^= t[pa]! ^ t[pb]!;
      this.h2 ^= t[pa + 1]! ^ t[pb + 1]!;
    } else {
      this.h1 ^= word1(i, a) ^ word1(i, x);
      this.h2 ^= word2(i, a) ^ word2(i, x);
    }
  }

  /** Gives back the vector as it was at `begin` (the fingerprint is left as edited). */
  undo(v: Int32Array): void {
    const { slots, olds } = this;
    for (let k = this.n - 1; k >= 0; k--) v[slots[k]!] = olds[k]!;
    this.n = 0;
  }

  private growJournal(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.slots = grow(this.slots);
    this.olds = grow(this.olds);
  }
}

// Two independent pseudo-random words per (slot, value): murmur3's finaliser over different mixes.
function word1(i: number, x: number): number {
  return fmix(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(x ^ 0x5bd1e995, 0x85ebca77) ^ 0x2545f491);
}

function word2(i: number, x: number): number {
  return fmix((Math.imul(i + 7, 0xc2b2ae3d) + Math.imul(x ^ 0x6b43a9b5, 0x27d4eb2f)) ^ 0x68e31da4);
}
