import type { ModelV2 } from '../../model/v2/model';
import type { ExpandStatus, PartitionSummary } from '../explorer';
import type { ExploreOptions, Limit } from '../result';
import type { SharedFingerprintSet } from '../sharedFingerprintSet';
import { Packing } from './packing';
import { RecordLinks } from './recordLinks';
import { StepRules } from './stepRules';
import { LocalTables } from './localTables';
import { deadlockOf } from './deadlock';
import { CallOutcomeCounter, type CallOutcomeTally } from './callOutcomes';
import type { ViolationV2 } from './stepTypes';
import { murmur3 } from './murmur';
import { InvariantMemo } from './invariantMemo';
import { ShortestViolations } from './shortestViolations';

/**
 * One thread's part of a version-2 search on several threads, driven by version 1's coordinator
 * (`../partitioned.ts`) exactly like a version-1 partition: the threads share one 64-bit
 * fingerprint set (`../sharedFingerprintSet.ts`), claim chunks of each level through a shared
 * counter, and queue what they stored first for the next level. Each thread keeps the packed
 * configurations it stored, their parent ids and step ordinals, so the main thread can rebuild
 * shortest traces (`threadResult.ts`). A configuration's id is `index + count * (its number here)`.
 * Steps, keys and checks are the single-thread explorer's (`explorer.ts`): `StepRules`, the
 * journal and `Packing.patch`.
 */
export interface FoundV2 {
  readonly kind: string;
  readonly name: string;
  readonly depth: number;
  readonly violation: ViolationV2;
  /** The configuration the trace ends in (ordinal -1) or the violating step starts from. */
  readonly id: number;
  readonly ordinal: number;
}

export interface PartitionFinalV2 extends PartitionSummary {
  /** Per configuration number on this thread: parent id, step ordinal. */
  readonly links: Int32Array;
  /** Per configuration number on this thread: its packed words. */
  readonly records: Int32Array;
  readonly found: readonly FoundV2[];
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  /** Client outcomes per call site counted on this thread (`callOutcomes.ts`; empty without calls). */
  readonly outcomes: CallOutcomeTally;
}

export interface PartitionV2 {
  expandLevel(deadlineMs: number, chunks?: number): ExpandStatus;
  takeNext(): Int32Array;
  /** `ids` is version 1's (`idOf`): a version-2 record carries its own id. `claims`: see `Partition.setLevel`. */
  setLevel(records: Int32Array, ids: Int32Array, depth: number, claims: Int32Array | number, chunk: number): void;
  summary(): PartitionSummary;
  final(): PartitionFinalV2;
}

