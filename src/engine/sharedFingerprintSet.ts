import { grownCapacity, homeSlot, overFull, RecentFingerprints } from './fingerprintSet';

/**
 * `FingerprintSet` over shared memory, for a search on several threads (`partitioned.ts`): one
 * open-addressing table of (h1, h2) pairs in a SharedArrayBuffer that every thread probes with
 * plain reads and claims empty slots in with a compare-and-swap, as TLC's workers share their
 * FPSet. A slot is claimed by swapping its first word from 0, then its second word is stored;
 * a reader that meets a claimed slot whose second word is still 0 waits for it (neither word of
 * a stored pair is ever 0).
 *
 * It never grows on its own (like `FingerprintSet`, by half again: `grownCapacity`): a thread that sees it over 4/5 full (`overFull`) stops at its next
 * configuration (`full`), and once every thread has stopped, one of them `grow`s it and the
 * others `adopt` the new buffers. The fifth left free (at least 13,107 slots) takes what the
 * threads store before they next look.
 */
export interface SharedSetBuffers {
  readonly table: SharedArrayBuffer;
  /** [0]: pairs stored. */
  readonly header: SharedArrayBuffer;
}

export class SharedFingerprintSet {
  private table!: Int32Array;
  private header!: Int32Array;
  private capacity = 0;
  /** Pairs this thread stored and has not yet added to the shared count. */
  private pending = 0;
  private readonly recent = new RecentFingerprints();
  /**
   * No other thread uses the set yet (the command line's first thread, before any worker has
   * joined): slots are claimed with plain writes, as in a set of one's own.
   */
  exclusive = false;

  /**
   * `batch`: how many pairs a thread stores before it adds them to the shared count. A count
   * every thread adds to on every store is one cache line bouncing between the cores; 1 keeps
   * the count exact (a state limit needs it).
   */
  constructor(
    buffers: SharedSetBuffers,
    private readonly batch = 1,
  ) {
    this.adopt(buffers);
  }

  /** `smallest` below 65,536 only for tests: the free fifth must take a few configurations' successors per thread. */
  static create(initialCapacity = 1 << 16, smallest = 1 << 16, batch = 1): SharedFingerprintSet {
    let capacity = smallest;
    while (capacity < initialCapacity) capacity *= 2;
    return new SharedFingerprintSet({ table: new SharedArrayBuffer(capacity * 8), header: new SharedArrayBuffer(8) }, batch);
  }

  /**
   * A capacity that holds `initials` configurations stored before the first level is expanded
   * (partition 0 stores them all at once, and the set grows only between levels), under half
   * full: version 2's listed initial values make up to 262,144 (docs/format-v2.md §10).
   */
  static firstLevelCapacity(initials: number, capacity = 1 << 16): number {
    return Math.max(capacity, 2 * initials);
  }

  get buffers(): SharedSetBuffers {
    return { table: this.table.buffer as SharedArrayBuffer, header: this.header.buffer as SharedArrayBuffer };
  }

  adopt(buffers: SharedSetBuffers): void {
    this.table = new Int32Array(buffers.table);
    this.header = new Int32Array(buffers.header);
    this.capacity = this.table.length / 2;
  }

  /** Pairs stored by every thread so far (others' up to their last batch). */
  get size(): number {
    return Atomics.load(this.header, 0) + this.pending;
  }

  /** Adds this thread's pending pairs to the shared count (at the end of its share of a level). */
  flush(): void {
    if (this.pending > 0) Atomics.add(this.header, 0, this.pending);
    this.pending = 0;
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  /** Over 4/5 full: every thread should stop so that one can `grow` it. */
  full(): boolean {
    return overFull(this.size, this.capacity);
  }

  /** Adds the fingerprint (a, b); true when no thread had added it before. */
  add(a: number, b: number): boolean {
    if (a === 0) a = 0x2545f491; // 0 marks an empty slot, and an unwritten second word
    if (b === 0) b = 0x6b43a9b5;
    if (this.recent.met(a, b)) return false; // this thread's own cache of what it met lately (`RecentFingerprints`)
    const table = this.table, capacity = this.capacity;
    let i = homeSlot(a, b, capacity);
    for (let probes = 0; ; probes++) {
      if (probes >= capacity) throw new Error('the shared fingerprint set is full');
      let x = table[2 * i]!;
      if (x === 0 && this.exclusive) {
        table[2 * i] = a;
        table[2 * i + 1] = b;
        if (++this.pending >= this.batch) this.flush();
        return true;
      }
      if (x === 0) {
        x = Atomics.compareExchange(table, 2 * i, 0, a);
        if (x === 0) {
          Atomics.store(table, 2 * i + 1, b);
          if (++this.pending >= this.batch) this.flush();
          return true;
        }
      }
      if (x === a) {
        let y = table[2 * i + 1]!;
        while (y === 0) y = Atomics.load(table, 2 * i + 1);
        if (y === b) return false;
      }
      if (++i === capacity) i = 0;
    }
  }

  /** Grows the table (`grownCapacity`). Only while no other thread uses it; they `adopt(buffers)` afterwards. */
  grow(): void {
    const old = this.table;
    const capacity = grownCapacity(this.capacity);
    const table = new Int32Array(new SharedArrayBuffer(capacity * 8));
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j]!;
      if (a === 0) continue;
      const b = old[j + 1]!;
      let i = homeSlot(a, b, capacity);
      while (table[2 * i] !== 0) if (++i === capacity) i = 0;
      table[2 * i] = a;
      table[2 * i + 1] = b;
    }
    this.table = table;
    this.capacity = capacity;
  }
}
