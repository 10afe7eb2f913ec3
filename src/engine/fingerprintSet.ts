/**
 * A set of 64-bit fingerprints in one open-addressing Int32Array (after TLC's FPSet): each
 * configuration is remembered as two independent 32-bit hashes (of its flat vector, incrementally,
 * `flatFingerprint.ts`; of its packed record on the readable path), never as a string. Like TLC's, it is approximate: two configurations whose 64-bit fingerprints collide
 * count as one (about n² / 2^65 for n configurations: under 1 in 30 million at 1,000,000).
 */
/** Entries of a `RecentFingerprints` (16 KiB). */
const RECENT = 2048;

/**
 * A direct-mapped cache of the fingerprints a set was asked for lately, in front of it: in a
 * breadth-first search most configurations met again were met a few expansions before (two steps
 * taken in either order, siblings reaching the same one), so the cache answers them without the
 * large table's cache miss (kv-register-like designs: about 60–85% of repeats). It only ever
 * holds fingerprints that are in the set; an empty entry is (0, 0), which no set stores.
 */
export class RecentFingerprints {
  private readonly pairs = new Int32Array(2 * RECENT);

  /** Whether (a, b) is cached; it is afterwards either way (the caller makes sure the set holds it). */
  met(a: number, b: number): boolean {
    const pairs = this.pairs, r = 2 * ((b >>> 8) & (RECENT - 1));
    if (pairs[r] === a && pairs[r + 1] === b) return true;
    pairs[r] = a;
    pairs[r + 1] = b;
    return false;
  }

  get bytes(): number {
    return this.pairs.byteLength;
  }
}

export class FingerprintSet {
  private table: Int32Array;
  private readonly recent = new RecentFingerprints();
  private capacity: number;
  /** With `single`: whether the fingerprint 0 is in the set (an empty slot holds 0). */
  private zero = false;
  size = 0;

  constructor(
    initialCapacity = 1 << 12,
    /**
     * `b` alone names a configuration, as it does for a record of one word (`FlatFingerprint`):
     * the set keeps `b` only, one Int32 a slot, and so exactly.
     */
    private readonly single = false,
  ) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.table = new Int32Array(single ? capacity : capacity * 2);
    this.capacity = capacity;
  }

  /** Adds the fingerprint (a, b); true when it was not there yet. (0, 0) is stored as (0, 1), unless `single`. */
  add(a: number, b: number): boolean {
    if (this.single) return this.addSingle(b);
    if (a === 0 && b === 0) b = 1;
    if (this.recent.met(a, b)) return false;
    const table = this.table, capacity = this.capacity;
    let i = homeSlot(a, b, capacity);
    for (;;) {
      const x = table[2 * i]!;
      const y = table[2 * i + 1]!;
      if (x === 0 && y === 0) break;
      if (x === a && y === b) return false;
      if (++i === capacity) i = 0;
    }
    table[2 * i] = a;
    table[2 * i + 1] = b;
    this.size++;
    if (overFull(this.size, capacity)) this.grow();
    return true;
  }

  /** `add` of a `single` set: its `b` (cached lately as (b, b ^ 1): never the cache's empty (0, 0)). */
  private addSingle(a: number): boolean {
    if (this.recent.met(a, a ^ 1)) return false;
    if (a === 0) {
      if (this.zero) return false;
      this.zero = true;
    } else {
      const table = this.table, capacity = this.capacity;
      let i = homeSlot(a, 0, capacity);
      for (let x = table[i]!; x !== 0; x = table[i]!) {
        if (x === a) return false;
        if (++i === capacity) i = 0;
      }
      table[i] = a;
    }
    this.size++;
    if (overFull(this.size, this.capacity)) this.grow();
    return true;
  }

  get bytes(): number {
    return this.table.byteLength + this.recent.bytes;
  }

  private grow(): void {
    const old = this.table;
    const capacity = grownCapacity(this.capacity);
    if (this.single) {
      const table = new Int32Array(capacity);
      for (let j = 0; j < old.length; j++) {
        const a = old[j]!;
        if (a === 0) continue;
        let i = homeSlot(a, 0, capacity);
        while (table[i] !== 0) if (++i === capacity) i = 0;
        table[i] = a;
      }
      this.table = table;
      this.capacity = capacity;
      return;
    }
    const table = new Int32Array(capacity * 2);
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j]!;
      const b = old[j + 1]!;
      if (a === 0 && b === 0) continue;
      let i = homeSlot(a, b, capacity);
      while (table[2 * i] !== 0 || table[2 * i + 1] !== 0) if (++i === capacity) i = 0;
      table[2 * i] = a;
      table[2 * i + 1] = b;
    }
    this.table = table;
    this.capacity = capacity;
  }
}

