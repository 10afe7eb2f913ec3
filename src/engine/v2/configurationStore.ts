import { murmur3 } from './murmur';

/**
 * The explorer's set of configurations, exact (no fingerprints): packed records in one growing
 * word arena, found through an open-addressing table of record numbers plus one (0 is an empty
 * slot, so a new table needs no filling). Records are numbered in the order they were added,
 * which in a breadth-first search is the queue itself.
 */
export class ConfigurationStore {
  private arena: Int32Array;
  private table: Int32Array;
  private mask: number;
  count = 0;

  constructor(readonly words: number) {
    this.arena = new Int32Array(words * 1024);
    this.table = new Int32Array(2048);
    this.mask = 2047;
  }

  get records(): Int32Array {
    return this.arena;
  }

  bytes(): number {
    return this.arena.byteLength + this.table.byteLength;
  }

  /** The record number of the packed configuration at `key[at…]`, adding it when new (then `added` is true). */
  add(key: Int32Array, at: number): number {
    const w = this.words;
    let h = murmur3(key, at, w, 0) & this.mask;
    const table = this.table;
    for (;;) {
      const r = table[h]! - 1;
      if (r < 0) break;
      if (this.equals(r, key, at)) {
        this.added = false;
        return r;
      }
      h = (h + 1) & this.mask;
    }
    const r = this.count++;
    if ((r + 1) * w > this.arena.length) {
      const bigger = new Int32Array(Math.ceil(this.arena.length / w / 2) * 3 * w);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    const arena = this.arena;
    for (let i = 0; i < w; i++) arena[r * w + i] = key[at + i]!;
    table[h] = r + 1;
    if (this.count * 4 > this.mask * 3) this.grow();
    this.added = true;
    return r;
  }

  added = false;

  private equals(r: number, key: Int32Array, at: number): boolean {
    const a = this.arena;
    const base = r * this.words;
    for (let i = 0; i < this.words; i++) if (a[base + i] !== key[at + i]) return false;
    return true;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let r = 0; r < this.count; r++) {
      let h = murmur3(this.arena, r * this.words, this.words, 0) & this.mask;
      while (this.table[h]! !== 0) h = (h + 1) & this.mask;
      this.table[h] = r + 1;
    }
  }
}
