import type { InvariantModel, Model, TransitionModel } from '../model/model';
import { fieldBits, type FlatCodec } from './flatCodec';
import { bounds } from './flatEnter';
import * as F from './flatLayout';

/** The most keys one table may have (its read vars' ranges multiplied). */
const MAX_KEYS = 4096;
const UNKNOWN = 0, TABULATED = 1, UNTABULATED = 2;
/** What `FiredTable.selected` answers besides a transition index. */
export const NONE = -1, UNSELECTED = -2;

/**
 * Tables the explorer's fast path fills as it goes (`flatStep.ts`, `flatExpander.ts`), one per
 * state and fired event (an internal or timer event, MODEL.md §4 `fire`) whose candidates' guards
 * and updates read only vars (`CompiledExpr.readsVars`): then which transition the event takes,
 * and what that transition writes, are functions of those vars' values alone, the table's key.
 *
 * - **Selection**: the transition the guards select (tried in document order), or none.
 * - **Writes**: a fired transition writes the target state, its updated vars and, entering a
 *   durable state, the persisted state; with `FlatLayout.mirror` nothing else. The table keeps
 *   those fields' bits, so the successor's record is the parent's with them replaced
 *   (`FlatFingerprint.patch`): no expression evaluated, no vector touched, no write journaled.
 *
 * Some steps that are no transition have a table too (`stepTable`): a crash (what it writes is a
 * function of the persisted state and the crash count), and on counted channels a message
 * dropped, duplicated or received, and a timeout.
 *
 * Each key is learnt the first time the step is taken the ordinary way. A key whose guard failed
 * to evaluate, or whose step violated (an eval-error, a value out of range), is never tabulated:
 * that step is always taken, and reported, the ordinary way.
 */
export class FiredTable {
  /** Per key: 0 not known, 1 no transition, 2 + the selected transition's index, -1 a guard's eval-error. */
  private readonly outcome: Int32Array;
  /** Per key: whether the selected transition's writes are known (UNKNOWN, TABULATED, UNTABULATED). */
  private readonly status: Uint8Array;
  /**
   * The bits of the fields the selected transition does not write: per key (`keepStride` words
   * apart), or, when only one transition's writes are tabulated, once (`keepStride` 0).
   */
  readonly keep: Int32Array;
  readonly keepStride: number;
  /** Per key, `words` Int32 each: the written fields' bits. */
  readonly bits: Int32Array;
  /**
   * No state invariant reads a slot this table's steps may write, so a successor from it holds
   * them as its parent did (`markKeptInvariants`).
   */
  keepsInvariants = false;

  constructor(
    readonly vars: VarsKey,
    /** Per transition index: its written fields' masks per record word, or absent when its writes are not tabulated. */
    private readonly keeps: ReadonlyMap<number, Int32Array>,
    private readonly words: number,
    /** Every slot a tabulated step may write. */
    readonly written: readonly number[] = [],
  ) {
    this.outcome = new Int32Array(vars.keys);
    this.status = new Uint8Array(keeps.size > 0 ? vars.keys : 0);
    this.keepStride = keeps.size > 1 ? words : 0;
    this.keep = keeps.size > 1 ? new Int32Array(vars.keys * words) : Int32Array.from([...keeps.values()][0] ?? []);
    this.bits = new Int32Array(keeps.size > 0 ? vars.keys * words : 0);
  }

  /** The transition selected at `key`: its index, NONE, or UNSELECTED (not known, or a guard's eval-error). */
  selected(key: number): number {
    const o = this.outcome[key]!;
    return o > 1 ? o - 2 : o === 1 ? NONE : UNSELECTED;
  }

  /** The ordinary selection's result at `key`: a transition index, NONE, or UNSELECTED (an eval-error). */
  learnSelection(key: number, selected: number): void {
    this.outcome[key] = selected >= 0 ? selected + 2 : selected === NONE ? 1 : -1;
  }

