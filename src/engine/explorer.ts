import type { Model } from '../model/model';
import { applyAction } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledActions, isQuiescent } from './enabled';
import { FingerprintSet, fingerprint } from './fingerprintSet';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import { FlatStepper } from './flatStep';
import { STATE, fitsFlat, flatLayout, toFlat } from './flatLayout';
import { createCodec } from './pack';
import type { CheckProgress, CheckResult, ExploreOptions, Limit } from './result';
import { buildReport, type Found } from './report';
import type { SharedFingerprintSet } from './sharedFingerprintSet';
import type { Violation } from './violation';
export type { Found } from './report';

/**
 * Breadth-first model checking (MODEL.md §6, §7), after TLC: configurations packed into
 * fixed-width Int32 records, a 64-bit fingerprint set, one flat queue per level (the previous
 * level is freed), and for every stored configuration its parent and the index of the step
 * that reached it, from which `report.ts` rebuilds shortest traces by re-running the steps.
 *
 * `createExploration` runs in slices (`run(budgetMs)`) so a worker can poll for cancellation;
 * `explore` runs one to the end.
 */
export interface Exploration {
  /** Explores for about `budgetMs`; true once the search is over. */
  run(budgetMs: number): boolean;
  progress(): CheckProgress;
  /** The result; a search stopped before its end reports `incomplete` (or the violations found). */
  result(): CheckResult;
  /** Stops the search at once with the given limit. */
  stop(limit: Limit): void;
}

/**
 * One thread's part of a search on several threads (`partitioned.ts`). The threads share the
 * fingerprint set (`sharedFingerprintSet.ts`), so a configuration belongs to the thread that
 * stored it first; each expands the share of a level the coordinator gives it and queues what it
 * stored for the next. A configuration's id is `index + count * (its number on that thread)`.
 */
export interface Partition {
  /**
   * Expands configurations of the level, claiming them a chunk at a time from the counter every
   * thread shares, so a faster thread simply takes more (a new worker is slow until its code is
   * compiled). Stops when no chunk is left (`expanded`), for a limit (`stopped`, see
   * `summary().limit`), when the shared set must grow first (`full`), or after `chunks` chunks
   * (`yielded`: threads taking turns on one thread).
   */
  expandLevel(deadlineMs: number, chunks?: number): ExpandStatus;
  /** The records this thread queued for the next level (handed over; `Q` Int32 each). */
  takeNext(): Int32Array;
  /**
   * The level at `depth` (every thread's records of the last level together, the same array on
   * every thread), the shared counter its chunks are claimed with, and the chunk length.
   */
  setLevel(records: Int32Array, depth: number, claims: Int32Array, chunk: number): void;
  summary(): PartitionSummary;
  /** What the coordinator merges at the end; the partition is spent afterwards. */
  final(): PartitionFinal;
}

export type ExpandStatus = 'expanded' | 'stopped' | 'full' | 'yielded';

export interface PartitionSummary {
  readonly states: number;
  readonly transitions: number;
  /** Configurations queued for the next level. */
  readonly next: number;
  /** Depth of the violations found, -1 for none. */
  readonly foundDepth: number;
  readonly limit: Limit | null;
  readonly bytes: number;
  /** Int32 per queued record. */
  readonly record: number;
}

export interface PartitionFinal extends PartitionSummary {
  /** Per configuration number on this thread: parent id, step index. */
  readonly links: Int32Array;
  readonly found: readonly Found[];
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  readonly outcomes: { ok: number; error: number; ambiguous: number };
}

/** Where a partition sits: its index of `count`, and the set the threads share. */
export interface Sharing {
  readonly index: number;
  readonly count: number;
  readonly set: SharedFingerprintSet;
}

export function explore(model: Model, options: ExploreOptions = {}): CheckResult {
  const exploration = createExploration(model, options);
  while (!exploration.run(options.progressEveryMs ?? 250)) {
    options.onProgress?.(exploration.progress());
  }
  return exploration.result();
}

const now = (): number => performance.now();
const NO_CONFIGURATION_CHECK = { checkConfiguration: false };
const STATUS_CODE = { unsent: 0, pending: 1, ok: 2, error: 3, ambiguous: 4 } as const;

export function createExploration(model: Model, options: ExploreOptions = {}): Exploration {
  return createSearch(model, options, null);
}

/** Partition `sharing.index` of a search on several threads; only models on the flat path can be split. */
export function createPartition(model: Model, options: ExploreOptions, sharing: Sharing): Partition {
  if (!fitsFlat(model)) throw new Error('only a design whose values fit the flat path can be split over threads');
  return createSearch(model, options, sharing);
}