/**
 * The slot a fingerprint's probe starts at, in a table of any `capacity` (not only a power of
 * two): the high bits of a mixed word times the capacity (Lemire's multiply-shift range reduction).
 */
export function homeSlot(a: number, b: number, capacity: number): number {
  // The product is below capacity < 2^31 and not negative: `| 0` truncates it as `Math.floor` would, in one instruction.
  return (((a ^ Math.imul(b, 0x9e3779b1)) >>> 0) * capacity * 2.3283064365386963e-10) | 0;
}

/**
 * When a set must grow: over 4/5 full. Linear probing at 4/5 still finds a stored fingerprint in
 * about 3 probes and an absent one in about 13, 8 slots to a cache line.
 */
export function overFull(size: number, capacity: number): boolean {
  return size * 5 > capacity * 4;
}

/**
 * The capacity after `capacity`: half as large again, not twice, so a set holds between 8/15 and
 * 4/5 of its slots, 10 to 15 bytes a configuration (doubling at 3/4 left it between 3/8 and 3/4:
 * up to 21.3 bytes).
 */
export function grownCapacity(capacity: number): number {
  return Math.ceil(capacity * 1.5);
}

/** Two independent 32-bit hashes (murmur3-style mixing, different seeds) of `width` slots at `offset`. */
export function fingerprint(record: Int32Array, offset: number, width: number, out: Int32Array): void {
  fingerprintRanges(record, offset, width, 0, 0, out);
}

/**
 * The same over two ranges, [a, a + n) then [b, b + m): the explorer's flat vectors hash their
 * fixed part and the used part of each channel (a channel's length is inside the hashed part, and
 * its unused tail is always zero, so equal configurations still hash equal).
 */
export function fingerprintRanges(record: Int32Array, a: number, n: number, b: number, m: number, out: Int32Array): void {
  let h1 = 0x2545f491;
  let h2 = 0x6b43a9b5;
  for (let pass = 0; pass < 2; pass++) {
    const from = pass === 0 ? a : b;
    const to = from + (pass === 0 ? n : m);
    for (let i = from; i < to; i++) {
      // Two murmur3-style chains with different seeds and constants; `fmix` below finishes both.
      const k = record[i]!;
      let k1 = Math.imul(k, 0xcc9e2d51);
      k1 = (k1 << 15) | (k1 >>> 17);
      k1 = Math.imul(k1, 0x1b873593);
      h1 ^= k1;
      h1 = (h1 << 13) | (h1 >>> 19);
      h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
      let k2 = Math.imul(k ^ 0x5bd1e995, 0x85ebca6b);
      k2 = (k2 << 17) | (k2 >>> 15);
      k2 = Math.imul(k2, 0xc2b2ae35);
      h2 ^= k2;
      h2 = (h2 << 11) | (h2 >>> 21);
      h2 = (Math.imul(h2, 9) + 0x38495ab5) | 0;
    }
  }
  const width = n + m;
  out[0] = fmix(h1 ^ width);
  out[1] = fmix(h2 ^ (width * 31));
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
