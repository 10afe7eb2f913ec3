import type { Model } from '../model/model';
import {
  createPartition,
  type ExpandStatus,
  type Partition,
  type PartitionFinal,
  type PartitionSummary,
} from './explorer';
import { mergedLinks, type Links } from './parentLinks';
import { buildReport } from './report';
import type { CheckResult, ExploreOptions, Limit } from './result';
import { SharedFingerprintSet, type SharedSetBuffers } from './sharedFingerprintSet';
import { threadsThatTookPart, ThreadUse } from './threadUse';

/**
 * A breadth-first search on several threads, after TLC's workers: the threads share one
 * fingerprint set (`sharedFingerprintSet.ts`) and each expands a share of every level; a
 * coordinator keeps them level by level, deals each level out evenly, and stops them all while
 * the set grows. Transport-agnostic: a port is a partition on this thread (`localPort`) or in a
 * worker (the command line's `src/cli/checkThreads.ts`).
 *
 * Every figure a complete level gives (states, transitions, depth, the set of violations,
 * coverage, outcomes) is what one thread finds; which of several shortest traces is reported may
 * differ from run to run (a configuration two threads reach in one level keeps the parent of the
 * first to store it).
 */
export interface PartitionPort<F = PartitionFinal> {
  /** Expands chunks of the level until none is left, a limit, or the set is full; see `Partition.expandLevel`. */
  expandLevel(remainingMs: number): Promise<ExpandStatus>;
  /** Takes up the shared set's buffers after it grew. */
  adopt(buffers: SharedSetBuffers): Promise<void>;
  /** The records queued for the next level (handed over) and where the partition stands. */
  takeNext(): Promise<{ records: Int32Array; summary: PartitionSummary }>;
  setLevel(
    records: Int32Array,
    ids: Int32Array,
    depth: number,
    claims: Int32Array | number,
    chunk: number,
  ): Promise<void>;
  final(): Promise<F>;
}

/** What the level loop needs of a partition's final figures (version 1's `PartitionFinal`, version 2's). */
export interface FinalFigures extends PartitionSummary {
  readonly found: readonly { readonly kind: string; readonly name: string; readonly depth: number }[];
}

/** Where the level loop ended, and every partition's final figures (the caller builds its result from them). */
export interface LevelsRun<F extends FinalFigures> {
  readonly verdict: CheckResult['verdict'];
  readonly depth: number;
  readonly limit: Limit | null;
  readonly finals: readonly F[];
  /** The violations at the shortest depth, one per (kind, name), the lowest partition's first. */
  readonly found: F['found'][number][];
  readonly seconds: number;
  /** Threads that took part. */
  readonly threads: number;
}

/** How the level loop shares its work (`runLevels`). */
export interface LevelSharing {
  /** Let a thread sit out levels it does not speed up (false: every thread expands every level). */
  readonly adaptive?: boolean;
  /**
   * Deal each level's chunks out in turn instead of letting the threads claim them: every thread
   * then surely expands its share (tests that count the threads taking part). Claimed chunks
   * follow the threads' speed: a thread that wakes late may find none left.
   */
  readonly dealt?: boolean;
  /** The first port is a partition on this thread, using `set` itself: it may use it alone (`exclusive`) while no other expands. */
  readonly exclusive?: boolean;
  /**
   * Asked at each level's end (told whether the first thread expanded it alone): false when no
   * core is known to be free for the others (the command line reads the cores' idle time), which
   * puts off a try of the threads together (`ThreadUse.plan`).
   */
  readonly othersFree?: (lastLevelAlone: boolean) => boolean;
  /** Who expands each level: `ThreadUse` unless told (tests script it). */
  readonly planner?: LevelPlanner;
}

/** Decides, level by level, which threads expand it (`ThreadUse`), told what each level took. */
export type LevelPlanner = Pick<ThreadUse, 'plan' | 'record'>;

/**
 * A partition on this thread. Expanding yields first, so the coordinator has posted its requests
 * to the other threads before this one starts working.
 */
