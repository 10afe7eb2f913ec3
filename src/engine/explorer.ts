import type { Model } from '../model/model';
import { FlatExpander, type Expander } from './flatExpander';
import { linksOf, type LinkData } from './parentLinks';
import { fitsFlat } from './flatLayout';
import type { CheckProgress, CheckResult, ExploreOptions, Limit } from './result';
import { buildReport, type Found } from './report';
import { SearchStorage, type Sharing } from './searchStorage';
import { WideExpander } from './wideExpander';
export type { Found } from './report';
export type { Sharing } from './searchStorage';

/**
 * Breadth-first model checking (MODEL.md §6, §7), after TLC: configurations packed into
 * fixed-width Int32 records, a 64-bit fingerprint set, one flat queue per level (the previous
 * level is freed), and for every stored configuration its parent and the index of the step
 * that reached it, from which `report.ts` rebuilds shortest traces by re-running the steps.
 * Three parts: this file is the level loop (levels, slices, limits, the result); an expander
 * expands one configuration (`flatExpander.ts`, the fast path, or `wideExpander.ts` for ints too
 * wide for it); `searchStorage.ts` keeps what is found (fingerprints in a local or a shared set).
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
   * every thread), the ids of its records (`idOf`), the shared counter its chunks are
   * claimed with, and the chunk length. Instead of a counter, the number n of threads the chunks
   * are dealt among: partition p takes chunks p, p + n, p + 2n, … (every thread surely takes part).
   */
  setLevel(records: Int32Array, ids: Int32Array, depth: number, claims: Int32Array | number, chunk: number): void;
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
  readonly links: LinkData;
  readonly found: readonly Found[];
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  readonly outcomes: { ok: number; error: number; ambiguous: number };
  /** This thread's first stored configuration with each client outcome (-1: none): its shallowest. */
  readonly firstOutcome: { readonly ok: number; readonly error: number; readonly ambiguous: number };
}

/**
 * The ids of a level's records, as runs: triples (first record, its id, id step), in record
 * order. One thread: one run (ids in a row); several: one run per thread (`thread + count ×
 * number`, the numbers in a row). Records carry no id of their own: 4 bytes less each.
 */
export function idOf(ids: Int32Array, record: number): number {
  if (ids.length === 3) return ids[1]! + ids[2]! * record; // one thread's level: ids in a row from record 0
  let r = 0;
  while (r + 3 < ids.length && ids[r + 3]! <= record) r += 3;
  return ids[r + 1]! + ids[r + 2]! * (record - ids[r]!);
}

/**
 * Records of room for the next level's queue, from this level's records and the last level's:
 * sized to what the last level grew by (5% over), so that it seldom has to grow (by half
 * again, `SearchStorage.reserve`) and a grown queue wastes little.
 */
function nextQueueSize(levelRecords: number, lastLevelRecords: number): number {
  const growth = lastLevelRecords > 0 ? levelRecords / lastLevelRecords : 4;
  return Math.max(1024, Math.ceil(levelRecords * Math.min(growth, 8) * 1.05));
}

export function explore(model: Model, options: ExploreOptions = {}): CheckResult {
  const exploration = createExploration(model, options);
  while (!exploration.run(options.progressEveryMs ?? 250)) {
    options.onProgress?.(exploration.progress());
  }
  return exploration.result();
}

const now = (): number => performance.now();

export function createExploration(model: Model, options: ExploreOptions = {}): Exploration {
  return createSearch(model, options, null);
}

/** Partition `sharing.index` of a search on several threads; only models on the flat path can be split. */
export function createPartition(model: Model, options: ExploreOptions, sharing: Sharing): Partition {
  if (!fitsFlat(model)) throw new Error('only a design whose values fit the flat path can be split over threads');
  return createSearch(model, options, sharing);
}

