import type { ModelV2 } from '../../model/v2/model';
import type { CheckProgress, ExploreOptions, Limit } from '../result';
import { ConfigurationStore } from './configurationStore';
import { Packing } from './packing';
import type { CheckResultV2, ViolationReportV2 } from './result';
import { StepRules } from './stepRules';
import type { ViolationV2 } from './stepTypes';
import { RecordLinks } from './recordLinks';
import { labelsTo, rebuildTrace, traceStart, traceStartIndex } from './trace';
import { CallOutcomeCounter, callOutcomesResult } from './callOutcomes';
import { splitCallCoverage } from './callReading';
import { ShortestViolations } from './shortestViolations';
import { Symmetry } from './symmetry';
import { deadlockOf } from './deadlock';
import { LocalTables } from './localTables';
import { InvariantMemo } from './invariantMemo';

/**
 * Breadth-first checking of a version-2 design, with the one set of step rules (`StepRules`).
 * Configurations are stored exactly (packed, no fingerprints); each keeps its parent and the
 * ordinal of the step that reached it, from which `trace.ts` rebuilds a shortest trace by
 * re-running the rules. After the first violation, the level is finished and every distinct
 * (kind, name) at that depth is reported, each with one shortest trace. A design with calls also
 * gets client outcomes per call site, counted as each configuration is stored (`callOutcomes.ts`).
 */
export interface ExplorationV2 {
  run(budgetMs: number): boolean;
  progress(): CheckProgress;
  result(): CheckResultV2;
  stop(limit: Limit): void;
  /** Stored configuration `r` (0 is the initial one, then breadth-first), its parent (-1) and the ordinal of the step from it. */
  stored(r: number): { readonly configuration: Float64Array; readonly parent: number; readonly ordinal: number };
}

interface Found {
  readonly violation: ViolationV2;
  readonly depth: number;
  /** The configuration the trace ends in (a configuration violation) or starts the violating step from. */
  readonly record: number;
  /** For a violation found on a step: the step's ordinal from `record`; -1 for a configuration violation. */
  readonly ordinal: number;
}

const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