export function createPartitionV2(
  model: ModelV2,
  options: ExploreOptions,
  sharing: { index: number; count: number; set: SharedFingerprintSet },
): PartitionV2 {
  const { index, count, set } = sharing;
  const rules = new StepRules(model);
  const packing = new Packing(model);
  const W = packing.words;
  const Q = W + 1; // a queued record: the packed words, then the configuration's id
  const maxStates = options.maxStates ?? Infinity;
  const maxBytes = options.maxBytes ?? Infinity;
  let records = new Int32Array(W * 1024);
  const links = new RecordLinks();
  let stored = 0;
  let transitions = 0;
  let next = new Int32Array(Q * 1024);
  let nextCount = 0;
  let level: Int32Array = new Int32Array(0);
  let levelCount = 0;
  let depth = 0;
  let cursor = 0;
  let chunkEnd = 0;
  let claims: Int32Array | number = new Int32Array(1);
  let dealt = 0; // the next chunk dealt to this thread, when chunks are dealt in turn
  let chunk = 1;
  let limit: Limit | null = null;
  const shortest = new ShortestViolations<FoundV2>();
  // Coverage as one array over every role's states (role by role), and one over transitions.
  const stateBase = model.roles.map((_, i) =>
    model.roles.slice(0, i).reduce((n, r) => n + r.states.length, 0),
  );
  const statesReached = new Uint8Array(model.roles.reduce((n, r) => n + r.states.length, 0));
  const transitionsReached = new Uint8Array(model.transitions.length);
  const outcomes = new CallOutcomeCounter(model);
  const key = new Int32Array(W);
  // `cur` is always the unpacking of `curKey` (here of all-zero words), so each expansion unpacks only the words that differ.
  const curKey = new Int32Array(W);
  const cur = new Float64Array(model.size);
  packing.unpack(curKey, 0, cur);

  /** State invariants remembered by the values they read (`invariantMemo.ts`). */
  const memo = options.invariantMemo === false ? null : InvariantMemo.of(model, packing);
  const bytes = (): number =>
    records.byteLength + links.bytes() + next.byteLength + level.byteLength + (index === 0 ? set.bytes : 0) + (memo?.bytes() ?? 0);
  const note = (v: ViolationV2, d: number, id: number, ordinal: number): void => {
    shortest.note(v, d, () => ({ kind: v.kind, name: v.name, depth: d, violation: v, id, ordinal }));
  };

  /** Whether no thread has stored the configuration packed in `key` (it is now counted as stored). */
  const isNew = (): boolean => set.add(murmur3(key, 0, W, 0x9747b28c), murmur3(key, 0, W, 0x5bd1e995));
  /** Stores the new configuration `vec` (packed in `key`; `isNew` said so); returns its id. */
  const keep = (vec: Float64Array, parent: number, ordinal: number, d: number, blockedByStep: boolean): number => {
    const n = stored++;
    if ((n + 1) * W > records.length) {
      const bigger = new Int32Array(Math.ceil(records.length / W / 2) * 3 * W);
      bigger.set(records);
      records = bigger;
    }
    records.set(key, n * W);
    links.set(n, parent, ordinal);
    const id = index + count * n;
    for (const role of model.roles)
      for (const base of role.bases) statesReached[stateBase[role.index]! + (vec[base + role.stateSlot]! | 0)] = 1;
    outcomes.note(vec, id);
    const violations = memo === null ? rules.checkState(vec) : memo.check(rules, vec, key);
    for (const v of violations) note(v, d, id, -1);
    if (violations.length === 0 && !blockedByStep) {
      if ((nextCount + 1) * Q > next.length) {
        const bigger = new Int32Array(next.length * 2);
        bigger.set(next);
        next = bigger;
      }
      next.set(key, nextCount * Q);
      next[nextCount * Q + W] = id;
      nextCount++;
    }
    return id;
  };

  let expanding = 0;
  let ordinal = 0;
  let quiescent = true;
  const sink = (
    step: { transition: number; kind: string },
    after: Float64Array | null,
    violations: readonly ViolationV2[],
    changed: boolean,
  ): void => {
    transitions++;
    const o = ordinal++;
    if (step.transition >= 0) transitionsReached[step.transition] = 1;
    const fault = step.kind === 'crash' || step.kind === 'drop' || step.kind === 'duplicate';
    if (!fault && changed) quiescent = false;
    if (after !== null && changed) {
      for (let i = 0; i < W; i++) key[i] = curKey[i]!;
      packing.patch(key, cur, after, rules.written, rules.writtenCount);
      if (isNew()) keep(after, expanding, o, depth + 1, violations.length > 0);
    }
    for (const v of violations) note(v, depth + 1, expanding, o);
  };

  // Steps from tables, as the single-thread explorer takes them (`localTables.ts`).
  const tables = options.localTables !== false ? LocalTables.of(model, rules, packing) : null;
  const tabled = (transition: number, differs: boolean): void => {
    transitions++;
    const o = ordinal++;
    transitionsReached[transition] = 1;
    if (!differs) return;
    quiescent = false;
    if (!isNew()) return;
    keep(tables!.successor(), expanding, o, depth + 1, false);
    rules.undo();
  };

  /** The slots the last unpacking changed. */
  const unpacked = new Int32Array(model.size);
  const expand = (c: number): void => {
    const count = packing.unpackChanged(level, c * Q, cur, curKey, unpacked);
    expanding = level[c * Q + W]!;
    ordinal = 0;
    quiescent = true;
    if (tables !== null) tables.expand(cur, unpacked, count, curKey, key, sink, tabled);
    else rules.forEachStepChanged(cur, unpacked, count, sink);
    if (rules.tracksChange && quiescent) {
      // The explorer's own reading (deadlock.ts), so both searches name the same instance.
      const stuck = deadlockOf(model, cur);
      if (stuck) note(stuck, depth, expanding, -1);
    }
  };

  const summary = (): PartitionSummary => ({
    states: stored,
    transitions,
    next: nextCount,
    foundDepth: shortest.depth,
    limit,
    bytes: bytes(),
    record: Q,
  });
  const finish = (status: ExpandStatus): ExpandStatus => {
    set.flush();
    return status;
  };
  const takeQueue = (): void => {
    level = next.slice(0, nextCount * Q);
    levelCount = nextCount;
    next = new Int32Array(Q * 1024);
    nextCount = 0;
  };

  // Partition 0 stores the initial configurations: depth 0, the first level, its own.
  if (index === 0) {
    for (const start of model.initials) {
      packing.pack(start, key, 0);
      if (isNew()) keep(start, -1, -1, 0, false);
    }
    set.flush();
    takeQueue();
    chunk = Math.max(1, levelCount);
  }

  return {
    expandLevel(deadlineMs, chunks = Infinity) {
      let tick = 0;
      for (;;) {
        if (limit !== null) return finish('stopped');
        if (set.full()) return finish('full');
        if (cursor === chunkEnd) {
          if (chunks-- <= 0) return finish('yielded');
          let from = dealt;
          if (typeof claims === 'number') dealt += chunk * claims;
          else from = Atomics.add(claims, 0, chunk);
          if (from >= levelCount) return finish('expanded');
          cursor = from;
          chunkEnd = Math.min(from + chunk, levelCount);
        }
        expand(cursor++);
        if (++tick % 64 === 0) {
          if (options.shouldStop?.()) limit = 'cancelled';
          else if (set.size >= maxStates) limit = 'states';
          else if (performance.now() > deadlineMs) limit = 'time';
          else if (bytes() > maxBytes) limit = 'memory';
        }
      }
    },
    takeNext() {
      const out = next.subarray(0, nextCount * Q);
      next = new Int32Array(Q * 1024);
      nextCount = 0;
      return out;
    },
    setLevel(all, _ids, d, counter, length) {
      level = all.slice();
      levelCount = all.length / Q;
      cursor = chunkEnd = 0;
      claims = counter;
      chunk = length;
      dealt = index * length;
      depth = d;
    },
    summary,
    final() {
      const pairs = new Int32Array(2 * stored);
      for (let n = 0; n < stored; n++) {
        pairs[2 * n] = links.parent[n]!;
        pairs[2 * n + 1] = links.ordinal[n]!;
      }
      return {
        ...summary(),
        links: pairs,
        records: records.slice(0, stored * W),
        found: [...shortest.found],
        statesReached,
        transitionsReached,
        outcomes: outcomes.tally(),
      };
    },
  };
}