export function localPort<F = PartitionFinal>(
  partition: Pick<Partition, 'expandLevel' | 'takeNext' | 'setLevel' | 'summary'> & { final(): F },
  pause: () => unknown = () => null,
): PartitionPort<F> {
  return {
    async expandLevel(remainingMs) {
      // A chunk at a time, yielding between: partitions on one thread take turns. `pause` (a
      // task, not a microtask) lets the thread's events through, a signal or a cancel.
      const deadline = performance.now() + remainingMs;
      for (;;) {
        await pause();
        const status = partition.expandLevel(deadline, 1);
        if (status !== 'yielded') return status;
      }
    },
    adopt: async () => {}, // the set object on this thread is the one that grew
    takeNext: async () => ({ records: partition.takeNext(), summary: partition.summary() }),
    setLevel: async (records, ids, depth, claims, chunk) =>
      partition.setLevel(records, ids, depth, claims, chunk),
    final: async () => partition.final(),
  };
}

/**
 * The whole search as `count` partitions taking turns on this thread: the reference for the
 * threaded one (`setCapacity`: the shared set's first size; tests make it small so that it grows).
 */
export function explorePartitioned(
  model: Model,
  options: ExploreOptions,
  count: number,
  setCapacity = 1 << 16,
): Promise<CheckResult> {
  // Counted in batches, as the command line's threads count, unless a state limit needs the exact count.
  const set = SharedFingerprintSet.create(
    setCapacity,
    Math.min(setCapacity, 1 << 16),
    options.maxStates === undefined ? 64 : 1,
  );
  const ports = Array.from({ length: count }, (_, index) =>
    localPort(createPartition(model, options, { index, count, set })),
  );
  // Every partition expands every level: here they take turns, so none would ever look helpful.
  return coordinate(model, set, ports, count, options, undefined, { adaptive: false });
}

/**
 * Runs the search over `ports`, port p being partition p of `count` (partition 0 holds the
 * initial configuration). `join`, when given, is asked at each level's end for the ports of the
 * next partitions that are ready to take part (threads that were still starting).
 */
export async function coordinate(
  model: Model,
  set: SharedFingerprintSet,
  initialPorts: readonly PartitionPort[],
  count: number,
  options: ExploreOptions = {},
  join: () => Promise<PartitionPort[]> = async () => [],
  sharing: LevelSharing = {},
): Promise<CheckResult & { readonly threads: number }> {
  const run = await runLevels(set, initialPorts, count, options, join, sharing);
  return { ...reportOf(model, run, count), threads: run.threads };
}

/** Version 1's result from the level loop's figures. */
export function reportOf(model: Model, run: LevelsRun<PartitionFinal>, count: number): CheckResult {
  const { finals, seconds } = run;
  const states = finals.reduce((n, f) => n + f.states, 0);
  const bytes = finals.reduce((n, f) => n + f.bytes, 0);
  const links = mergedLinks(
    finals.map((f) => f.links),
    count,
  );
  return buildReport(model, {
    verdict: run.verdict,
    states,
    transitions: finals.reduce((n, f) => n + f.transitions, 0),
    depth: run.depth,
    found: run.found,
    links,
    firstOutcome: firstOutcomes(finals, links),
    statesReached: union(finals.map((f) => f.statesReached)),
    transitionsReached: union(finals.map((f) => f.transitionsReached)),
    outcomes: {
      ok: finals.reduce((n, f) => n + f.outcomes.ok, 0),
      error: finals.reduce((n, f) => n + f.outcomes.error, 0),
      ambiguous: finals.reduce((n, f) => n + f.outcomes.ambiguous, 0),
    },
    seconds,
    statesPerSecond: seconds > 0 ? Math.round(states / seconds) : 0,
    bytesPerState: states > 0 ? Math.round(bytes / states) : 0,
    limit: run.limit,
  });
}