function createSearch(model: Model, options: ExploreOptions, sharing: Sharing | null): Exploration & Partition {
  const flat = fitsFlat(model);
  const layout = flatLayout(model);
  // The readable path (unpack, enabledActions, applyAction, pack) serves models whose values do not fit Int32 slots.
  const codec = flat ? null : createCodec(model);
  const bitCodec = createFlatCodec(model, flat ? layout : flatLayout({ ...model, vars: [] }));
  const zobrist = new FlatFingerprint(layout, bitCodec);
  const stepper = new FlatStepper(model, layout, zobrist);
  const W = codec ? codec.width : bitCodec.words;
  // The flat vector being expanded: each step is applied to it in place and undone (`flatFingerprint.ts`).
  const vec = new Int32Array(layout.width);
  // A copy of the parent, only for step and transition invariants (they read both sides of a step).
  const pre = new Int32Array(layout.width);
  // A queued record carries its configuration's id and fingerprint after the packed slots.
  const Q = W + 3;
  const maxStates = options.maxStates ?? Infinity;
  const index = sharing?.index ?? 0, count = sharing?.count ?? 1;
  const shared = sharing?.set ?? null;
  const maxBytes = options.maxBytes ?? Infinity;
  const maxMs = (options.maxSeconds ?? Infinity) * 1000;

  const seen = new FingerprintSet(1 << 14);
  const fp = new Int32Array(2);
  let links = new Int32Array(2 * 4096); // per id: parent id, index of the step in the parent's enabledSteps
  let states = 0;
  let transitions = 0;
  const statesReached = new Uint8Array(model.states.length);
  const transitionsReached = new Uint8Array(model.transitions.length);
  const outcomes = { ok: 0, error: 0, ambiguous: 0 };
  const found = new Map<string, Found>();
  let foundDepth = -1;

  let level: Int32Array = new Int32Array(Q);
  let levelCount = 0;
  let cursor = 0;
  let depth = 0;
  let next = new Int32Array(Q * 1024);
  let nextCount = 0;
  let peakQueueBytes = 0;

  let done = false;
  let limit: Limit | null = null;
  let activeMs = 0;
  const scratch = new Int32Array(Q);

  function record(v: Violation, d: number, parent: number, stepIndex: number): void {
    const key = `${v.kind}\u0000${v.name}`;
    if (foundDepth === -1) foundDepth = d;
    if (d === foundDepth && !found.has(key)) found.set(key, { kind: v.kind, name: v.name, detail: v.detail, depth: d, parent, stepIndex });
  }

  /** The readable path's store: the configuration is packed in `scratch`; checks it, queues it when it violates nothing. */
  function store(config: Configuration, parent: number, stepIndex: number, d: number): void {
    fingerprint(scratch, 0, W, fp);
    if (states >= maxStates) {
      // Only a configuration not seen before would exceed the limit.
      if (seen.add(fp[0]!, fp[1]!)) limit = 'states';
      return;
    }
    if (!seen.add(fp[0]!, fp[1]!)) return;
    const id = newId(parent, stepIndex);
    statesReached[config.state] = 1;
    const quiescent = isQuiescent(model, config);
    if (quiescent) countOutcomes(config.clients.map((c) => c.status));
    const violations = checkConfiguration(model, config, quiescent);
    for (const v of violations) record(v, d, parent, stepIndex);
    if (violations.length > 0) return;
    if ((nextCount + 1) * Q > next.length) {
      const grown = new Int32Array(next.length * 2);
      grown.set(next);
      next = grown;
    }
    next.set(scratch.subarray(0, W), nextCount * Q);
    next[nextCount * Q + W] = id;
    nextCount++;
  }

  function expand(index: number): void {
    if (codec === null) {
      expandFlat(index);
      return;
    }
    const id = level[index * Q + W]!;
    const config = codec.unpack(level, index * Q);
    const steps = enabledActions(model, config);
    transitions += steps.length;
    for (let k = 0; k < steps.length; k++) {
      const outcome = applyAction(model, config, steps[k]!, NO_CONFIGURATION_CHECK);
      if (outcome.transition !== null) transitionsReached[outcome.transition] = 1;
      for (const v of outcome.violations) record(v, depth + 1, id, k);
      if (outcome.next !== null && !outcome.violations.some((v) => v.step)) {
        codec.pack(outcome.next, scratch, 0);
        store(outcome.next, id, k, depth + 1);
      }
      if (limit !== null) return;
    }
  }

  /** Where the record of the configuration being expanded starts in `level`. */
  let parentAt = 0;
  /** The record expanded last in this level (-2: none): the vector still holds it. */
  let expandedLast = -2;

  function expandFlat(index: number): void {
    const o = index * Q;
    const id = level[o + W]!, h1 = level[o + W + 1]!, h2 = level[o + W + 2]!;
    // The vector still holds the record before this one (each step was undone): decode only what differs.
    if (index === expandedLast + 1) bitCodec.unpackChanged(level, o, vec, level, o - Q);
    else bitCodec.unpack(level, o, vec);
    expandedLast = index;
    parentAt = o;
    const checksSteps = stepper.hasStepChecks;
    if (checksSteps) pre.set(vec);
    const count = stepper.enumerate(vec);
    transitions += count;
    const d = depth + 1;
    for (let k = 0; k < count; k++) {
      zobrist.begin(h1, h2);
      const produced = stepper.apply(vec, k);
      if (stepper.transition >= 0) transitionsReached[stepper.transition] = 1;
      if (stepper.violations.length > 0) for (const v of stepper.violations) record(v, d, id, k);
      if (produced) {
        if (checksSteps) for (const v of stepper.checkStep(pre, vec)) record(v, d, id, k);
        storeFlat(id, k, d);
      }
      zobrist.undo(vec);
      if (limit !== null) return;
    }
  }

  /**
   * `store` for the flat path, `vec` (a successor) fingerprinted in `zobrist`: a new configuration that
   * violates nothing is packed straight into the next record of the level queue. Nothing is
   * packed or allocated for the (most) successors seen before.
   */
  function storeFlat(parent: number, stepIndex: number, d: number): void {
    const h1 = zobrist.h1, h2 = zobrist.h2;
    if (shared !== null) {
      if (!shared.add(h1, h2)) return;
      // Every thread's configurations count against the limit.
      if (maxStates !== Infinity && shared.size > maxStates) {
        limit = 'states';
        return;
      }
    } else if (states >= maxStates) {
      // Only a configuration not seen before would exceed the limit.
      if (seen.add(h1, h2)) limit = 'states';
      return;
    } else if (!seen.add(h1, h2)) return;
    const id = newId(parent, stepIndex);
    statesReached[vec[STATE]!] = 1;
    const quiescent = stepper.quiescent(vec);
    if (quiescent) countOutcomes(null);
    const violations = stepper.checkState(vec, quiescent);
    if (violations.length > 0) {
      for (const v of violations) record(v, d, parent, stepIndex);
      return;
    }
    if ((nextCount + 1) * Q > next.length) {
      const grown = new Int32Array(next.length * 2);
      grown.set(next);
      next = grown;
    }
    const o = nextCount * Q;
    if (parent < 0) bitCodec.pack(vec, next, o);
    else bitCodec.repack(vec, level, parentAt, zobrist.slots, zobrist.n, next, o);
    next[o + W] = id;
    next[o + W + 1] = h1;
    next[o + W + 2] = h2;
    nextCount++;
  }

  /** The next configuration's id (`index + count * number`), its parent and step remembered. */
  function newId(parent: number, stepIndex: number): number {
    const local = states++;
    if (2 * local + 2 > links.length) {
      const grown = new Int32Array(links.length * 2);
      grown.set(links);
      links = grown;
    }
    links[2 * local] = parent;
    links[2 * local + 1] = stepIndex;
    return index + count * local;
  }

  /** §7 outcomes of a quiescent configuration: `vec` on the flat path, else the readable statuses. */
  function countOutcomes(statuses: readonly (keyof typeof STATUS_CODE)[] | null): void {
    let ok = false, error = false, ambiguous = false;
    for (let r = 0; r < layout.requests; r++) {
      const status = statuses ? STATUS_CODE[statuses[r]!] : vec[layout.clients + 7 * r]!;
      if (status === 2) ok = true;
      else if (status === 3) error = true;
      else if (status === 4) ambiguous = true;
    }
    if (ok) outcomes.ok++;
    if (error) outcomes.error++;
    if (ambiguous) outcomes.ambiguous++;
  }

  function finishLevel(): void {
    if (found.size > 0) {
      done = true;
      return;
    }
    if (nextCount === 0) {
      done = true;
      return;
    }
    peakQueueBytes = Math.max(peakQueueBytes, level.byteLength + next.byteLength);
    level = next.slice(0, nextCount * Q);
    levelCount = nextCount;
    expandedLast = -2;
    next = new Int32Array(Math.max(Q * 1024, level.length));
    nextCount = 0;
    cursor = 0;
    depth++;
  }

  function bytes(): number {
    // The shared set is counted once, by partition 0.
    const set = shared === null ? seen.bytes : index === 0 ? shared.bytes : 0;
    const levelBytes = shared === null || index === 0 ? level.byteLength : 0; // a shared level: partition 0's
    return set + links.byteLength + Math.max(peakQueueBytes, levelBytes + next.byteLength);
  }

  // The initial configuration: depth 0.
  const initial = initialConfiguration(model);
  if (codec) {
    codec.pack(initial, scratch, 0);
    store(initial, -1, -1, 0);
  } else if (index === 0) {
    // On several threads, partition 0 starts from the initial configuration; the others wait for a share.
    toFlat(model, layout, initial, vec);
    zobrist.of(vec);
    storeFlat(-1, -1, 0);
  }
  if (found.size > 0) done = true;
  else {
    level = next.slice(0, nextCount * Q);
    levelCount = nextCount;
    nextCount = 0;
  }

  // Chunks of the level claimed on several threads (`expandLevel`); at first the level is partition 0's alone.
  let claims: Int32Array = new Int32Array(1);
  let chunk = Math.max(1, levelCount);
  let chunkEnd = 0;

  /** Ends a call of `expandLevel`: what this thread stored is counted for all to see. */
  function stop(status: ExpandStatus): ExpandStatus {
    shared!.flush();
    return status;
  }

  function summary(): PartitionSummary {
    return { states, transitions, next: nextCount, foundDepth: found.size > 0 ? foundDepth : -1, limit, bytes: bytes(), record: Q };
  }

  /** Sets `limit` when the search was cancelled, is `overTime`, or holds more bytes than allowed. */
  function checkLimits(overTime: boolean): void {
    if (options.shouldStop?.()) limit = 'cancelled';
    else if (overTime) limit = 'time';
    else if (bytes() > maxBytes) limit = 'memory';
  }

  function run(budgetMs: number): boolean {
    const start = now();
    const deadline = start + budgetMs;
    let tick = 0;
    if (!done && options.shouldStop?.()) limit = 'cancelled';
    while (!done && limit === null) {
      if (cursor === levelCount) {
        finishLevel();
        continue;
      }
      expand(cursor++);
      if (limit !== null) break;
      if (++tick % 64 === 0) {
        const t = now();
        checkLimits(activeMs + (t - start) > maxMs);
        if (limit !== null || t >= deadline) break;
      }
    }
    if (limit !== null) done = true;
    activeMs += now() - start;
    return done;
  }

  function progress(): CheckProgress {
    return { states, transitions, depth, statesPerSecond: rate(), elapsedMs: activeMs };
  }

  function rate(): number {
    return activeMs > 0 ? Math.round(states / (activeMs / 1000)) : 0;
  }

  return {
    expandLevel(deadlineMs, chunks = Infinity) {
      let tick = 0;
      const set = shared!;
      for (;;) {
        if (limit !== null) return stop('stopped');
        if (set.full()) return stop('full');
        if (cursor === chunkEnd) {
          if (chunks-- <= 0) return stop('yielded');
          const from = Atomics.add(claims, 0, chunk);
          if (from >= levelCount) return stop('expanded');
          cursor = from;
          chunkEnd = Math.min(from + chunk, levelCount);
        }
        expand(cursor++);
        if (++tick % 64 === 0 && limit === null) {
          checkLimits(now() > deadlineMs);
        }
      }
    },
    takeNext() {
      const records = next.subarray(0, nextCount * Q);
      peakQueueBytes = Math.max(peakQueueBytes, level.byteLength + next.byteLength);
      next = new Int32Array(Q * 1024);
      nextCount = 0;
      return records;
    },
    setLevel(records, d, counter, length) {
      // A private copy: reading the shared array measured slower than one memcpy of it.
      level = records.slice();
      levelCount = records.length / Q;
      cursor = chunkEnd = 0;
      claims = counter;
      chunk = length;
      expandedLast = -2;
      depth = d;
    },
    summary,
    final: () => ({ ...summary(), links: links.subarray(0, 2 * states), found: [...found.values()], statesReached, transitionsReached, outcomes }),
    run,
    progress,
    stop(l) {
      if (!done) {
        limit = l;
        done = true;
      }
    },
    result(): CheckResult {
      const violation = found.size > 0;
      const complete = done && limit === null;
      const verdict = violation ? 'violation' : complete ? 'ok' : 'incomplete';
      const lastFull = violation ? foundDepth : complete ? (levelCount > 0 ? depth : 0) : Math.max(0, cursor === levelCount ? depth : depth - 1);
      return buildReport(model, {
        verdict,
        states,
        transitions,
        depth: lastFull,
        found: [...found.values()],
        links,
        statesReached,
        transitionsReached,
        outcomes,
        seconds: activeMs / 1000,
        statesPerSecond: rate(),
        bytesPerState: states > 0 ? Math.round(bytes() / states) : 0,
        limit,
      });
    },
  };
}