  /** Whether the selected transition's writes at `key` are known. */
  tabulated(key: number): boolean {
    return this.status.length > 0 && this.status[key] === TABULATED;
  }

  /** After transition t was taken the ordinary way at `key`: the successor's record (`words`), or null when it violated. */
  learnWrites(key: number, t: number, words: Int32Array | null): void {
    const keep = this.keeps.get(t);
    if (keep === undefined || this.status[key] !== UNKNOWN) return;
    if (words === null) {
      this.status[key] = UNTABULATED;
      return;
    }
    const W = this.words;
    for (let w = 0; w < W; w++) {
      if (this.keepStride > 0) this.keep[key * W + w] = keep[w]!;
      this.bits[key * W + w] = words[w]! & ~keep[w]!;
    }
    this.status[key] = TABULATED;
  }
}

/**
 * Per state, per fired event (in `model.firedEvents` order): its table, or null. `codec` is null
 * when writes are not to be tabulated (step invariants read the successor's vector).
 */
export function firedTables(model: Model, L: F.FlatLayout, codec: FlatCodec | null): (FiredTable | null)[][] {
  const writes = L.mirror ? codec : null;
  return model.candidates.map((byEvent) => model.firedEvents.map((e) => firedTable(model, L, writes, byEvent[e]!)));
}

function firedTable(model: Model, L: F.FlatLayout, codec: FlatCodec | null, candidates: readonly TransitionModel[]): FiredTable | null {
  const reads = new Set<number>();
  const reachable: TransitionModel[] = [];
  for (const t of candidates) {
    reachable.push(t);
    if (t.guard === null) break; // selected whenever reached: the later ones never are
    if (t.guard.readsVars === null) return null;
    for (const i of t.guard.readsVars) reads.add(i);
  }
  const guardKey = varsKey(model, L, reads);
  if (guardKey === null) return null;
  // The writes too, when the key over the updates' reads as well stays within MAX_KEYS.
  const keeps = new Map<number, Int32Array>();
  const written = new Set<number>();
  for (const t of codec === null ? [] : reachable) {
    if (t.updates.some((u) => u.expr.readsVars === null)) continue;
    for (const u of t.updates) for (const i of u.expr.readsVars!) reads.add(i);
    const writes = writtenBy(model, L, t);
    for (const s of writes) written.add(s);
    keeps.set(t.index, keepAllBut(codec!, writes));
  }
  const key = keeps.size > 0 ? varsKey(model, L, reads) : null;
  return key === null ? new FiredTable(guardKey, new Map(), 0) : new FiredTable(key, keeps, codec!.words, [...written]);
}

/** The slots a fired transition writes: the state, each updated var, and the persisted state when it enters a durable one. */
function writtenBy(model: Model, L: F.FlatLayout, t: TransitionModel): number[] {
  const written = [F.STATE, ...t.updates.map((u) => L.vars + u.var)];
  if (model.states[t.to]!.durable) written.push(F.PSTATE);
  return written;
}

/**
 * The table of a step that is not a transition (a crash, a message dropped, duplicated or
 * received, a timeout: one "transition", 0) whose writes are a function of the values of the
 * slots `reads` alone: the caller (`FlatStepper`) states which, and `written`, every slot the step
 * may write (a slot read but not written keeps its bits, the key's value). The key's ranges are
 * the slots' packed fields (a slot never packed is a constant, and no part of the key). Null when
 * writes are not tabulated (`codec` null) or the key would exceed MAX_KEYS.
 */
export function stepTable(codec: FlatCodec | null, reads: readonly number[], written: readonly number[]): FiredTable | null {
  if (codec === null) return null;
  const fields = codec.slotFields;
  const packed = reads.filter((s) => fields[4 * s]! >= 0);
  const key = VarsKey.over(
    packed,
    packed.map((s) => fields[4 * s + 2]!),
    packed.map((s) => (fields[4 * s + 1]! >>> fields[4 * s + 3]!) + 1),
  );
  return key === null ? null : new FiredTable(key, new Map([[0, keepAllBut(codec, written)]]), codec.words, written);
}