/**
 * The level loop over `ports`, port p being partition p of `count` (partition 0 holds the
 * initial configuration), for any format's partitions: `coordinate` builds version 1's result
 * from it, `src/engine/v2/threadResult.ts` version 2's. `join`, when given, is asked at each
 * level's end for the ports of the next partitions that are ready to take part.
 */
export async function runLevels<F extends FinalFigures>(
  set: SharedFingerprintSet,
  initialPorts: readonly PartitionPort<F>[],
  count: number,
  options: ExploreOptions = {},
  join: () => Promise<PartitionPort<F>[]> = async () => [],
  sharing: LevelSharing = {},
): Promise<LevelsRun<F>> {
  const { adaptive = true, dealt = false, exclusive = false } = sharing;
  const ports = [...initialPorts];
  const started = performance.now();
  const maxMs = (options.maxSeconds ?? Infinity) * 1000;
  let sums: PartitionSummary[] = [];
  let level = 0; // the level being expanded
  let limit: Limit | null = null;
  let verdict: CheckResult['verdict'] = 'ok';
  let depth = 0;
  const total = (key: 'states' | 'transitions') => sums.reduce((n, s) => n + s[key], 0);
  // Threads beyond the first expand a level only while they make the search faster (`threadUse.ts`).
  const use = sharing.planner ?? new ThreadUse();
  let levelSize = 1;
  // Which ports expand the level; a port that sits it out is sent nothing (it may be on a busy
  // core: every round trip to it would wait for that core), and takes up the grown set's
  // buffers only when it next expands.
  let expanding = use.plan(ports.length, levelSize);
  const adopted: unknown[] = ports.map(() => set.buffers.table);

  for (;;) {
    // Expand the level; whenever the shared set fills up, every thread stops, it grows, they go on.
    const active = ports.flatMap((_, p) => (expanding[p] || !adaptive ? [p] : []));
    set.exclusive = active.length === 1 && exclusive; // the others sit out: plain writes, as alone
    const finished = ports.map((_, p) => !active.includes(p));
    const levelStarted = performance.now();
    let growMs = 0;
    for (;;) {
      const remainingMs = maxMs - (performance.now() - started);
      const statuses = await Promise.all(
        ports.map((port, p) => (finished[p] ? null : port.expandLevel(remainingMs))),
      );
      statuses.forEach((status, p) => (finished[p] ||= status === 'expanded' || status === 'stopped'));
      if (finished.every(Boolean)) break;
      const growStarted = performance.now();
      set.grow();
      await Promise.all(active.map((p) => adopt(p)));
      growMs += performance.now() - growStarted;
    }
    const levelMs = performance.now() - levelStarted - growMs;
    // A port that sat out queued nothing and its figures stand.
    const nexts = await Promise.all(
      ports.map((port, p) =>
        active.includes(p) || sums[p] === undefined
          ? port.takeNext()
          : { records: new Int32Array(0), summary: sums[p] },
      ),
    );
    const before = sums;
    sums = nexts.map((n) => n.summary);
    use.record(
      sums.map((s, p) => (active.includes(p) ? s.transitions - (before[p]?.transitions ?? 0) : 0)),
      levelMs,
      levelSize,
    );
    options.onProgress?.({
      states: total('states'),
      transitions: total('transitions'),
      depth: level,
      statesPerSecond: rate(),
      elapsedMs: performance.now() - started,
    });
    limit = sums.find((s) => s.limit !== null)?.limit ?? null;
    if (sums.some((s) => s.foundDepth >= 0)) {
      verdict = 'violation';
      break;
    }
    if (limit !== null) {
      verdict = 'incomplete';
      depth = Math.max(0, level - 1);
      break;
    }
    const records = nexts.map((n) => n.records);
    if (records.every((r) => r.length === 0)) {
      depth = level;
      break;
    }
    const joined = await join();
    for (const port of joined) {
      ports.push(port);
      adopted.push(null);
      records.push(new Int32Array(0));
      sums.push({ ...sums[0]!, states: 0, transitions: 0, next: 0, bytes: 0, foundDepth: -1, limit: null }); // till it reports
    }
    const Q = sums[0]!.record;
    const filled = records.filter((r) => r.length > 0);
    levelSize = filled.reduce((n, r) => n + r.length, 0) / Q;
    expanding = use.plan(ports.length, levelSize, sharing.othersFree?.(active.length === 1) ?? true);
    const next = ports.flatMap((_, p) => (expanding[p] || !adaptive ? [p] : []));
    // The next level as one array every thread reads, its chunks claimed through one counter
    // (a thread alone reads the one queue there is: no copy).
    const all = next.length === 1 && filled.length === 1 ? filled[0]! : gather(records);
    // Each thread's records are its configurations numbered in a row, ending with its last (`idOf`).
    const ids = new Int32Array(3 * records.length);
    let first = 0;
    records.forEach((r, p) => {
      ids.set([first, p + count * (sums[p]!.states - r.length / Q), count], 3 * p);
      first += r.length / Q;
    });
    const claims = dealt ? next.length : new Int32Array(new SharedArrayBuffer(4));
    const chunk = Math.max(1, Math.min(4096, Math.ceil(levelSize / (8 * next.length))));
    await Promise.all(next.map(async (p) => {
      await adopt(p);
      await ports[p]!.setLevel(all, ids, level + 1, claims, chunk);
    }));
    level++;
  }

  /** Port p takes up the set's buffers, unless it has them already. */
  async function adopt(p: number): Promise<void> {
    const table = set.buffers.table;
    if (adopted[p] === table) return;
    adopted[p] = table;
    await ports[p]!.adopt(set.buffers);
  }

  function rate(): number {
    const ms = performance.now() - started;
    return ms > 0 ? Math.round(total('states') / (ms / 1000)) : 0;
  }

  const finals = await Promise.all(ports.map((p) => p.final()));
  const seconds = (performance.now() - started) / 1000;
  const found = mergeFound(finals);
  if (verdict === 'violation') depth = found[0]!.depth;
  return { verdict, depth, limit, finals, found, seconds, threads: threadsThatTookPart(finals.map((f) => f.transitions)) };
}

