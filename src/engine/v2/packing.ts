import type { ModelV2 } from '../../model/v2/model';

/**
 * Packs a configuration vector into 32-bit words: each slot takes the bits its range needs
 * (`slotBits`), stored as `value - slotLo`; a slot never straddles two words. TwoPhase with
 * seven resource managers packs into two words.
 */
export class Packing {
  readonly words: number;
  private readonly word: Int32Array;
  private readonly shift: Int32Array;
  private readonly mask: Uint32Array;
  private readonly lo: Float64Array;
  /** Slots with at least one bit (a slot of one value needs none and is restored from `lo`). */
  private readonly live: Int32Array;
  /** Per live slot, in order: its word, shift, mask and low value (unpacking reads them in sequence). */
  private readonly liveWord: Int32Array;
  private readonly liveShift: Int32Array;
  private readonly liveMask: Int32Array;
  private readonly liveLo: Float64Array;
  /** Per word and bit (w * 32 + bit): the index into the live lists of the slot holding that bit. */
  private readonly liveOfBit: Int32Array;

  constructor(model: ModelV2) {
    const n = model.size;
    this.word = new Int32Array(n);
    this.shift = new Int32Array(n);
    this.mask = new Uint32Array(n);
    this.lo = model.slotLo;
    const live: number[] = [];
    let w = 0;
    let used = 0;
    for (let i = 0; i < n; i++) {
      const bits = model.slotBits[i]!;
      if (bits === 0) continue;
      if (used + bits > 32) {
        w++;
        used = 0;
      }
      this.word[i] = w;
      this.shift[i] = used;
      this.mask[i] = bits === 32 ? 0xffffffff : (1 << bits) - 1 >>> 0;
      used += bits;
      live.push(i);
    }
    this.words = live.length === 0 ? 1 : w + 1;
    // `new` over a plain array, not `from` with a mapping function (built for every search: `from` measured twice as slow).
    this.live = new Int32Array(live);
    this.liveWord = new Int32Array(live.map((i) => this.word[i]!));
    this.liveShift = new Int32Array(live.map((i) => this.shift[i]!));
    this.liveMask = new Int32Array(live.map((i) => this.mask[i]! | 0));
    this.liveLo = new Float64Array(live.map((i) => this.lo[i]!));
    this.liveOfBit = new Int32Array(this.words * 32);
    for (let j = 0; j < live.length; j++) for (let b = 0; b < model.slotBits[live[j]!]!; b++) this.liveOfBit[this.liveWord[j]! * 32 + this.liveShift[j]! + b] = j;
  }

  /** Slots are laid out in word order, so each word is built in a local int and stored once. */
  pack(vec: Float64Array, out: Int32Array, at: number): void {
    const live = this.live;
    const word = this.word;
    const shift = this.shift;
    const lo = this.lo;
    let w = 0;
    let acc = 0;
    for (let j = 0; j < live.length; j++) {
      const i = live[j]!;
      const wi = word[i]!;
      if (wi !== w) {
        out[at + w] = acc;
        w = wi;
        acc = 0;
      }
      acc |= (vec[i]! - lo[i]!) << shift[i]!;
    }
    out[at + w] = acc;
  }

  /**
   * Turns `key` (the packing of `from`) into the packing of `to`, where the two differ at most
   * in the `count` slots listed in `slots`: only those fields are rewritten.
   */
  patch(key: Int32Array, from: Float64Array, to: Float64Array, slots: Int32Array, count: number): void {
    const lo = this.lo;
    const word = this.word;
    const mask = this.mask;
    const shift = this.shift;
    // A slot written back to its value flips nothing (its two fields xor to zero).
    for (let j = 0; j < count; j++) {
      const i = slots[j]!;
      const l = lo[i]!;
      key[word[i]!]! ^= (((from[i]! - l) ^ (to[i]! - l)) & mask[i]!) << shift[i]!;
    }
  }

  /** Where slot `i` lies: it holds `lo + ((word >>> shift) & mask)` (mask 0: a slot of one value). */
  field(i: number): { readonly word: number; readonly shift: number; readonly mask: number; readonly lo: number } {
    return { word: this.word[i]!, shift: this.shift[i]!, mask: this.mask[i]! | 0, lo: this.lo[i]! };
  }

