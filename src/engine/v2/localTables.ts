import type { ModelV2, RoleV2 } from '../../model/v2/model';
import type { Packing } from './packing';
import type { StepRules, StepSink } from './stepRules';

/** At most this many pool slots in an instance's view (a table of 2^bits entries per state). */
const MAX_VIEW_BITS = 10;

/** `entryAt` of an entry not learnt yet, and of one no table can give (a step failed or was refused). */
const UNLEARNT = -1;
const GENERAL = -2;

/** Ints per instance in `LocalTables.inst`. */
const INST = 6;

/**
 * Step tables per instance (issue 16): in a state where every transition an instance may take is
 * plain or inert (`StepRules.localView`), which of its steps are enabled depends only on which
 * of a few pool messages are present, and each step writes fixed values. So the steps are learnt
 * once per (instance, state, messages present) by running the step rules for that instance alone,
 * and from then on a successor's packing is the expanded configuration's words with fixed fields
 * set: no vector written, journaled and patched, no plans walked. TwoPhase's resource managers
 * are such instances in every state, and their steps are most of the search's.
 *
 * `expand` gives exactly the steps of `StepRules.forEachStepChanged`, in its order (so step
 * ordinals, from which traces are rebuilt, are the same): the other instances' steps and the
 * steps after them (faults, crashes) go to the sink as ever. `localTables.test.ts` holds it to that.
 */
export class LocalTables {
  /**
   * Per instance g, from `INST * g`, read from the packed words: its mode's word and shift (down
   * when `(word >>> shift) & 1`; word -1: it never crashes), its state's word, shift and mask, and
   * where its states start in `viewOf` (the state's field is `state - lo`, so that is `g * states + lo`).
   */
  private readonly inst: Int32Array;
  /** Per instance g and state s (`g * states + s`, `states` the most of any role): where its view starts in `view`, or -1 when a table cannot give its steps there. */
  private readonly viewOf: Int32Array;
  /**
   * Views one after another: where its entries start (one per subset of its pool slots present),
   * its number of runs, then per run (word, shift, mask, offset) from `Packing.runs`: adjacent
   * one-bit fields read at once, the subset's bits `offset…` being `(word >>> shift) & mask`
   * (TwoPhase's resource managers read `Commit` and `Abort`, adjacent: one run).
   */
  private readonly view: Int32Array;
  /**
   * Per entry (`view[v] + bits`): where it starts in `steps`, or UNLEARNT, or GENERAL. An
   * entry is its step count, then per step (`3 + 2W` ints): its transition, where its writes lie in
   * `writeSlots`/`writeValues` (from, to), and per word `clear`, then per word `set`: the successor's
   * word is `(word & clear) | set`. Flat arrays: learning allocates nothing per entry.
   */
  private readonly entryAt: Int32Array;
  private steps = new Int32Array(256);
  private stepsEnd = 0;
  private writeSlots = new Int32Array(256);
  private writeValues = new Float64Array(256);
  private writesEnd = 0;
  private readonly roleOf: RoleV2[];
  private readonly W: number;
  /** The step being told to `tabled`: its place in `steps`. */
  private at = 0;
  /** While learning: whether every step could be kept, and where the entry's step count is. */
  private learnOk = true;
  private learnStart = 0;
  private readonly record: StepSink;

  private constructor(
    model: ModelV2,
    private readonly rules: StepRules,
    private readonly packing: Packing,
    views: readonly (Int32Array | null)[][],
  ) {
    const n = model.instances.length;
    this.roleOf = model.instances.map((i) => model.roles[i.role]!);
    this.W = packing.words;
    const states = Math.max(...model.roles.map((r) => r.states.length));
    this.inst = new Int32Array(INST * n);
    this.roleOf.forEach((r, g) => {
      const mode = r.modeSlot < 0 ? null : packing.field(r.bases[g - r.first]! + r.modeSlot);
      const state = packing.field(r.bases[g - r.first]! + r.stateSlot);
      this.inst.set([mode?.word ?? -1, mode?.shift ?? 0, state.word, state.shift, state.mask, g * states + state.lo], INST * g);
    });
    this.viewOf = new Int32Array(n * states).fill(-1);
    const view: number[] = [];
    let entries = 0;
    views.forEach((perState, g) =>
      perState.forEach((slots, st) => {
        if (slots === null) return;
        this.viewOf[g * states + st] = view.length;
        const { runs, bits } = packing.runs(slots);
        view.push(entries, runs.length / 4, ...runs);
        entries += 1 << bits;
      }),
    );
    this.view = new Int32Array(view);
    this.entryAt = new Int32Array(entries).fill(UNLEARNT);
    this.record = LocalTables.recorder(this);
  }

