import { grownCapacity, overFull } from '../fingerprintSet';
import { murmur3 } from './murmur';

/** Record numbers plus one take the low 26 bits of a table entry while they fit; the high 6 bits then hold a tag of the hash. */
const RECORD_BITS = 26;

/** The cache of recently found records (see `ConfigurationStore`): an eighth of the table, at most 4,096 entries (16 KiB). */
const RECENT_MAX = 4096;

/**
 * The explorer's set of configurations, exact (no fingerprints): packed records in one growing
 * word arena, found through an open-addressing table of record numbers plus one (0 is an empty
 * slot, so a new table needs no filling). Records are numbered in the order they were added,
 * which in a breadth-first search is the queue itself.
 *
 * In front of the table, a small direct-mapped cache of the records found or added lately (`recent`,
 * indexed by other bits of the same hash) answers most lookups of a configuration met before: in a
 * breadth-first search most are met again within a few expansions (two steps taken in either
 * order; two steps of one expansion reaching the same configuration), so the cache and those
 * records' words are still close to the processor while the table is not (TwoPhase with 7 resource
 * managers: 1.26 M of its 1.44 M repeated lookups). It only shortcuts: a record it names is
 * compared word by word like any other, and a configuration it misses is looked up in the table.
 */
export class ConfigurationStore {
  private arena: Int32Array;
  private table: Int32Array;
  /** Slots of `table`: any number, not only a power of two (grown by half again, `homeSlot`). */
  private capacity: number;
  /** The bits of a table entry holding its record number plus one: the low `recordBits` while entries carry tags, else all (-1). */
  private recordMask: number;
  /** Per slot: a record found or added lately with this slot's hash bits, plus one (0: none). */
  private recent = new Int32Array(256);
  private recentMask = 255;
  count = 0;

  /** `recordBits` below 26 only in tests (the table drops its tags at 2^recordBits - 1 records). */
  constructor(
    readonly words: number,
    recordBits = RECORD_BITS,
  ) {
    this.recordMask = (1 << recordBits) - 1;
    this.arena = new Int32Array(words * 1024);
    this.table = new Int32Array(2048);
    this.capacity = 2048;
  }

  get records(): Int32Array {
    return this.arena;
  }

  bytes(): number {
    return this.arena.byteLength + this.table.byteLength + this.recent.byteLength;
  }

  /** The record number of the packed configuration at `key[at…]`, adding it when new (then `added` is true). */
  add(key: Int32Array, at: number): number {
    const w = this.words;
    const hash = murmur3(key, at, w, 0);
    const slot = (hash >>> 16) & this.recentMask;
    const seen = this.recent[slot]! - 1;
    if (seen >= 0 && this.equals(seen, key, at)) {
      this.added = false;
      return seen;
    }
    const recordMask = this.recordMask;
    const tag = hash & ~recordMask;
    const table = this.table, capacity = this.capacity;
    let h = homeSlot(hash, capacity);
    for (;;) {
      const e = table[h]!;
      if (e === 0) break;
      // Another record's words are read only when its tag agrees (about 1 in 64 otherwise).
      if ((e & ~recordMask) === tag) {
        const r = (e & recordMask) - 1;
        if (this.equals(r, key, at)) {
          this.recent[slot] = r + 1;
          this.added = false;
          return r;
        }
      }
      if (++h === capacity) h = 0;
    }
    const r = this.count++;
    if ((r + 1) * w > this.arena.length) {
      const bigger = new Int32Array(grownLength(this.arena.length / w) * w);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    const arena = this.arena;
    for (let i = 0; i < w; i++) arena[r * w + i] = key[at + i]!;
    table[h] = tag | (r + 1);
    this.recent[slot] = r + 1;
    if (this.count === recordMask) {
      // Record numbers no longer leave room for tags: the same table without them.
      this.recordMask = -1;
      this.rehash(capacity);
    } else if (overFull(this.count, capacity)) this.grow();
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
    const size = grownCapacity(this.capacity);
    // The cache stays a power of two: an eighth of the table's, at most RECENT_MAX.
    while (this.recent.length < RECENT_MAX && this.recent.length * 16 <= size) {
      this.recent = new Int32Array(this.recent.length * 2);
      this.recentMask = this.recent.length - 1;
    }
    this.rehash(size);
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const notTag = this.recordMask;
    const arena = this.arena;
    const w = this.words;
    for (let r = 0, n = this.count; r < n; r++) {
      const hash = murmur3(arena, r * w, w, 0);
      let h = homeSlot(hash, size);
      while (table[h]! !== 0) if (++h === size) h = 0;
      table[h] = (hash & ~notTag) | (r + 1);
    }
    this.table = table;
    this.capacity = size;
  }
}

/**
 * The slot a record's probe starts at in a table of any capacity: the high bits of the hash mixed
 * once, times the capacity (multiply-shift, as `fingerprintSet.ts`'s `homeSlot`). The mix keeps
 * the slot apart from the tag (the hash's own high bits), so neighbours' tags still differ.
 */
function homeSlot(hash: number, capacity: number): number {
  return ((Math.imul(hash, 0x9e3779b1) >>> 0) * capacity * 2.3283064365386963e-10) | 0;
}

/**
 * Records of room after `records`: a quarter more. The arena and the links (`recordLinks.ts`) grow
 * together, so their slack adds up: at most 25% of each, with the table's 8/15 to 4/5 fill, keeps
 * a search of two-word records under 24 bytes a configuration (a third more each had reached 26).
 */
export function grownLength(records: number): number {
  return Math.ceil(records * 1.25);
}