export function createExplorationV2(model: ModelV2, options: ExploreOptions = {}): ExplorationV2 {
  const started = performance.now();
  const rules = new StepRules(model);
  const packing = new Packing(model);
  const W = packing.words;
  const store = new ConfigurationStore(W);
  const links = new RecordLinks();
  const key = new Int32Array(W);
  /** The packing of the configuration being expanded; each successor's key is it patched with the step's writes. */
  const curKey = new Int32Array(W);
  const cur = new Float64Array(model.size);
  /** The slots of `cur` the last unpacking changed. */
  const unpacked = new Int32Array(model.size);
  const shortest = new ShortestViolations<Found>();
  const reachedTransitions = new Uint8Array(model.transitions.length);
  const reachedStates = model.roles.map((r) => new Uint8Array(r.states.length));
  const outcomes = new CallOutcomeCounter(model);
  /** Symmetry reduction (format-v2.md §18): every configuration is stored as its class's canonical form. */
  const sym = model.symmetry ? new Symmetry(model) : null;
  let transitions = 0;
  let levelEnd = 0;
  let cursor = 0;
  let depth = 0;
  let done = false;
  let limit: Limit | null = null;
  const maxStates = options.maxStates ?? Infinity;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxMs = (options.maxSeconds ?? Infinity) * 1000;

  /** State invariants remembered by the values they read (`invariantMemo.ts`). */
  const memo = options.invariantMemo === false ? null : InvariantMemo.of(model, packing);
  const bytes = (): number => store.bytes() + links.bytes() + (memo?.bytes() ?? 0);
  const note = (v: ViolationV2, d: number, record: number, ordinal: number): void => {
    shortest.note(v, d, () => ({ violation: v, depth: d, record, ordinal }));
  };
  /** Per slot: the role whose state it holds, or -1. */
  const stateRoleOf = new Int32Array(model.size).fill(-1);
  for (const role of model.roles) for (const base of role.bases) stateRoleOf[base + role.stateSlot] = role.index;
  /** Marks the states of `vec`: all of them for the initial configuration, else those the step changed (the parent's are marked). */
  const markStates = (vec: Float64Array, initial: boolean): void => {
    const n = initial ? model.size : rules.writtenCount;
    for (let j = 0; j < n; j++) {
      const i = initial ? j : rules.written[j]!;
      const role = stateRoleOf[i]!;
      if (role >= 0) reachedStates[role]![vec[i]! | 0] = 1;
    }
  };
  /** Stores `vec`, whose packing is in `key`. */
  const store1 = (vec: Float64Array, from: number, ordinal: number): number => {
    const r = store.add(key, 0);
    if (store.added) stored(vec, from, ordinal, r);
    return r;
  };
  /** What a new record `r` (the configuration `vec`, packed in `key`) gets: its link, coverage, outcomes, invariants. */
  const stored = (vec: Float64Array, from: number, ordinal: number, r: number): void => {
    links.set(r, from, ordinal);
    markStates(vec, from < 0 || sym !== null);
    outcomes.note(vec, r);
    const violations = memo === null ? rules.checkState(vec) : memo.check(rules, vec, key);
    if (violations.length) {
      links.block(r);
      for (const v of violations) note(v, depth + (from < 0 ? 0 : 1), r, -1);
    }
  };

  // Every initial configuration (several when vars list initial values, format-v2.md §8) at depth 0.
  for (const initial of model.initials) {
    const start = sym ? sym.canonical(initial) : initial;
    packing.pack(start, key, 0);
    store1(start, -1, -1);
  }
  // `cur` is always the unpacking of `curKey` (here of all-zero words).
  packing.unpack(curKey, 0, cur);
  levelEnd = store.count;
  if (shortest.found.length) done = true;

  const deadlockCheck = rules.tracksChange;
  // The sink of one expansion: counts, coverage, storage, violations.
  let expanding = 0;
  let ordinal = 0;
  let quiescent = true;
  const sink = (step: { transition: number; kind: string }, next: Float64Array | null, violations: readonly ViolationV2[], changed: boolean): void => {
    transitions++;
    const o = ordinal++;
    if (step.transition >= 0) reachedTransitions[step.transition] = 1;
    if (deadlockCheck && changed && quiescent && step.kind !== 'crash' && step.kind !== 'drop' && step.kind !== 'duplicate') quiescent = false;
    if (next === null) {
      for (const v of violations) note(v, depth + 1, expanding, o);
      return;
    }
    let r = expanding;
    let added = false;
    if (changed && sym !== null) {
      const canonical = sym.canonical(next);
      packing.pack(canonical, key, 0);
      r = store1(canonical, expanding, o);
      added = store.added;
    } else if (changed) {
      for (let i = 0; i < W; i++) key[i] = curKey[i]!;
      packing.patch(key, cur, next, rules.written, rules.writtenCount);
      r = store1(next, expanding, o);
      added = store.added;
    }
    if (violations.length) {
      if (added) links.block(r);
      for (const v of violations) note(v, depth + 1, expanding, o);
    }
  };

  // Steps from tables (`localTables.ts`): no symmetry, whose canonical forms are packed whole.
  const tables = sym === null && options.localTables !== false ? LocalTables.of(model, rules, packing) : null;
  /**
   * A tabled step's new configuration needs no vector when nothing else reads it: its invariants
   * known to hold (`invariantMemo.ts`), no call outcomes to count, and its states reached among
   * the step's fixed writes (the parent's are marked).
   */
  const vectorless = tables !== null && memo !== null && outcomes.sites.length === 0;
  const markWrite = (slot: number, value: number): void => {
    const role = stateRoleOf[slot]!;
    if (role >= 0) reachedStates[role]![value | 0] = 1;
  };
  /** A tabled step: its successor's packing is in `key` (a transition with fixed writes: never a violation, never a fault). */
  const tabled = (transition: number, differs: boolean): void => {
    transitions++;
    const o = ordinal++;
    reachedTransitions[transition] = 1;
    if (!differs) return;
    quiescent = false;
    const r = store.add(key, 0);
    if (!store.added) return;
    if (vectorless && memo!.holds(key)) {
      links.set(r, expanding, o);
      tables!.forEachWrite(markWrite);
      return;
    }
    stored(tables!.successor(), expanding, o, r);
    rules.undo();
  };

  const expandOne = (r: number): void => {
    // `cur` and `curKey` hold the configuration expanded last: only the words that differ are unpacked.
    const count = packing.unpackChanged(store.chunk(r), store.offset(r), cur, curKey, unpacked);
    expanding = r;
    ordinal = 0;
    quiescent = true;
    if (tables !== null) tables.expand(cur, unpacked, count, curKey, key, sink, tabled);
    else rules.forEachStepChanged(cur, unpacked, count, sink);
    if (deadlockCheck && quiescent) {
      const stuck = deadlockOf(model, cur);
      if (stuck) note(stuck, depth, r, -1);
    }
  };

  const exploration: ExplorationV2 = {
    run(budgetMs) {
      if (done) return true;
      const deadline = performance.now() + budgetMs;
      let tick = 0;
      while (!done) {
        if (cursor >= levelEnd) {
          // The level is expanded: stop at the violations it found, else go one deeper.
          if (shortest.depth >= 0 || store.count === levelEnd) {
            done = true;
            break;
          }
          levelEnd = store.count;
          depth++;
        }
        if (!links.isBlocked(cursor)) expandOne(cursor);
        cursor++;
        if ((++tick & 255) === 0) {
          const now = performance.now();
          if (store.count >= maxStates) limit = 'states';
          else if (now - started > maxMs) limit = 'time';
          else if (bytes() > maxBytes) limit = 'memory';
          else if (options.shouldStop?.()) limit = 'cancelled';
          if (limit) {
            done = true;
            break;
          }
          if (now > deadline) return false;
        }
      }
      return true;
    },
    progress() {
      const elapsedMs = performance.now() - started;
      return { states: store.count, transitions, depth, statesPerSecond: Math.round(store.count / Math.max(elapsedMs / 1000, 1e-3)), elapsedMs };
    },
    stored(r) {
      const configuration = new Float64Array(model.size);
      packing.unpack(store.chunk(r), store.offset(r), configuration);
      return { configuration, parent: links.parent[r]!, ordinal: links.ordinal[r]! };
    },
    stop(l) {
      limit = l;
      done = true;
    },
    result() {
      const seconds = (performance.now() - started) / 1000;
      const violations: ViolationReportV2[] = shortest.found.map((f) => ({
        kind: f.violation.kind,
        name: f.violation.name,
        depth: f.depth,
        detail: f.violation.detail,
        trace: rebuildTrace(model, rules, packing, store.records, links.parent, links.ordinal, f.record, f.ordinal, f.violation, sym),
        ...traceStart(model, packing, store.records, links.parent, f.record, sym),
      })).map((v) => (sym === null ? v : { ...v, detail: v.trace.at(-1)?.violation ?? v.detail }));
      const verdict = violations.length ? 'violation' : limit ? 'incomplete' : 'ok';
      const fullDepth = verdict === 'ok' ? depth : verdict === 'violation' ? shortest.depth : Math.max(0, depth - 1);
      return {
        version: 2,
        verdict,
        states: store.count,
        transitions,
        depth: fullDepth,
        violations,
        coverage: coverageV2(model, reachedStates.flatMap((marks) => [...marks]), reachedTransitions),
        ...callOutcomesResult(
          outcomes.sites,
          outcomes.tally(),
          (r) => labelsTo(model, rules, packing, store.records, links.parent, links.ordinal, r, sym),
          (r) => traceStartIndex(model, packing, store.records, links.parent, r, sym),
        ),
        seconds: Number(seconds.toFixed(3)),
        statesPerSecond: Math.round(store.count / Math.max(seconds, 1e-3)),
        bytesPerState: Math.round(bytes() / Math.max(1, store.count)),
        limit: violations.length ? null : limit,
        ...(sym ? { symmetry: symmetryNote(model, sym) } : {}),
        ...(limit && !violations.length ? { reason: reasonFor(limit) } : {}),
      };
    },
  };
  return exploration;
}

