import { fmix } from '../fingerprintSet';
import { murmur3 } from './murmur';
import { CHUNK, CHUNK_BITS, joinChunks } from './recordLinks';

/** Record numbers plus one take the low 26 bits of a table entry while they fit; the high 6 bits then hold a tag of the hash. */
const RECORD_BITS = 26;

/** The cache of recently found records (see `ConfigurationStore`): an eighth of the table, at most 4,096 entries (32 KiB for one-word records). */
const RECENT_MAX = 4096;

/**
 * The explorer's set of configurations, exact (no fingerprints): packed records in an arena of
 * chunks (CHUNK records each: growing never copies, and holds at most a chunk of room), found
 * through an open-addressing table of record numbers plus one (0 is an empty slot, so a new
 * table needs no filling), doubled at 4/5 full: with the links' 5 bytes, a search of two-word
 * records holds at most 8 + 5 + 10 bytes a configuration. Records are numbered in the order they
 * were added, which in a breadth-first search is the queue itself.
 *
 * In front of the table, a small direct-mapped cache of the records found or added lately (`recent`,
 * indexed by other bits of the same hash) answers most lookups of a configuration met before: in a
 * breadth-first search most are met again within a few expansions (two steps taken in either
 * order; two steps of one expansion reaching the same configuration), so the cache and those
 * records' words are still close to the processor while the table is not (TwoPhase with 7 resource
 * managers: 1.26 M of its 1.44 M repeated lookups). For one-word records an entry holds the
 * word beside the record's number (records never change), so a hit reads nothing else (5–7
 * resource managers: 12–22% less CPU); a wider record is compared in the arena (a copy measured no
 * faster there, and cost 1–3 bytes a configuration). It only shortcuts: a configuration it misses
 * is looked up in the table.
 */
export class ConfigurationStore {
  /** Record r is at `chunks[r >>> CHUNK_BITS]`, from word `(r & (CHUNK - 1)) * words`. */
  private readonly chunks: Int32Array[] = [];
  private joined: Int32Array | null = null;
  private table: Int32Array;
  private mask: number;
  /** The bits of a table entry holding its record number plus one: the low `recordBits` while entries carry tags, else all (-1). */
  private recordMask: number;
  /**
   * Per slot: a record found or added lately with this slot's hash bits, plus one (0: none); for
   * one-word records followed by its word (`entry` ints a slot: a hit reads nothing else).
   */
  private recent: Int32Array;
  private recentMask: number;
  private readonly entry: number;
  count = 0;

  /** `recordBits` below 26 only in tests (the table drops its tags at 2^recordBits - 1 records). */
  constructor(
    readonly words: number,
    recordBits = RECORD_BITS,
  ) {
    this.recordMask = (1 << recordBits) - 1;
    // One-word records: entries of two ints, 32 of them at first (the same 256 bytes as 64 of one).
    this.entry = words === 1 ? 2 : 1;
    this.recentMask = words === 1 ? 31 : 63;
    this.recent = new Int32Array((this.recentMask + 1) * this.entry);
    this.table = new Int32Array(512);
    this.mask = 511;
  }

  /** The chunk holding record r, and where in it r starts. */
  chunk(r: number): Int32Array {
    return this.chunks[r >>> CHUNK_BITS]!;
  }

  offset(r: number): number {
    return (r & (CHUNK - 1)) * this.words;
  }

  /** Every record in one array (record r from word r × words), joined from the chunks when first read after a change: for traces. */
  get records(): Int32Array {
    this.joined ??= joinChunks(this.chunks, new Int32Array(this.count * this.words), CHUNK * this.words);
    return this.joined;
  }

  bytes(): number {
    return this.chunks.length * CHUNK * this.words * 4 + this.table.byteLength + this.recent.byteLength;
  }

