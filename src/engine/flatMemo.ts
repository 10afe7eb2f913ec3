import type { Model, TransitionModel } from '../model/model';
import type { FlatCodec } from './flatCodec';
import * as F from './flatLayout';

/** The most keys one transition's table may have (its read vars' ranges multiplied). */
const MAX_KEYS = 4096;
const UNKNOWN = 0, TABULATED = 1, UNTABULATED = 2;

/**
 * Tabulated transitions, for the explorer's fast path (`flatExpander.ts`). A fired transition
 * (an internal or timer event's, MODEL.md §4 `fire`) writes the target state, its updated vars
 * and, entering a durable state, the persisted state; and when no transition acks best-effort
 * (`FlatLayout.mirror`) nothing else. When its updates read only vars (`CompiledExpr.readsVars`),
 * what it writes is a function of those vars' values alone: a table indexed by them gives the
 * successor's record as the parent's with the written fields replaced, without evaluating an
 * expression, touching the vector or journaling a write.
 *
 * A table learns each key the first time the step is taken the ordinary way (`learn`); a key
 * whose step violated (an eval-error, a value out of range) is never tabulated, so that step
 * always takes the ordinary way and reports. Only a transition whose read vars' ranges multiply
 * to at most MAX_KEYS gets a table.
 */
export class TransitionTables {
  /** Per transition index: its table, or null when it has none. */
  private readonly tables: (TransitionTable | null)[];

  constructor(model: Model, L: F.FlatLayout, codec: FlatCodec) {
    const fired = new Set(model.firedEvents);
    this.tables = model.transitions.map((t) => (L.mirror && fired.has(t.event) ? tableOf(model, L, codec, t) : null));
  }

  of(transition: number): TransitionTable | null {
    return this.tables[transition] ?? null;
  }
}

/** A key over some vars' values in a flat vector: their offsets from their low bounds, mixed radix. */
class VarsKey {
  constructor(
    /** The vector slots of the read vars, their low bounds and the key's strides. */
    private readonly slots: Int32Array,
    private readonly lows: Int32Array,
    private readonly strides: Int32Array,
    readonly keys: number,
  ) {}

  /** The key of the read vars' values in vector `v`. */
  key(v: Int32Array): number {
    const { slots, lows, strides } = this;
    let key = 0;
    for (let i = 0; i < slots.length; i++) key += (v[slots[i]!]! - lows[i]!) * strides[i]!;
    return key;
  }
}

/** The key over `reads` (var indices), or null when their ranges multiply to more than MAX_KEYS. */
function varsKey(model: Model, L: F.FlatLayout, reads: ReadonlySet<number>): VarsKey | null {
  const vars = [...reads].sort((a, b) => a - b);
  const strides: number[] = [];
  const lows: number[] = [];
  let keys = 1;
  for (const i of vars) {
    const type = model.vars[i]!.type;
    const [lo, hi] = type.kind === 'int' ? [type.lo, type.hi] : [0, type.kind === 'bool' ? 1 : type.values.length - 1];
    strides.push(keys);
    lows.push(lo);
    keys *= hi - lo + 1;
    if (keys > MAX_KEYS) return null;
  }
  return new VarsKey(Int32Array.from(vars, (i) => L.vars + i), Int32Array.from(lows), Int32Array.from(strides), keys);
}

/** What one fired transition writes, per key of the vars its updates read. */
export class TransitionTable {
  /** Per table key: UNKNOWN, TABULATED or UNTABULATED. */
  private readonly status: Uint8Array;
  /** Per table key, `words` Int32: the written fields' bits in place (the rest zero). */
  readonly bits: Int32Array;

  constructor(
    readonly vars: VarsKey,
    /** Per record word: the bits of the fields the transition does not write. */
    readonly keep: Int32Array,
  ) {
    this.status = new Uint8Array(vars.keys);
    this.bits = new Int32Array(vars.keys * keep.length);
  }

  tabulated(key: number): boolean {
    return this.status[key] === TABULATED;
  }

  /** After the step was taken the ordinary way from a vector with `key`: its record (`words`), or null when it violated. */
  learn(key: number, words: Int32Array | null): void {
    if (this.status[key] !== UNKNOWN) return;
    if (words === null) {
      this.status[key] = UNTABULATED;
      return;
    }
    const W = this.keep.length;
    for (let w = 0; w < W; w++) this.bits[key * W + w] = words[w]! & ~this.keep[w]!;
    this.status[key] = TABULATED;
  }
}

function tableOf(model: Model, L: F.FlatLayout, codec: FlatCodec, t: TransitionModel): TransitionTable | null {
  const reads = new Set<number>();
  for (const u of t.updates) {
    if (u.expr.readsVars === null) return null;
    for (const i of u.expr.readsVars) reads.add(i);
  }
  const key = varsKey(model, L, reads);
  if (key === null) return null;
  // The fields it writes: the state, each updated var, and the persisted state when it enters a durable one.
  const written = [F.STATE, ...t.updates.map((u) => L.vars + u.var)];
  if (model.states[t.to]!.durable) written.push(F.PSTATE);
  const keep = new Int32Array(codec.words).fill(-1);
  const fields = codec.slotFields;
  for (const s of written) {
    const w = fields[4 * s]!;
    if (w >= 0) keep[w]! &= ~fields[4 * s + 1]!;
  }
  return new TransitionTable(key, keep);
}

export const NONE = -1, UNSELECTED = -2;

/**
 * Which transition a fired event takes in one state, per key of the vars its candidates' guards
 * read (guards tried in document order, §4): the transition's index, NONE for no transition, or
 * UNSELECTED while not known and when a guard failed to evaluate (that selection is always made
 * the ordinary way, which reports it).
 */
export class GuardTable {
  /** Per key: 0 not known, 1 no transition, 2 + the transition's index, -1 a guard's eval-error. */
  private readonly outcome: Int32Array;

  constructor(readonly vars: VarsKey) {
    this.outcome = new Int32Array(vars.keys);
  }

  selected(key: number): number {
    const o = this.outcome[key]!;
    return o > 1 ? o - 2 : o === 1 ? NONE : UNSELECTED;
  }

  /** The ordinary selection's result for `key`: a transition index, NONE, or UNSELECTED (an eval-error). */
  learn(key: number, selected: number): void {
    this.outcome[key] = selected >= 0 ? selected + 2 : selected === NONE ? 1 : -1;
  }
}

/** Per state, per fired event (in `model.firedEvents` order): its guard table, or null when its guards read more than vars. */
export function guardTables(model: Model, L: F.FlatLayout): (GuardTable | null)[][] {
  return model.candidates.map((byEvent) =>
    model.firedEvents.map((e) => {
      const reads = new Set<number>();
      for (const t of byEvent[e]!) {
        if (t.guard === null) break; // selected whenever reached: the later ones never are
        if (t.guard.readsVars === null) return null;
        for (const i of t.guard.readsVars) reads.add(i);
      }
      const key = varsKey(model, L, reads);
      return key === null ? null : new GuardTable(key);
    }),
  );
}