/** What a symmetry-reduced result counts (format-v2.md §18): `states` are classes. */
function symmetryNote(model: ModelV2, sym: Symmetry): NonNullable<CheckResultV2['symmetry']> {
  const s = model.symmetry!;
  return { roles: s.roles.map((r) => model.roles[r]!.name), values: s.values, permutations: sym.count, note: 'states counts symmetry classes: one configuration is stored per class of configurations equal up to these permutations' };
}

/** Runs a whole search (the command line, tests). */
export function exploreV2(model: ModelV2, options: ExploreOptions = {}): CheckResultV2 {
  const e = createExplorationV2(model, options);
  let last = performance.now();
  while (!e.run(100)) {
    if (options.onProgress && performance.now() - last >= (options.progressEveryMs ?? 250)) {
      options.onProgress(e.progress());
      last = performance.now();
    }
  }
  return e.result();
}

/**
 * Coverage from marks over every role's states (role by role, in order) and over the transitions:
 * the user's own transitions, and a call's machinery per call site apart (`calls`, only with calls).
 */
export function coverageV2(model: ModelV2, states: ArrayLike<number>, transitions: ArrayLike<number>): CheckResultV2['coverage'] {
  const stateNames = model.roles.flatMap((r) => r.states.map((s) => `${r.name}.${s.name}`));
  const split = (names: readonly string[], marks: ArrayLike<number>) => ({ reached: names.filter((_, i) => marks[i] === 1), unreached: names.filter((_, i) => marks[i] !== 1) });
  const all = split(model.transitions.map((t) => t.name), transitions);
  const { reached, unreached, calls } = splitCallCoverage(model, all.reached, all.unreached);
  return { states: split(stateNames, states), transitions: { reached, unreached }, ...(calls.length ? { calls } : {}) };
}

export function reasonFor(limit: Limit): string {
  switch (limit) {
    case 'states':
      return 'the state limit was reached';
    case 'time':
      return 'the time limit was reached';
    case 'memory':
      return 'the memory limit was reached';
    case 'cancelled':
      return 'the check was cancelled';
  }
}
