import type { Model } from '../model/model';
import { initialConfiguration } from './configuration';
import { createFlatCodec, fieldBits, type FlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { MODE, STATE, STATUS_CODE, flatLayout, toFlat, type FlatLayout } from './flatLayout';
import { FlatStepper } from './flatStep';
import type { SearchStorage } from './searchStorage';

/** What the level loop (`explorer.ts`) asks of an expander. */
export interface Expander {
  /** Int32 words of a packed configuration (a record of the storage's queue). */
  readonly words: number;
  /** The second fingerprint (`f2`) alone names a configuration: two configurations never share one. */
  readonly namedByF2: boolean;
  /** Stores the initial configuration (depth 0). */
  start(storage: SearchStorage): void;
  /** Expands record `index` of `level` (records of `storage.record` Int32), configuration `id`, at `depth`, storing what is new. */
  expand(storage: SearchStorage, level: Int32Array, index: number, id: number, depth: number): void;
  /** A new level begins: no record of it has been expanded yet. */
  newLevel(): void;
}

/**
 * The explorer's fast path (MODEL.md §4–§6 on flat vectors, `flatStep.ts`): each step is applied
 * to the parent's vector in place and undone through the journal that keeps the packed record
 * (`flatFingerprint.ts`), so nothing is copied per step; the fingerprint is taken from that
 * record, and a new configuration that violates nothing is queued as that record.
 */
export class FlatExpander implements Expander {
  readonly words: number;
  readonly namedByF2: boolean;
  private readonly layout: FlatLayout;
  private readonly codec: FlatCodec;
  private readonly journal: FlatFingerprint;
  private readonly stepper: FlatStepper;
  /** The flat vector being expanded: each step is applied to it in place and undone. */
  private readonly vec: Int32Array;
  /** A copy of the parent, only for step and transition invariants (they read both sides of a step). */
  private readonly pre: Int32Array;
  /** The record expanded last in this level (-2: none): the vector still holds it. */
  private expandedLast = -2;
  private level: Int32Array = new Int32Array(0);
  /** Per record word, the bits of the mode and of both channels' lengths (each 0 exactly when its bits are: their low bound is 0). */
  private readonly busyBits: Int32Array;
  /** Per state, 1 when an internal or timer event has a transition from it with no guard: never quiescent (§6) while up. */
  private readonly busyState: Uint8Array;
  /** The state's field in the record: its word (-1: one state, never packed), mask in place, low bound and shift (`slotFields`). */
  private readonly stateWord: number;
  private readonly stateMask: number;
  private readonly stateLow: number;
  private readonly stateShift: number;

  constructor(
    private readonly model: Model,
    /** Tests (`ExploreOptions.verifyTables`): each tabulated step is held to `apply`. */
    private readonly verify = false,
  ) {
    this.layout = flatLayout(model);
    this.codec = createFlatCodec(model, this.layout);
    this.journal = new FlatFingerprint(this.codec);
    this.stepper = new FlatStepper(model, this.layout, this.journal, this.codec);
    this.words = this.codec.words;
    // Of one word, `FlatFingerprint.fingerprint`'s f2 is an invertible mix of it (its f1 need not be).
    this.namedByF2 = this.words === 1;
    this.vec = new Int32Array(this.layout.width);
    this.pre = new Int32Array(this.layout.width);
    const f = this.codec.slotFields;
    this.busyBits = fieldBits(this.codec, [MODE, this.layout.tmLen, this.layout.tcLen]);
    this.busyState = Uint8Array.from(model.candidates, (byEvent) => (model.firedEvents.some((e) => byEvent[e]!.some((t) => t.guard === null)) ? 1 : 0));
    [this.stateWord, this.stateMask, this.stateLow, this.stateShift] = [f[4 * STATE]!, f[4 * STATE + 1]!, f[4 * STATE + 2]!, f[4 * STATE + 3]!];
  }

  start(storage: SearchStorage): void {
    toFlat(this.model, this.layout, initialConfiguration(this.model), this.vec);
    this.journal.of(this.vec);
    this.journal.fingerprint();
    if (storage.admit(this.journal.f1, this.journal.f2)) this.store(storage, -1, -1, 0);
  }

  newLevel(): void {
    this.expandedLast = -2;
  }

  expand(storage: SearchStorage, level: Int32Array, index: number, id: number, depth: number): void {
    const { vec, stepper, journal, codec } = this;
    const Q = storage.record;
    const o = index * Q;
    // The vector still holds the record before this one (each step was undone): decode only what differs.
    if (level === this.level && index === this.expandedLast + 1) codec.unpackChanged(level, o, vec, level, o - Q);
    else codec.unpack(level, o, vec);
    journal.from(level, o);
    this.level = level;
    this.expandedLast = index;
    const checksSteps = stepper.hasStepChecks;
    if (checksSteps) this.pre.set(vec);
    const count = stepper.enumerate(vec);
    storage.transitions += count;
    const d = depth + 1;
    const { args2, stepTable, stepKey } = stepper;
    for (let k = 0; k < count; k++) {
      // A step with a table (`flatMemo.ts`): its record from the table, unless this key is not in it yet.
      const table = stepTable[k]!;
      const key = table !== null ? stepKey[k]! : 0;
      if (table !== null && table.tabulated(key)) {
        // (A transition's coverage is taken: it was taken the ordinary way when this key was learnt.)
        journal.patch(table.keep, key * table.keepStride, table.bits, key * this.words);
        if (this.verify) this.verifyTabulated(k, key);
        journal.fingerprint();
        // Only a new configuration gets its vector (what `store` reads): the written fields decoded, then the parent's again.
        if (storage.admit(journal.f1, journal.f2)) {
          if (table.keepsInvariants && !this.mayBeQuiescent(journal.words)) this.storeKept(storage, id, k);
          else {
            codec.unpackChanged(journal.words, 0, vec, journal.base, 0);
            this.store(storage, id, k, d);
            codec.unpackChanged(journal.base, 0, vec, journal.words, 0);
          }
        }
        if (storage.limit !== null) return;
        continue;
      }
      journal.begin();
      const produced = stepper.apply(vec, k);
      if (stepper.transition >= 0) storage.transitionsReached[stepper.transition] = 1;
      if (stepper.violations.length > 0) for (const v of stepper.violations) storage.violation(v, d, id, k);
      if (table !== null) table.learnWrites(key, args2[k]!, produced && stepper.violations.length === 0 ? journal.words : null);
      if (produced) {
        if (checksSteps) for (const v of stepper.checkStep(this.pre, vec)) storage.violation(v, d, id, k);
        // Most successors were seen before: only a new one costs the call that stores it.
        journal.fingerprint();
        if (storage.admit(journal.f1, journal.f2)) this.store(storage, id, k, d);
      }
      journal.undo(vec);
      if (storage.limit !== null) return;
    }
  }

  /** The record just patched from a table is the one `apply` gives for step k (tests only: throws when not). */
  private verifyTabulated(k: number, key: number): void {
    const { journal, vec, stepper } = this;
    const patched = Int32Array.from(journal.words);
    journal.begin();
    stepper.apply(vec, k);
    const taken = Int32Array.from(journal.words);
    journal.undo(vec);
    journal.words.set(patched);
    if (taken.some((w, i) => w !== patched[i]))
      throw new Error(`step ${k} (kind ${stepper.kinds[k]}, key ${key}) from its table gives [${patched.join()}], taken gives [${taken.join()}]`);
  }

  /**
   * `vec` (a successor, its record in `journal`), admitted as new: it is numbered, its coverage,
   * outcomes and state checks taken, and when it violates nothing its record is copied into the
   * next record of the level queue.
   */
  private store(storage: SearchStorage, parent: number, stepIndex: number, d: number): void {
    const { vec, stepper, layout } = this;
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
    this.enqueue(storage);
  }

  /**
   * A new configuration from a table that keeps the state invariants (`FiredTable.keepsInvariants`)
   * and that is not quiescent: `store` without its vector. Its invariants hold (its parent was
   * queued, so they held there, and no slot they read was written); only a quiescent one has
   * outcomes or a deadlock; and its state was marked reached when the table learnt this key.
   */
  private storeKept(storage: SearchStorage, parent: number, stepIndex: number): void {
    storage.newId(parent, stepIndex);
    this.enqueue(storage);
  }

  /** The record in `journal` becomes the next of the level queue. */
  private enqueue(storage: SearchStorage): void {
    const o = storage.reserve();
    const next = storage.next, words = this.journal.words;
    for (let w = 0; w < words.length; w++) next[o + w] = words[w]!;
  }

  /**
   * False when the record's mode is not up, a channel is not empty, or its state has an unguarded
   * internal or timer transition (a guard that cannot be false: that event is enabled while up):
   * not quiescent (§6), whatever else it holds.
   */
  private mayBeQuiescent(words: Int32Array): boolean {
    const busy = this.busyBits;
    for (let w = 0; w < words.length; w++) if ((words[w]! & busy[w]!) !== 0) return false;
    // A field holds its value less its low bound (`FlatCodec.slotFields`).
    const state = this.stateWord < 0 ? 0 : ((words[this.stateWord]! & this.stateMask) >>> this.stateShift) + this.stateLow;
    return this.busyState[state] === 0;
  }
}
