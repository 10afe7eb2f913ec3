import type { Model } from '../model/model';
import { initialConfiguration } from './configuration';
import { createFlatCodec, type FlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { STATE, STATUS_CODE, flatLayout, toFlat, type FlatLayout } from './flatLayout';
import { FlatStepper } from './flatStep';
import type { SearchStorage } from './searchStorage';

/** What the level loop (`explorer.ts`) asks of an expander. */
export interface Expander {
  /** Int32 words of a packed configuration (a record of the storage's queue). */
  readonly words: number;
  /** Stores the initial configuration (depth 0). */
  start(storage: SearchStorage): void;
  /** Expands record `index` of `level` (records of `storage.record` Int32), configuration `id`, at `depth`, storing what is new. */
  expand(storage: SearchStorage, level: Int32Array, index: number, id: number, depth: number): void;
  /** A new level begins: no record of it has been expanded yet. */
  newLevel(): void;
}

/**
 * The explorer's fast path (MODEL.md §4–§6 on flat vectors, `flatStep.ts`): each step is applied
 * to the parent's vector in place and undone through the journal that carries the Zobrist
 * fingerprint (`flatFingerprint.ts`), so nothing is copied per step; only a new configuration
 * that violates nothing is packed, from its parent's record (`flatCodec.ts`).
 */
export class FlatExpander implements Expander {
  readonly words: number;
  private readonly layout: FlatLayout;
  private readonly codec: FlatCodec;
  private readonly zobrist: FlatFingerprint;
  private readonly stepper: FlatStepper;
  /** The flat vector being expanded: each step is applied to it in place and undone. */
  private readonly vec: Int32Array;
  /** A copy of the parent, only for step and transition invariants (they read both sides of a step). */
  private readonly pre: Int32Array;
  /** Where the record of the configuration being expanded starts in its level. */
  private parentAt = 0;
  /** The record expanded last in this level (-2: none): the vector still holds it. */
  private expandedLast = -2;
  private level: Int32Array = new Int32Array(0);
  /** The fingerprint of the configuration being expanded (the journal leaves the successor's in `zobrist`). */
  private h1 = 0;
  private h2 = 0;

  constructor(private readonly model: Model) {
    this.layout = flatLayout(model);
    this.codec = createFlatCodec(model, this.layout);
    this.zobrist = new FlatFingerprint(this.layout, this.codec);
    this.stepper = new FlatStepper(model, this.layout, this.zobrist);
    this.words = this.codec.words;
    this.vec = new Int32Array(this.layout.width);
    this.pre = new Int32Array(this.layout.width);
  }

  start(storage: SearchStorage): void {
    toFlat(this.model, this.layout, initialConfiguration(this.model), this.vec);
    this.zobrist.of(this.vec);
    this.store(storage, -1, -1, 0);
  }

  newLevel(): void {
    this.expandedLast = -2;
  }

  expand(storage: SearchStorage, level: Int32Array, index: number, id: number, depth: number): void {
    const { vec, stepper, zobrist, codec } = this;
    const Q = storage.record;
    const o = index * Q;
    // The vector still holds the record before this one (each step was undone): decode only what
    // differs, its fingerprint following the writes (the queue holds no fingerprints: 8 bytes less a record).
    if (level === this.level && index === this.expandedLast + 1) {
      zobrist.begin(this.h1, this.h2);
      codec.unpackChanged(level, o, vec, level, o - Q, zobrist);
    } else {
      codec.unpack(level, o, vec);
      zobrist.of(vec);
    }
    const h1 = (this.h1 = zobrist.h1), h2 = (this.h2 = zobrist.h2);
    this.level = level;
    this.expandedLast = index;
    this.parentAt = o;
    const checksSteps = stepper.hasStepChecks;
    if (checksSteps) this.pre.set(vec);
    const count = stepper.enumerate(vec);
    storage.transitions += count;
    const d = depth + 1;
    for (let k = 0; k < count; k++) {
      zobrist.begin(h1, h2);
      const produced = stepper.apply(vec, k);
      if (stepper.transition >= 0) storage.transitionsReached[stepper.transition] = 1;
      if (stepper.violations.length > 0) for (const v of stepper.violations) storage.violation(v, d, id, k);
      if (produced) {
        if (checksSteps) for (const v of stepper.checkStep(this.pre, vec)) storage.violation(v, d, id, k);
        this.store(storage, id, k, d);
      }
      zobrist.undo(vec);
      if (storage.limit !== null) return;
    }
  }

  /**
   * `vec` (a successor, fingerprinted in `zobrist`): a new configuration that violates nothing is
   * packed straight into the next record of the level queue. Nothing is packed or allocated for
   * the (most) successors seen before.
   */
  private store(storage: SearchStorage, parent: number, stepIndex: number, d: number): void {
    const { vec, stepper, zobrist, layout } = this;
    const h1 = zobrist.h1, h2 = zobrist.h2;
    if (!storage.admit(h1, h2)) return;
    const id = storage.newId(parent, stepIndex);
    storage.statesReached[vec[STATE]!] = 1;
    const quiescent = stepper.quiescent(vec);
    if (quiescent) {
      let ok = false, error = false, ambiguous = false;
      for (let r = 0; r < layout.requests; r++) {
        const status = vec[layout.clients + 7 * r]!;
        if (status === STATUS_CODE.ok) ok = true;
        else if (status === STATUS_CODE.error) error = true;
        else if (status === STATUS_CODE.ambiguous) ambiguous = true;
      }
      storage.outcome(ok, error, ambiguous, id);
    }
    const violations = stepper.checkState(vec, quiescent);
    if (violations.length > 0) {
      for (const v of violations) storage.violation(v, d, parent, stepIndex);
      return;
    }
    const o = storage.reserve();
    const next = storage.next;
    if (parent < 0) this.codec.pack(vec, next, o);
    else this.codec.repack(vec, this.level, this.parentAt, zobrist.slots, zobrist.n, next, o);
  }
}
