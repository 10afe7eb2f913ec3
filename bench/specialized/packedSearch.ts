/**
 * What every hand-specialized explorer of the bench shares: configurations as bit fields in up
 * to four 32-bit words, stored exactly (open addressing, no fingerprint) with a parent link and
 * the index of the step that reached it (what a trace is rebuilt from), and a breadth-first
 * loop. The design-specific part is one `expand` function that edits the successor through
 * `get`/`set` and calls `emit` once per step (`stay` for a step that changes nothing), and optionally a `stored` check of each new
 * configuration (MODEL.md §6's state invariants, §7's state coverage and outcomes).
 */
export interface SpecializedResult {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly seconds: number;
  readonly bytesPerState: number;
  /** §7 as the engine reports it, where the explorer computes it (indices in document order). */
  readonly statesReached?: readonly number[];
  readonly transitionsReached?: readonly number[];
  readonly outcomes?: { readonly ok: number; readonly error: number; readonly ambiguous: number };
}

/** The indices whose flag is set. */
export const reachedOf = (flags: Uint8Array): number[] => [...flags.keys()].filter((i) => flags[i] === 1);

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
  /** Counts a step that changes nothing (a message received again): one transition, no look-up, as the engine does. */
  stay(): void;
}

/**
 * `stored`, when given, sees each new configuration (through `get`) before it is queued; false
 * means it violates (§6): it is counted but not expanded.
 */
export function search(shape: Layout, expand: (c: Cursor) => void, stored?: (get: Cursor['get']) => boolean): SpecializedResult {
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
  // Links in typed arrays that double: a parent id and a step index (255: the initial configuration).
  let parents = new Int32Array(1 << 16);
  let steps = new Uint8Array(1 << 16);
  parents[0] = -1;
  steps[0] = 255;
  let transitions = 0;
  let expanding = 0;
  let step = 0; // the index of the step being emitted among the expanded configuration's
  const get = (f: Field): number => (child[f.word]! >>> f.shift) & f.mask;
  const cursor: Cursor = {
    get,
    set: (f, v) => {
      child[f.word] = (child[f.word]! & ~(f.mask << f.shift)) | (v << f.shift);
    },
    emit: () => {
      transitions++;
      if (insert(child, 0)) {
        if (size > parents.length) {
          const p = new Int32Array(2 * parents.length), s = new Uint8Array(2 * steps.length);
          p.set(parents);
          s.set(steps);
          parents = p;
          steps = s;
        }
        parents[size - 1] = expanding;
        steps[size - 1] = step; // every configuration here has fewer than 255 steps
        if (stored === undefined || stored(get)) for (let w = 0; w < W; w++) next.push(child[w]!);
      }
      step++;
      child.set(parent);
    },
    stay: () => {
      transitions++;
      step++;
    },
  };

  const start = performance.now();
  insert(child, 0); // every explorer here lays its initial configuration out as all zeros
  if (stored !== undefined && !stored(get)) throw new Error('the initial configuration violates');
  let level = new Array<number>(W).fill(0);
  let depth = 0;
  let peakQueue = 0;
  for (let id = 0; ; depth++) {
    next = [];
    for (let k = 0; k < level.length; k += W, id++) {
      for (let w = 0; w < W; w++) parent[w] = level[k + w]!;
      child.set(parent);
      expanding = id;
      step = 0;
      expand(cursor);
    }
    peakQueue = Math.max(peakQueue, level.length + next.length);
    if (next.length === 0) break;
    level = next;
  }
  const seconds = (performance.now() - start) / 1000;
  const bytes = keys.byteLength + occupied.byteLength + size * 5 + peakQueue * 4; // a parent link and a step index
  return { states: size, transitions, depth, seconds, bytesPerState: Math.round(bytes / size) };
}