  /**
   * The sink that learns `t`'s steps. Made here, not in the constructor: made there (sharing the
   * constructor's context), it left 2.4 MB surviving each scavenge in a loop of small searches
   * (TwoPhase 3 RMs: 15 ms pauses, against 40 KB and 0.3 ms made here; 20,000 searches in 7.9 s
   * and 146 MiB, against 5.0 s and 79 MiB).
   */
  private static recorder(t: LocalTables): StepSink {
    return (step, next, violations) => t.keep(step.transition, next, violations.length === 0);
  }

  /** Tables for `model`'s instances, or null when no instance has a state a table can give. */
  static of(model: ModelV2, rules: StepRules, packing: Packing): LocalTables | null {
    let any = false;
    // A mode or a pool slot is a bit (0 or 1) in the packed words.
    const isBit = (slot: number): boolean => {
      const f = packing.field(slot);
      return f.mask === 1 && f.lo === 0;
    };
    const views = model.instances.map((inst) => {
      const role = model.roles[inst.role]!;
      if (role.modeSlot >= 0 && !isBit(role.bases[inst.local]! + role.modeSlot)) return role.states.map(() => null);
      return role.states.map((_, st) => {
        const view = rules.localView(role, st);
        if (view === null || view.at.length > MAX_VIEW_BITS) return null;
        const slots = new Int32Array(view.at.length);
        for (let j = 0; j < slots.length; j++) slots[j] = view.at[j]! + inst.local * view.mul[j]!;
        if (!slots.every(isBit)) return null;
        any = true;
        return slots;
      });
    });
    return any ? new LocalTables(model, rules, packing, views) : null;
  }

  /**
   * Every step of `vec` (the explorer's configuration, packed in `curKey`, changed since the last
   * call in the `count` slots listed in `changed`), in the step rules' order. A tabled step goes to
   * `tabled` with its successor's packing in `key` and whether it differs from `curKey`; during
   * that call `successor()` gives it as a vector (journaled in `rules.written`) until `rules.undo()`.
   */
  expand(
    vec: Float64Array,
    changed: Int32Array,
    count: number,
    curKey: Int32Array,
    key: Int32Array,
    sink: StepSink,
    tabled: (transition: number, differs: boolean) => void,
  ): void {
    const rules = this.rules;
    const roleOf = this.roleOf;
    const inst = this.inst;
    const viewOf = this.viewOf;
    const view = this.view;
    const entryAt = this.entryAt;
    const W = this.W;
    rules.beginChanged(vec, changed, count);
    for (let g = 0, i = 0; g < roleOf.length; g++, i += INST) {
      const mw = inst[i]!;
      const down = mw >= 0 && ((curKey[mw]! >>> inst[i + 1]!) & 1) === 1;
      const v = down ? -1 : viewOf[inst[i + 5]! + ((curKey[inst[i + 2]!]! >>> inst[i + 3]!) & inst[i + 4]!)]!;
      if (v < 0) {
        rules.instanceSteps(vec, roleOf[g]!, g - roleOf[g]!.first, sink);
        continue;
      }
      let bits = 0;
      for (let r = v + 2, end = r + 4 * view[v + 1]!; r < end; r += 4) bits |= ((curKey[view[r]!]! >>> view[r + 1]!) & view[r + 2]!) << view[r + 3]!;
      const at = view[v]! + bits;
      let o = entryAt[at]!;
      if (o === UNLEARNT) o = entryAt[at] = this.learn(vec, roleOf[g]!, g - roleOf[g]!.first);
      if (o === GENERAL) {
        rules.instanceSteps(vec, roleOf[g]!, g - roleOf[g]!.first, sink);
        continue;
      }
      const steps = this.steps;
      const end = o + 1 + steps[o]! * (3 + 2 * W);
      if (W === 1) {
        const k0 = curKey[0]!;
        for (let p = o + 1; p < end; p += 5) {
          const k = (k0 & steps[p + 3]!) | steps[p + 4]!;
          key[0] = k;
          this.at = p;
          tabled(steps[p]!, k !== k0);
        }
        continue;
      }
      for (let p = o + 1; p < end; p += 3 + 2 * W) {
        let differs = false;
        for (let w = 0; w < W; w++) {
          const k = (curKey[w]! & steps[p + 3 + w]!) | steps[p + 3 + W + w]!;
          key[w] = k;
          if (k !== curKey[w]) differs = true;
        }
        this.at = p;
        tabled(steps[p]!, differs);
      }
    }
    rules.globalSteps(vec, sink);
  }