/** Every thread's records of a level in one array on shared memory. */
function gather(records: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(new SharedArrayBuffer(4 * records.reduce((n, r) => n + r.length, 0)));
  let at = 0;
  for (const r of records) {
    all.set(r, at);
    at += r.length;
  }
  return all;
}

/** Per client outcome, the shallowest of the threads' first configurations with it (a shortest way there, as on one thread). */
function firstOutcomes(
  finals: readonly PartitionFinal[],
  links: Links,
): { ok: number; error: number; ambiguous: number } {
  const depthOf = (id: number) => {
    let d = 0;
    for (let at = id; links.parent(at) >= 0; at = links.parent(at)) d++;
    return d;
  };
  const first = (k: 'ok' | 'error' | 'ambiguous') => {
    const ids = finals.map((f) => f.firstOutcome[k]).filter((id) => id >= 0);
    return ids.length === 0 ? -1 : ids.reduce((best, id) => (depthOf(id) < depthOf(best) ? id : best));
  };
  return { ok: first('ok'), error: first('error'), ambiguous: first('ambiguous') };
}

/** The violations at the shortest depth, one per (kind, name), the lowest partition's first. */
function mergeFound<F extends FinalFigures>(finals: readonly F[]): F['found'][number][] {
  const depths = finals.filter((f) => f.foundDepth >= 0).map((f) => f.foundDepth);
  if (depths.length === 0) return [];
  const shortest = Math.min(...depths);
  const byKey = new Map<string, F['found'][number]>();
  for (const f of finals) {
    for (const v of f.found) {
      const key = `${v.kind}\u0000${v.name}`;
      if (v.depth === shortest && !byKey.has(key)) byKey.set(key, v);
    }
  }
  return [...byKey.values()];
}

function union(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts[0]!.length);
  for (const part of parts) for (let i = 0; i < part.length; i++) out[i]! |= part[i]!;
  return out;
}
