/**
 * Per stored configuration, its parent's id and the index of the step that first reached it
 * (the traces are rebuilt from these by re-running the steps, `report.ts`): 5 bytes each, a
 * 4-byte parent and a 1-byte step index (an index of 255 or more, a configuration with that many
 * enabled steps, or the initial configuration's -1, is kept in a map beside). Held in fixed chunks, so growing never copies and never
 * holds twice the room it needs (a doubled array would: up to 10 bytes a configuration).
 */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const WIDE = 255;

/** What a thread hands over (plain data: it crosses to the coordinator by structured clone). */
export interface LinkData {
  /** Configurations linked. */
  readonly count: number;
  readonly parents: readonly Int32Array[];
  readonly steps: readonly Uint8Array[];
  /** Step indices of 255 and over (and -1), by configuration number. */
  readonly wideSteps: ReadonlyMap<number, number>;
}

/** Read access by configuration id, what `report.ts` walks. */
export interface Links {
  /** The parent's id, -1 for the initial configuration (and for an id never stored). */
  parent(id: number): number;
  step(id: number): number;
}

export class ParentLinks {
  count = 0;
  private readonly parents: Int32Array[] = [];
  private readonly steps: Uint8Array[] = [];
  private readonly wideSteps = new Map<number, number>();

  add(parent: number, stepIndex: number): void {
    const n = this.count++;
    const c = n >>> CHUNK_BITS, k = n & (CHUNK - 1);
    if (k === 0) {
      this.parents.push(new Int32Array(CHUNK));
      this.steps.push(new Uint8Array(CHUNK));
    }
    this.parents[c]![k] = parent;
    if (stepIndex >= WIDE || stepIndex < 0) {
      this.steps[c]![k] = WIDE;
      this.wideSteps.set(n, stepIndex);
    } else this.steps[c]![k] = stepIndex;
  }

  get bytes(): number {
    return this.parents.length * CHUNK * 5 + this.wideSteps.size * 16;
  }

  data(): LinkData {
    return { count: this.count, parents: this.parents, steps: this.steps, wideSteps: this.wideSteps };
  }
}

/** The buffers of `data`, to transfer to another thread instead of copying them. */
export function linkBuffers(data: LinkData): ArrayBuffer[] {
  return [...data.parents.map((a) => a.buffer), ...data.steps.map((a) => a.buffer)] as ArrayBuffer[];
}

/** One thread's links read by configuration number. */
export function linksOf(data: LinkData): Links {
  return {
    parent: (n) => (n >= 0 && n < data.count ? data.parents[n >>> CHUNK_BITS]![n & (CHUNK - 1)]! : -1),
    step(n) {
      const s = data.steps[n >>> CHUNK_BITS]![n & (CHUNK - 1)]!;
      return s === WIDE ? data.wideSteps.get(n)! : s;
    },
  };
}

/** The links of `count` threads by configuration id (`thread + count × number`), without merging them. */
export function mergedLinks(parts: readonly LinkData[], count: number): Links {
  const each = parts.map(linksOf);
  return {
    parent: (id) => (id < 0 ? -1 : each[id % count]?.parent(Math.floor(id / count)) ?? -1),
    step: (id) => each[id % count]!.step(Math.floor(id / count)),
  };
}
