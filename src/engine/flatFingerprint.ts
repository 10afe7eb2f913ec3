import type { FlatCodec } from './flatCodec';

/**
 * The journal of a step's writes to a flat vector, which also keeps the vector's packed record
 * (`flatCodec.ts`) up to date, and the fingerprint of that record.
 *
 * The explorer applies each step to the parent's vector in place, every write going through
 * `set`, which journals the slot's old value and writes the new one into its bit field of the
 * record (a masked OR); `undo` then gives the parent vector back, and `begin` the parent's
 * record. So a successor costs its writes and nothing else: no copy of the vector, no compare
 * to find what changed, and its record is ready to be queued as it is. Its fingerprint is taken
 * from the record at the end (`fingerprint`): for a record of one or two words a bijection of its
 * bits, so two configurations never share one; for more words a 64-bit hash.
 */
export class FlatFingerprint {
  /** The packed record of the vector as last set by `of`/`from` or edited since `begin`. */
  readonly words: Int32Array;
  /** The record `begin` starts from (the configuration being expanded). */
  readonly base: Int32Array;
  /** Per slot, interleaved: its record word (-1: a slot never packed), its field's mask in place, its low bound, its shift. */
  private readonly fields: Int32Array;
  /** The journal since `begin`: slot and old value of each write, in order (`slots[0..n)`). */
  slots = new Int32Array(256);
  private olds = new Int32Array(256);
  n = 0;
  /** The fingerprint computed by the last `fingerprint()`. */
  f1 = 0;
  f2 = 0;

  constructor(private readonly codec: FlatCodec) {
    this.words = new Int32Array(codec.words);
    this.base = new Int32Array(codec.words);
    this.fields = codec.slotFields;
  }

  /** The record of a whole vector (the initial configuration) becomes the base. */
  of(v: Int32Array): void {
    this.codec.pack(v, this.base, 0);
    this.words.set(this.base);
    this.n = 0;
  }

  /** Record `o` of `rec` (the vector holds it, just unpacked) becomes the base. */
  from(rec: Int32Array, o: number): void {
    const { base, words } = this;
    for (let w = 0; w < base.length; w++) words[w] = base[w] = rec[o + w]!;
    this.n = 0;
  }

  /** Starts a journal of edits to the base's vector: the record is the base's again. */
  begin(): void {
    const { base, words } = this;
    for (let w = 0; w < base.length; w++) words[w] = base[w]!;
    this.n = 0;
  }

  /**
   * The record becomes the base's with some fields replaced, the vector left as it is (a
   * tabulated step, `flatMemo.ts`): per word, the base's bits `keep[keepAt + w]` and `bits[at + w]`.
   */
  patch(keep: Int32Array, keepAt: number, bits: Int32Array, at: number): void {
    const { base, words } = this;
    for (let w = 0; w < base.length; w++) words[w] = (base[w]! & keep[keepAt + w]!) | bits[at + w]!;
    this.n = 0;
  }

  /** `v[i] = x`, journaled, with the record following. */
  set(v: Int32Array, i: number, x: number): void {
    const a = v[i]!;
    if (a === x) return;
    const n = this.n;
    if (n === this.slots.length) this.growJournal();
    this.slots[n] = i;
    this.olds[n] = a;
    this.n = n + 1;
    v[i] = x;
    const F = this.fields, m = 4 * i, w = F[m]!;
    if (w >= 0) this.words[w] = (this.words[w]! & ~F[m + 1]!) | ((x - F[m + 2]!) << F[m + 3]!);
  }

  /** Gives back the vector as it was at `begin` (the record is left as edited). */
  undo(v: Int32Array): void {
    const { slots, olds } = this;
    for (let k = this.n - 1; k >= 0; k--) v[slots[k]!] = olds[k]!;
    this.n = 0;
  }

  /**
   * The fingerprint of the record into (`f1`, `f2`): multiply-xorshift mixing, each line
   * invertible given the other word, so with one or two words (f1, f2) names the record. The
   * set takes its home slot from the high bits (`homeSlot`), which every bit of the record moves.
   */
  fingerprint(): void {
    const words = this.words, W = words.length;
    let a = Math.imul(words[0]! ^ 0x2545f491, 0x9e3779b1);
    a ^= a >>> 16;
    let b = Math.imul((W > 1 ? words[1]! : 0) ^ a, 0x85ebca6b);
    b ^= b >>> 16;
    for (let k = 2; k < W; k++) {
      a = Math.imul(a ^ words[k]!, 0xcc9e2d51);
      a ^= a >>> 15;
      b = Math.imul(b ^ words[k]! ^ a, 0x1b873593);
      b ^= b >>> 13;
    }
    this.f1 = a ^ Math.imul(b, 0xc2b2ae35);
    this.f2 = b;
  }

  get h1(): number {
    this.fingerprint();
    return this.f1;
  }

  get h2(): number {
    this.fingerprint();
    return this.f2;
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
