import { fmix, grownCapacity, overFull } from './fingerprintSet';

/**
 * An exact set of one-word records (a configuration packed into 32 bits, `flatCodec.ts`): each
 * record is its own key in one open-addressing Int32Array, 4 bytes a slot where a fingerprint
 * takes 8, as a hand-specialized explorer stores a small design. Exact, unlike `FingerprintSet`:
 * two records are one only when they are equal. Slot value 0 means empty; the record 0 is a flag.
 */
export class RecordSet {
  private table: Int32Array;
  private capacity: number;
  private hasZero = false;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    this.capacity = capacity;
  }

  /** Adds the record x; true when it was not there yet. */
  add(x: number): boolean {
    if (x === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size++;
      return true;
    }
    const table = this.table, capacity = this.capacity;
    let i = recordSlot(x, capacity);
    for (;;) {
      const y = table[i]!;
      if (y === 0) break;
      if (y === x) return false;
      if (++i === capacity) i = 0;
    }
    table[i] = x;
    this.size++;
    if (overFull(this.size, capacity)) this.grow();
    return true;
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  private grow(): void {
    const old = this.table;
    const capacity = grownCapacity(this.capacity);
    const table = new Int32Array(capacity);
    for (let j = 0; j < old.length; j++) {
      const x = old[j]!;
      if (x === 0) continue;
      let i = recordSlot(x, capacity);
      while (table[i] !== 0) if (++i === capacity) i = 0;
      table[i] = x;
    }
    this.table = table;
    this.capacity = capacity;
  }
}

/** The slot a record's probe starts at: its mixed bits scaled to the capacity (as `homeSlot`). */
function recordSlot(x: number, capacity: number): number {
  return Math.floor((fmix(x) >>> 0) * capacity * 2.3283064365386963e-10);
}