/**
 * Marks each table whose `written` slots none of the state `invariants` reads
 * (`FiredTable.keepsInvariants`). An invariant that reads anything but vars (the state, an
 * observable) leaves every table unmarked.
 */
export function markKeptInvariants(tables: readonly (FiredTable | null)[], invariants: readonly InvariantModel[], L: F.FlatLayout): void {
  if (invariants.some((i) => i.expr.readsVars === null)) return;
  const read = new Set(invariants.flatMap((i) => i.expr.readsVars!.map((x) => L.vars + x)));
  for (const table of tables) if (table !== null) table.keepsInvariants = table.written.every((s) => !read.has(s));
}

/** Per record word, the bits of every field but those of the `written` slots. */
function keepAllBut(codec: FlatCodec, written: readonly number[]): Int32Array {
  return fieldBits(codec, written).map((bits) => ~bits);
}

/**
 * A key over some vars' values in a flat vector: their offsets from their low bounds, mixed radix.
 * Up to four vars (most guards) it is one expression over fields, no loop: it is computed for
 * every fired event of every configuration expanded.
 */
export class VarsKey {
  private readonly s0: number; private readonly s1: number; private readonly s2: number; private readonly s3: number;
  private readonly m0: number; private readonly m1: number; private readonly m2: number; private readonly m3: number;
  /** The key of every var at its low bound, taken off once. */
  private readonly base: number;

  /** The key over vector `slots` whose values run from `lows[i]` over `sizes[i]` values, or null when they multiply to more than MAX_KEYS. */
  static over(slots: readonly number[], lows: readonly number[], sizes: readonly number[]): VarsKey | null {
    const strides: number[] = [];
    let keys = 1;
    for (const size of sizes) {
      strides.push(keys);
      keys *= size;
      if (keys > MAX_KEYS) return null;
    }
    return new VarsKey(Int32Array.from(slots), Int32Array.from(lows), Int32Array.from(strides), keys);
  }

  private constructor(
    /** The vector slots of the read vars, their low bounds and the key's strides. */
    private readonly slots: Int32Array,
    private readonly lows: Int32Array,
    private readonly strides: Int32Array,
    readonly keys: number,
  ) {
    // A term past the vars read has stride 0 (it reads slot 0 and adds nothing).
    const slot = (i: number) => slots[i] ?? 0, stride = (i: number) => (i < slots.length ? strides[i]! : 0);
    [this.s0, this.s1, this.s2, this.s3] = [slot(0), slot(1), slot(2), slot(3)];
    [this.m0, this.m1, this.m2, this.m3] = [stride(0), stride(1), stride(2), stride(3)];
    this.base = lows.reduce((sum, lo, i) => sum + lo * strides[i]!, 0);
  }

  /** The key of the read vars' values in vector `v`. */
  key(v: Int32Array): number {
    if (this.slots.length <= 4)
      return v[this.s0]! * this.m0 + v[this.s1]! * this.m1 + v[this.s2]! * this.m2 + v[this.s3]! * this.m3 - this.base;
    const { slots, lows, strides } = this;
    let key = 0;
    for (let i = 0; i < slots.length; i++) key += (v[slots[i]!]! - lows[i]!) * strides[i]!;
    return key;
  }
}

/** The key over `reads` (var indices), or null when their ranges multiply to more than MAX_KEYS. */
function varsKey(model: Model, L: F.FlatLayout, reads: ReadonlySet<number>): VarsKey | null {
  const vars = [...reads].sort((a, b) => a - b);
  const ranges = vars.map((i) => bounds(model, i));
  return VarsKey.over(
    vars.map((i) => L.vars + i),
    ranges.map(([lo]) => lo),
    ranges.map(([lo, hi]) => hi - lo + 1),
  );
}
