/** Records per chunk of links and of the store's arena (`configurationStore.ts`). */
export const CHUNK_BITS = 8;
export const CHUNK = 1 << CHUNK_BITS;

/** `into` filled from `chunks` of `per` elements each, in order (as far as `into` reaches): a chunked array as one, for traces. */
export function joinChunks<T extends Int32Array | Uint8Array>(chunks: readonly T[], into: T, per: number): T {
  chunks.forEach((c, k) => into.set(c.subarray(0, Math.max(0, Math.min(per, into.length - k * per))), k * per));
  return into;
}

/**
 * What the explorer keeps per stored configuration beside its packed words: the parent's record
 * number, the ordinal of the step that reached it from the parent (one byte while every ordinal
 * fits, widened to 32 bits the first time one does not), and a bit saying it violated something
 * and is not expanded. Held in chunks of CHUNK records, so growing never copies and never holds
 * more than a chunk of room; `parent` and `ordinal` join them into one array when a trace is read.
 */
export class RecordLinks {
  private readonly parents: Int32Array[] = [];
  private ordinals: (Uint8Array | Int32Array)[] = [];
  private wide = false;
  /** Per chunk, a bit per record (small arrays: growing copies nothing). */
  private readonly blocked: Uint32Array[] = [];
  private count = 0;
  private joined: { parent: Int32Array; ordinal: Uint8Array | Int32Array } | null = null;

  set(r: number, parent: number, ordinal: number): void {
    const c = r >>> CHUNK_BITS;
    while (c >= this.parents.length) this.addChunk();
    if (ordinal > 255 && !this.wide) {
      this.wide = true;
      this.ordinals = this.ordinals.map((o) => Int32Array.from(o));
    }
    this.parents[c]![r & (CHUNK - 1)] = parent;
    this.ordinals[c]![r & (CHUNK - 1)] = ordinal;
    if (r >= this.count) this.count = r + 1;
    this.joined = null;
  }

  block(r: number): void {
    this.blocked[r >>> CHUNK_BITS]![(r & (CHUNK - 1)) >>> 5]! |= 1 << (r & 31);
  }

  isBlocked(r: number): boolean {
    return (this.blocked[r >>> CHUNK_BITS]![(r & (CHUNK - 1)) >>> 5]! & (1 << (r & 31))) !== 0;
  }

  /** Per record: its parent's record number (one array, joined from the chunks when first read after a change). */
  get parent(): Int32Array {
    return this.join().parent;
  }

  get ordinal(): Uint8Array | Int32Array {
    return this.join().ordinal;
  }

  bytes(): number {
    return this.parents.length * CHUNK * (4 + (this.wide ? 4 : 1) + 1 / 8);
  }

  private addChunk(): void {
    this.parents.push(new Int32Array(CHUNK));
    this.ordinals.push(this.wide ? new Int32Array(CHUNK) : new Uint8Array(CHUNK));
    this.blocked.push(new Uint32Array(CHUNK / 32));
  }

  private join(): { parent: Int32Array; ordinal: Uint8Array | Int32Array } {
    if (this.joined) return this.joined;
    const n = this.count;
    const parent = joinChunks(this.parents, new Int32Array(n), CHUNK);
    const ordinal = this.wide ? joinChunks(this.ordinals as Int32Array[], new Int32Array(n), CHUNK) : joinChunks(this.ordinals as Uint8Array[], new Uint8Array(n), CHUNK);
    this.joined = { parent, ordinal };
    return this.joined;
  }
}
