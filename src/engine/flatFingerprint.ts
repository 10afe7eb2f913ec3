import type { FlatCodec } from './flatCodec';
import { fmix } from './fingerprintSet';
import type { FlatLayout } from './flatLayout';
import { CRASHES, DROPS, DUPS, PSTATE } from './flatLayout';
import { CLIENTS, CRASHES_USED, DROPS_USED, DUPS_USED, MACHINE, STEP_PARTS, TO_CLIENT, TO_MACHINE, VARS } from './flatStepKinds';

/**
 * Zobrist fingerprints of flat vectors (`flatLayout.ts`), as chess engines and Spin's
 * incremental hashing do: a vector's two 32-bit hashes are the XOR over its slots of a
 * pseudo-random word per (slot, value). A step changes a handful of slots, so a successor's
 * fingerprint is its parent's with those slots' words swapped: no packing or full hash per step.
 * The words of small ranges are tabled (the table is only a cache of `word`, so both agree).
 */
export class FlatFingerprint {
  /** The fingerprint last computed by `of` or `step`. */
  h1 = 0;
  h2 = 0;
  private readonly base: Int32Array;
  private readonly low: Int32Array;
  private readonly size: Int32Array;
  /** The tabled words, interleaved: (word1, word2) of value k of slot i at 2 * (base[i] + k). */
  private readonly t: Int32Array;

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
    for (let i = 0; i < L.width; i++) {
      for (let x = 0; x < this.size[i]!; x++) {
        this.t[2 * (this.base[i]! + x)] = word1(i, this.low[i]! + x);
        this.t[2 * (this.base[i]! + x) + 1] = word2(i, this.low[i]! + x);
      }
    }
  }

  /** The fingerprint of a whole vector (the initial configuration). */
  of(v: Int32Array): void {
    let h1 = 0, h2 = 0;
    for (let i = 0; i < this.L.width; i++) {
      h1 ^= word1(i, v[i]!);
      h2 ^= word2(i, v[i]!);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * The fingerprint of `dst` from that of `src` (h1, h2) after a step of the given kind,
   * comparing only the parts such a step can change (`STEP_PARTS`): of the clients only the
   * request at slot `client` (-1: all), of a channel only its used part (tails are zero in both).
   */
  step(src: Int32Array, dst: Int32Array, h1: number, h2: number, kind: number, client: number): void {
    const L = this.L;
    const parts = STEP_PARTS[kind]!;
    this.h1 = h1;
    this.h2 = h2;
    if (parts & MACHINE) this.diff(src, dst, 0, PSTATE + 1);
    if (parts & DROPS_USED) this.diff(src, dst, DROPS, DROPS + 1);
    if (parts & DUPS_USED) this.diff(src, dst, DUPS, DUPS + 1);
    if (parts & CRASHES_USED) this.diff(src, dst, CRASHES, CRASHES + 1);
    if (parts & VARS) this.diff(src, dst, L.vars, L.clients);
    if (parts & CLIENTS) {
      if (client >= 0) this.diff(src, dst, client, client + 7);
      else this.diff(src, dst, L.clients, L.tmLen);
    }
    if (parts & TO_MACHINE) this.diff(src, dst, L.tmLen, L.tmLen + 1 + Math.max(src[L.tmLen]!, dst[L.tmLen]!));
    if (parts & TO_CLIENT) this.diff(src, dst, L.tcLen, L.tcLen + 1 + Math.max(src[L.tcLen]!, dst[L.tcLen]!));
  }

  private diff(src: Int32Array, dst: Int32Array, from: number, to: number): void {
    const { low, size, base, t } = this;
    let h1 = this.h1, h2 = this.h2;
    for (let i = from; i < to; i++) {
      const a = src[i]!, b = dst[i]!;
      if (a === b) continue;
      const lo = low[i]!, n = size[i]!;
      const ka = (a - lo) >>> 0, kb = (b - lo) >>> 0;
      if (ka < n && kb < n) {
        const pa = 2 * (base[i]! + ka), pb = 2 * (base[i]! + kb);
        h1 ^= t[pa]! ^ t[pb]!;
        h2 ^= t[pa + 1]! ^ t[pb + 1]!;
      } else {
        h1 ^= word1(i, a) ^ word1(i, b);
        h2 ^= word2(i, a) ^ word2(i, b);
      }
    }
    this.h1 = h1;
    this.h2 = h2;
  }
}

// Two independent pseudo-random words per (slot, value): murmur3's finaliser over different mixes.
function word1(i: number, x: number): number {
  return fmix(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(x ^ 0x5bd1e995, 0x85ebca77) ^ 0x2545f491);
}

function word2(i: number, x: number): number {
  return fmix((Math.imul(i + 7, 0xc2b2ae3d) + Math.imul(x ^ 0x6b43a9b5, 0x27d4eb2f)) ^ 0x68e31da4);
}

