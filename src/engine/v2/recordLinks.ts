import { grownLength } from './configurationStore';
/**
 * What the explorer keeps per stored configuration beside its packed words: the parent's record
 * number, the ordinal of the step that reached it from the parent (one byte while every ordinal
 * fits, widened to 32 bits the first time one does not), and a bit saying it violated something
 * and is not expanded. Arrays grow by an eighth so the slack stays small (`grownLength`).
 */
export class RecordLinks {
  parent = new Int32Array(256);
  ordinal: Uint8Array | Int32Array = new Uint8Array(256);
  private blocked = new Uint32Array(8);

  set(r: number, parent: number, ordinal: number): void {
    if (r >= this.parent.length) this.grow(r + 1);
    this.parent[r] = parent;
    if (ordinal > 255 && this.ordinal instanceof Uint8Array) this.ordinal = Int32Array.from(this.ordinal);
    this.ordinal[r] = ordinal;
  }

  block(r: number): void {
    this.blocked[r >>> 5]! |= 1 << (r & 31);
  }

  isBlocked(r: number): boolean {
    return (this.blocked[r >>> 5]! & (1 << (r & 31))) !== 0;
  }

  bytes(): number {
    return this.parent.byteLength + this.ordinal.byteLength + this.blocked.byteLength;
  }

  private grow(need: number): void {
    let n = this.parent.length;
    while (n < need) n = grownLength(n);
    const parent = new Int32Array(n);
    parent.set(this.parent);
    this.parent = parent;
    const ordinal = this.ordinal instanceof Uint8Array ? new Uint8Array(n) : new Int32Array(n);
    ordinal.set(this.ordinal);
    this.ordinal = ordinal;
    const blocked = new Uint32Array(Math.ceil(n / 32));
    blocked.set(this.blocked);
    this.blocked = blocked;
  }
}
