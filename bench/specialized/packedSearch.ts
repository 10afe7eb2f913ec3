/**
 * What every hand-specialized explorer of the bench shares: configurations as bit fields in up
 * to four 32-bit words, stored exactly (open addressing, no fingerprint) with a parent link, and a
 * breadth-first loop. The design-specific part is one `expand` function that edits the successor
 * through `get`/`set` and calls `emit` once per step.
 */
export interface SpecializedResult {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly seconds: number;
  readonly bytesPerState: number;
}

export interface Field {
  readonly word: number;
  readonly shift: number;
  readonly mask: number;
}

export interface Layout {
  readonly words: number;
  field(name: string): Field;
}

/** Lays out named fields of the given bit widths over words (no field straddles two). */
export function layout(widths: readonly (readonly [string, number])[]): Layout {
  const fields = new Map<string, Field>();
  let word = 0;
  let used = 0;
  for (const [name, bits] of widths) {
    if (bits > 32) throw new Error(`field ${name} is wider than a word`);
    if (used + bits > 32) {
      word++;
      used = 0;
    }
    fields.set(name, { word, shift: used, mask: (1 << bits) - 1 });
    used += bits;
  }
  if (word >= 4) throw new Error('too many fields for four words');
  return {
    words: word + 1,
    field(name) {
      const f = fields.get(name);
      if (!f) throw new Error(`no field ${name}`);
      return f;
    },
  };
}

export interface Cursor {
  get(f: Field): number;
  set(f: Field, v: number): void;
  /** Stores the successor built so far (counted as one transition), then resets it to the parent. */
  emit(): void;
}

export function search(shape: Layout, expand: (c: Cursor) => void): SpecializedResult {
  const W = shape.words;
  const parent = new Uint32Array(W); // the configuration being expanded
  const child = new Uint32Array(W); // its successor being built
  let capacity = 1 << 16;
  let keys = new Uint32Array(capacity * W);
  let occupied = new Uint8Array(capacity);
  let size = 0;
  const hashAt = (from: Uint32Array, o: number): number => {
    let h = 0x2545f491;
    for (let w = 0; w < W; w++) h = Math.imul(h ^ from[o + w]!, 0x9e3779b1);
    return h ^ (h >>> 15);
  };
  // Finds `from[o..o+W)` or the empty slot for it: the slot, negated when it was already there.
  const probe = (from: Uint32Array, o: number): number => {
    let i = hashAt(from, o) & (capacity - 1);
    for (; occupied[i]; i = (i + 1) & (capacity - 1)) {
      let w = 0;
      while (w < W && keys[i * W + w] === from[o + w]) w++;
      if (w === W) return -1 - i;
    }
    return i;
  };
  const insert = (from: Uint32Array, o: number): boolean => {
    const i = probe(from, o);
    if (i < 0) return false;
    occupied[i] = 1;
    for (let w = 0; w < W; w++) keys[i * W + w] = from[o + w]!;
    if (++size * 4 > capacity * 3) {
      const oldKeys = keys, oldOccupied = occupied;
      capacity *= 2;
      keys = new Uint32Array(capacity * W);
      occupied = new Uint8Array(capacity);
      for (let j = 0; j < oldOccupied.length; j++) {
        if (!oldOccupied[j]) continue;
        const k = probe(oldKeys, j * W);
        occupied[k] = 1;
        for (let w = 0; w < W; w++) keys[k * W + w] = oldKeys[j * W + w]!;
      }
    }
    return true;
  };

  let next: number[] = [];
  const parents: number[] = [-1];
  let transitions = 0;
  let expanding = 0;
  const cursor: Cursor = {
    get: (f) => (child[f.word]! >>> f.shift) & f.mask,
    set: (f, v) => {
      child[f.word] = (child[f.word]! & ~(f.mask << f.shift)) | (v << f.shift);
    },
    emit: () => {
      transitions++;
      if (insert(child, 0)) {
        for (let w = 0; w < W; w++) next.push(child[w]!);
        parents.push(expanding);
      }
      child.set(parent);
    },
  };

  const start = performance.now();
  insert(child, 0); // every explorer here lays its initial configuration out as all zeros
  let level = new Array<number>(W).fill(0);
  let depth = 0;
  let peakQueue = 0;
  for (let id = 0; ; depth++) {
    next = [];
    for (let k = 0; k < level.length; k += W, id++) {
      for (let w = 0; w < W; w++) parent[w] = level[k + w]!;
      child.set(parent);
      expanding = id;
      expand(cursor);
    }
    peakQueue = Math.max(peakQueue, level.length + next.length);
    if (next.length === 0) break;
    level = next;
  }
  const seconds = (performance.now() - start) / 1000;
  const bytes = keys.byteLength + occupied.byteLength + size * 4 + peakQueue * 4;
  return { states: size, transitions, depth, seconds, bytesPerState: Math.round(bytes / size) };
}