  /**
   * The fields of `slots` as runs of adjacent fields (four ints each: word, shift, mask, offset),
   * in packing order, and their bits: `key |= ((words[word] >>> shift) & mask) << offset` over the
   * runs reads every field at once into a key of `bits` bits. Slots of one value take no bits.
   * (Instance views in `localTables.ts`, invariant keys in `invariantMemo.ts`.)
   */
  runs(slots: Iterable<number>): { readonly runs: number[]; readonly bits: number } {
    // A few slots (a view, an invariant's reads): a list and `includes` rather than a Set.
    const fields: number[] = [];
    for (const i of slots) if (this.mask[i] !== 0 && !fields.includes(i)) fields.push(i);
    fields.sort((a, b) => this.word[a]! - this.word[b]! || this.shift[a]! - this.shift[b]!);
    const runs: number[] = [];
    let bits = 0;
    for (const i of fields) {
      const mask = this.mask[i]! | 0;
      const size = 32 - Math.clz32(mask);
      const last = runs.length - 4;
      const lastSize = last >= 0 ? 32 - Math.clz32(runs[last + 2]!) : 0;
      // Adjacent to the last run in the same word: that run grows (under 32 bits, so its mask stays positive).
      if (last >= 0 && runs[last] === this.word[i] && runs[last + 1]! + lastSize === this.shift[i] && lastSize + size < 32) runs[last + 2] = (runs[last + 2]! << size) | mask;
      else runs.push(this.word[i]!, this.shift[i]!, mask, bits);
      bits += size;
    }
    return { runs, bits };
  }

  /**
   * Adds "slot `i` holds `v`" to a fixed write of words: `clear[clearAt + w]` gets the slot's field
   * cleared, `set[setAt + w]` its bits (a word then becomes `(word & clear) | set`). A slot of one
   * value has no field.
   */
  writeInto(i: number, v: number, clear: Int32Array, set: Int32Array, clearAt: number, setAt: number): void {
    const mask = this.mask[i]!;
    if (mask === 0) return;
    const shift = this.shift[i]!;
    const w = this.word[i]!;
    clear[clearAt + w] = clear[clearAt + w]! & ~(mask << shift);
    set[setAt + w] = (set[setAt + w]! & ~(mask << shift)) | (((v - this.lo[i]!) & mask) << shift);
  }

  /**
   * Unpacks the record at `from[at…]` into `vec`, which holds the unpacking of `known` (the
   * packing of a record unpacked before): only the words that differ are read, and `known`
   * becomes the new record's words. The slots written are listed in `changed` (as long as the
   * vector); their number is returned.
   */
  unpackChanged(from: Int32Array, at: number, vec: Float64Array, known: Int32Array, changed: Int32Array): number {
    let count = 0;
    const live = this.live;
    const liveShift = this.liveShift;
    const liveMask = this.liveMask;
    const liveLo = this.liveLo;
    const liveOfBit = this.liveOfBit;
    for (let w = 0; w < this.words; w++) {
      const bits = from[at + w]!;
      // Consecutive records of a breadth-first queue differ in a few fields: visit only the slots whose bits changed.
      let diff = bits ^ known[w]!;
      if (diff === 0) continue;
      known[w] = bits;
      while (diff !== 0) {
        const j = liveOfBit[w * 32 + (31 - Math.clz32(diff))]!;
        const shift = liveShift[j]!;
        const mask = liveMask[j]!;
        const i = live[j]!;
        vec[i] = liveLo[j]! + ((bits >>> shift) & mask);
        changed[count++] = i;
        diff &= ~(mask << shift);
      }
    }
    return count;
  }

  unpack(from: Int32Array, at: number, vec: Float64Array): void {
    vec.set(this.lo);
    const live = this.live;
    const liveWord = this.liveWord;
    const liveShift = this.liveShift;
    const liveMask = this.liveMask;
    const liveLo = this.liveLo;
    let w = -1;
    let bits = 0;
    for (let j = 0; j < live.length; j++) {
      const wj = liveWord[j]!;
      if (wj !== w) {
        w = wj;
        bits = from[at + w]!;
      }
      vec[live[j]!] = liveLo[j]! + ((bits >>> liveShift[j]!) & liveMask[j]!);
    }
  }
}