  /** Each slot the tabled step being told writes, with the value (what `successor()` writes, without writing it). */
  forEachWrite(visit: (slot: number, value: number) => void): void {
    const p = this.at;
    for (let j = this.steps[p + 1]!, end = this.steps[p + 2]!; j < end; j++) visit(this.writeSlots[j]!, this.writeValues[j]!);
  }

  /** The successor of the tabled step being told, written into the step rules' scratch vector (journaled) until `rules.undo()`. */
  successor(): Float64Array {
    const p = this.at;
    return this.rules.applyWrites(this.writeSlots, this.writeValues, this.steps[p + 1]!, this.steps[p + 2]!);
  }

  /**
   * Runs the step rules for one instance of `vec` and appends what each step writes as an entry;
   * GENERAL (no table here) should a step fail or be refused, which a plain step cannot.
   */
  private learn(vec: Float64Array, role: RoleV2, local: number): number {
    const rules = this.rules;
    const start = this.stepsEnd;
    const writesStart = this.writesEnd;
    this.room(1, 0);
    this.steps[this.stepsEnd++] = 0;
    this.learnOk = true;
    this.learnStart = start;
    rules.journalEvery = true;
    try {
      rules.instanceSteps(vec, role, local, this.record);
    } finally {
      rules.journalEvery = false;
    }
    if (this.learnOk) return start;
    this.stepsEnd = start;
    this.writesEnd = writesStart;
    return GENERAL;
  }

  /** The step rules' sink while learning: appends one step (its writes are every slot journaled). */
  private keep(transition: number, next: Float64Array | null, ok: boolean): void {
    if (next === null || !ok || transition < 0) {
      this.learnOk = false;
      return;
    }
    const rules = this.rules;
    const W = this.W;
    const n = rules.writtenCount;
    this.room(3 + 2 * W, n);
    const steps = this.steps;
    const p = this.stepsEnd;
    steps[p] = transition;
    steps[p + 1] = this.writesEnd;
    steps.fill(-1, p + 3, p + 3 + W);
    steps.fill(0, p + 3 + W, p + 3 + 2 * W);
    for (let j = 0; j < n; j++) {
      const slot = rules.written[j]!;
      this.writeSlots[this.writesEnd] = slot;
      this.writeValues[this.writesEnd++] = next[slot]!;
      this.packing.writeInto(slot, next[slot]!, steps, steps, p + 3, p + 3 + W);
    }
    steps[p + 2] = this.writesEnd;
    this.stepsEnd = p + 3 + 2 * W;
    steps[this.learnStart]!++;
  }

  /** Room for `ints` more in `steps` and `writes` more writes. */
  private room(ints: number, writes: number): void {
    if (this.stepsEnd + ints > this.steps.length) {
      const bigger = new Int32Array(Math.max(2 * this.steps.length, this.stepsEnd + ints));
      bigger.set(this.steps);
      this.steps = bigger;
    }
    if (this.writesEnd + writes > this.writeSlots.length) {
      const size = Math.max(2 * this.writeSlots.length, this.writesEnd + writes);
      const slots = new Int32Array(size);
      const values = new Float64Array(size);
      slots.set(this.writeSlots);
      values.set(this.writeValues);
      this.writeSlots = slots;
      this.writeValues = values;
    }
  }
}