  /** The record number of the packed configuration at `key[at…]`, adding it when new (then `added` is true). */
  add(key: Int32Array, at: number): number {
    const w = this.words;
    if (w === 1) return this.add1(key[at]!);
    const hash = murmur3(key, at, w, 0);
    const slot = (hash >>> 16) & this.recentMask;
    const seen = this.recent[slot]! - 1;
    if (seen >= 0 && this.equals(seen, key, at)) {
      this.added = false;
      return seen;
    }
    const recordMask = this.recordMask;
    const tag = hash & ~recordMask;
    let h = hash & this.mask;
    const table = this.table;
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
      h = (h + 1) & this.mask;
    }
    const r = this.count++;
    if ((r & (CHUNK - 1)) === 0) this.chunks.push(new Int32Array(CHUNK * w));
    const chunk = this.chunks[r >>> CHUNK_BITS]!, o = (r & (CHUNK - 1)) * w;
    for (let i = 0; i < w; i++) chunk[o + i] = key[at + i]!;
    this.recent[slot] = r + 1;
    return this.added1(r, h, tag);
  }

  /** `add` for one-word records (the word `k`): hashed by `fmix` (murmur3's finaliser, a bijection), the same table and cache, each comparison one load. */
  private add1(k: number): number {
    const hash = fmix(k);
    const slot = ((hash >>> 16) & this.recentMask) * 2;
    const recent = this.recent;
    if (recent[slot + 1] === k && recent[slot]! !== 0) {
      this.added = false;
      return recent[slot]! - 1;
    }
    const recordMask = this.recordMask;
    const tag = hash & ~recordMask;
    const mask = this.mask;
    const table = this.table;
    let h = hash & mask;
    for (;;) {
      const e = table[h]!;
      if (e === 0) break;
      if ((e & ~recordMask) === tag) {
        const r = (e & recordMask) - 1;
        if (this.chunks[r >>> CHUNK_BITS]![r & (CHUNK - 1)] === k) {
          recent[slot] = r + 1;
          recent[slot + 1] = k;
          this.added = false;
          return r;
        }
      }
      h = (h + 1) & mask;
    }
    const r = this.count++;
    if ((r & (CHUNK - 1)) === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[r >>> CHUNK_BITS]![r & (CHUNK - 1)] = k;
    recent[slot] = r + 1;
    recent[slot + 1] = k;
    return this.added1(r, h, tag);
  }

  /** Record r is new, its words in place (arena and cache): its table entry (at `h`), then growth. */
  private added1(r: number, h: number, tag: number): number {
    const recordMask = this.recordMask;
    this.joined = null;
    this.table[h] = tag | (r + 1);
    if (this.count === recordMask) {
      // Record numbers no longer leave room for tags: the same table without them.
      this.recordMask = -1;
      this.rehash(this.mask + 1);
    } else if (this.count * 5 > this.mask * 4) this.grow(); // 4/5 full: 4 to 10 bytes a record
    this.added = true;
    return r;
  }

  added = false;

  private equals(r: number, key: Int32Array, at: number): boolean {
    const a = this.chunks[r >>> CHUNK_BITS]!;
    const base = (r & (CHUNK - 1)) * this.words;
    for (let i = 0; i < this.words; i++) if (a[base + i] !== key[at + i]) return false;
    return true;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    if (this.recentMask + 1 < RECENT_MAX) {
      const slots = Math.min(RECENT_MAX, size / 8);
      this.recent = new Int32Array(slots * this.entry);
      this.recentMask = slots - 1;
    }
    this.rehash(size);
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    const notTag = this.recordMask;
    const w = this.words;
    for (let r = 0, n = this.count; r < n; r++) {
      const chunk = this.chunks[r >>> CHUNK_BITS]!;
      const hash = w === 1 ? fmix(chunk[r & (CHUNK - 1)]!) : murmur3(chunk, (r & (CHUNK - 1)) * w, w, 0);
      let h = hash & mask;
      while (table[h]! !== 0) h = (h + 1) & mask;
      table[h] = (hash & ~notTag) | (r + 1);
    }
    this.table = table;
    this.mask = mask;
  }
}

