import type { EvalFrame } from '../model/model';
import * as F from './flatLayout';

/** An `EvalFrame` whose fields the explorer refreshes in place. */
interface FlatFrame {
  state: number;
  readonly vars: Int32Array;
  readonly sent: Int32Array;
  readonly acked: Int32Array;
  readonly failed: Int32Array;
  readonly ambiguous: Int32Array;
  crashes: number;
}

/** What expressions read (model.ts `EvalFrame`) from flat vectors (`flatLayout.ts`), for the fast stepper. */
export class FlatFrames {
  constructor(
    private readonly L: F.FlatLayout,
    private readonly events: number,
    /** The event index of each client event's place (a request's `F.EVENT` slot). */
    private readonly clientEvents: Int32Array,
  ) {}

  /**
   * The frame of a vector. The explorer passes the same two buffers again and again, so each
   * gets one persistent frame (a live `vars` view, reused count arrays) refreshed here instead
   * of a new frame and four arrays per evaluation; any other buffer gets a fresh frame.
   */
  frame(v: Int32Array, observables: boolean): EvalFrame {
    let f: FlatFrame;
    if (v === this.bufA) f = this.frameA!;
    else if (v === this.bufB) f = this.frameB!;
    else if (this.bufA === null) {
      this.bufA = v;
      f = this.frameA = this.newFrame(v);
    } else if (this.bufB === null) {
      this.bufB = v;
      f = this.frameB = this.newFrame(v);
    } else f = this.newFrame(v);
    f.state = v[F.STATE]!;
    f.crashes = v[F.CRASHES]!;
    if (observables) this.countObservables(v, f);
    return f;
  }

  private newFrame(v: Int32Array): FlatFrame {
    const L = this.L, n = this.events;
    const vars = v.subarray(L.vars, L.vars + L.nv);
    return { state: 0, vars, sent: new Int32Array(n), acked: new Int32Array(n), failed: new Int32Array(n), ambiguous: new Int32Array(n), crashes: 0 };
  }

  /** The observable counts of §2 (`sent.E`, …) from the client slots. */
  private countObservables(v: Int32Array, f: FlatFrame): void {
    const L = this.L;
    const { sent, acked, failed, ambiguous } = f;
    for (let e = 0; e < sent.length; e++) sent[e] = acked[e] = failed[e] = ambiguous[e] = 0;
    for (let r = 0; r < L.requests; r++) {
      const b = L.clients + 7 * r;
      const s = v[b + F.STATUS]!;
      if (s === F.STATUS_CODE.unsent) continue;
      const e = this.clientEvents[v[b + F.EVENT]!]!;
      sent[e]!++;
      if (s === F.STATUS_CODE.ok) acked[e]!++;
      else if (s === F.STATUS_CODE.error) failed[e]!++;
      else if (s === F.STATUS_CODE.ambiguous) ambiguous[e]!++;
    }
  }

  private bufA: Int32Array | null = null;
  private bufB: Int32Array | null = null;
  private frameA: FlatFrame | null = null;
  private frameB: FlatFrame | null = null;
}