/** The level loop: one level of records at a time, expanded in slices (one thread) or in claimed chunks (a partition). */
function createSearch(model: Model, options: ExploreOptions, sharing: Sharing | null): Exploration & Partition {
  const expander: Expander = fitsFlat(model) ? new FlatExpander(model, options.verifyTables === true) : new WideExpander(model);
  const storage = new SearchStorage(model, expander.words, sharing, options.maxStates ?? Infinity, expander.namedByF2);
  const Q = storage.record;
  const index = sharing?.index ?? 0;
  const maxBytes = options.maxBytes ?? Infinity;
  const maxMs = (options.maxSeconds ?? Infinity) * 1000;

  let level: Int32Array = new Int32Array(Q);
  let levelCount = 0;
  // Records hold no id: a thread's records of a level are its configurations numbered in a row.
  let ids: Int32Array = Int32Array.of(0, 0, 1);
  let cursor = 0;
  let depth = 0;
  let peakQueueBytes = 0;
  let done = false;
  let activeMs = 0;

  /** The queue of the next level becomes the level (its records were stored last, numbered in a row). */
  function takeQueue(): void {
    const lastCount = levelCount;
    level = storage.next.subarray(0, storage.nextCount * Q);
    levelCount = storage.nextCount;
    ids = Int32Array.of(0, storage.states - levelCount, 1);
    storage.next = new Int32Array(nextQueueSize(levelCount, lastCount) * Q);
    storage.nextCount = 0;
    expander.newLevel();
  }

  function finishLevel(): void {
    if (storage.found.size > 0 || storage.nextCount === 0) {
      done = true;
      return;
    }
    peakQueueBytes = Math.max(peakQueueBytes, level.buffer.byteLength + storage.next.byteLength);
    takeQueue();
    cursor = 0;
    depth++;
  }

  function bytes(): number {
    const levelBytes = sharing === null || index === 0 ? level.buffer.byteLength : 0; // a shared level: partition 0's
    return storage.bytes + Math.max(peakQueueBytes, levelBytes + storage.next.byteLength);
  }

  // The initial configuration: depth 0. On several threads partition 0 stores it; the others wait for a share.
  if (index === 0) expander.start(storage);
  if (storage.found.size > 0) done = true;
  else takeQueue();

  // Chunks of the level claimed on several threads (`expandLevel`); at first the level is partition 0's alone.
  let claims: Int32Array | number = new Int32Array(1);
  let chunk = Math.max(1, levelCount);
  let chunkEnd = 0;
  /** The next chunk dealt to this partition when the level's chunks are dealt, not claimed. */
  let dealt = 0;

  /** Ends a call of `expandLevel`: what this thread stored is counted for all to see. */
  function stop(status: ExpandStatus): ExpandStatus {
    sharing!.set.flush();
    return status;
  }

  function summary(): PartitionSummary {
    const { states, transitions, nextCount, found, foundDepth, limit } = storage;
    return { states, transitions, next: nextCount, foundDepth: found.size > 0 ? foundDepth : -1, limit, bytes: bytes(), record: Q };
  }

  /** The one limit check: sets `limit` when the search was cancelled, is `overTime`, or holds more bytes than allowed. */
  function checkLimits(overTime: boolean): void {
    if (options.shouldStop?.()) storage.limit = 'cancelled';
    else if (overTime) storage.limit = 'time';
    else if (bytes() > maxBytes) storage.limit = 'memory';
  }

  function run(budgetMs: number): boolean {
    const start = now();
    const deadline = start + budgetMs;
    let tick = 0;
    if (!done && options.shouldStop?.()) storage.limit = 'cancelled';
    while (!done && storage.limit === null) {
      if (cursor === levelCount) {
        finishLevel();
        continue;
      }
      expander.expand(storage, level, cursor, idOf(ids, cursor), depth);
      cursor++;
      if (storage.limit !== null) break;
      if (++tick % 64 === 0) {
        const t = now();
        checkLimits(activeMs + (t - start) > maxMs);
        if (storage.limit !== null || t >= deadline) break;
      }
    }
    if (storage.limit !== null) done = true;
    activeMs += now() - start;
    return done;
  }

  function rate(): number {
    return activeMs > 0 ? Math.round(storage.states / (activeMs / 1000)) : 0;
  }

  return {
    expandLevel(deadlineMs, chunks = Infinity) {
      let tick = 0;
      const set = sharing!.set;
      for (;;) {
        if (storage.limit !== null) return stop('stopped');
        if (set.full()) return stop('full');
        if (cursor === chunkEnd) {
          if (chunks-- <= 0) return stop('yielded');
          let from = dealt;
          if (typeof claims === 'number') dealt += chunk * claims;
          else from = Atomics.add(claims, 0, chunk);
          if (from >= levelCount) return stop('expanded');
          cursor = from;
          chunkEnd = Math.min(from + chunk, levelCount);
        }
        expander.expand(storage, level, cursor, idOf(ids, cursor), depth);
        cursor++;
        if (++tick % 64 === 0 && storage.limit === null) checkLimits(now() > deadlineMs);
      }
    },
    takeNext() {
      const records = storage.next.subarray(0, storage.nextCount * Q);
      peakQueueBytes = Math.max(peakQueueBytes, level.byteLength + storage.next.byteLength);
      storage.next = new Int32Array(nextQueueSize(records.length / Q, levelCount / (sharing?.count ?? 1)) * Q);
      storage.nextCount = 0;
      return records;
    },
    setLevel(records, levelIds, d, counter, length) {
      // A private copy of a shared level: reading the shared array measured slower than one memcpy of it.
      level = records.buffer instanceof SharedArrayBuffer ? records.slice() : records;
      levelCount = records.length / Q;
      ids = levelIds;
      cursor = chunkEnd = 0;
      claims = counter;
      chunk = length;
      dealt = index * length;
      expander.newLevel();
      depth = d;
    },
    summary,
    final: () => ({
      ...summary(),
      links: storage.links.data(),
      found: [...storage.found.values()],
      statesReached: storage.statesReached,
      transitionsReached: storage.transitionsReached,
      outcomes: storage.outcomes,
      firstOutcome: storage.firstOutcome,
    }),
    run,
    progress: () => ({ states: storage.states, transitions: storage.transitions, depth, statesPerSecond: rate(), elapsedMs: activeMs }),
    stop(l) {
      if (!done) {
        storage.limit = l;
        done = true;
      }
    },
    result(): CheckResult {
      const { found, foundDepth, limit } = storage;
      const violation = found.size > 0;
      const complete = done && limit === null;
      const verdict = violation ? 'violation' : complete ? 'ok' : 'incomplete';
      const lastFull = violation ? foundDepth : complete ? (levelCount > 0 ? depth : 0) : Math.max(0, cursor === levelCount ? depth : depth - 1);
      return buildReport(model, {
        verdict,
        states: storage.states,
        transitions: storage.transitions,
        depth: lastFull,
        found: [...found.values()],
        links: linksOf(storage.links.data()),
        statesReached: storage.statesReached,
        transitionsReached: storage.transitionsReached,
        outcomes: storage.outcomes,
        firstOutcome: storage.firstOutcome,
        seconds: activeMs / 1000,
        statesPerSecond: rate(),
        bytesPerState: storage.states > 0 ? Math.round(bytes() / storage.states) : 0,
        limit,
      });
    },
  };
}
