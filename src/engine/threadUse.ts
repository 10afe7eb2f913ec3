/**
 * Which threads expand the next level of a search on several threads: a thread is used only while
 * it helps. The first thread expands every level; the others join in a level only when
 *  - the level is large enough that sharing it pays: its expansion alone is estimated at
 *    `SPLIT_MS` or more (sharing a level costs a copy of it and a round trip to every thread),
 *  - and the threads together were, on the last level they shared, at least `GAIN` times as fast
 *    as the first alone on its last level alone (work per millisecond: transitions tried, which
 *    varies less from level to level than configurations do). When they were not (another
 *    process on their core, cache lines bouncing between the cores), the others sit out a few
 *    levels and are tried again (twice as long after each try that did not pay); while they pay,
 *    one level alone now and then (less and less often) keeps the first thread's rate current.
 * A thread that did less than `SLOW_SHARE` of its fair share of a shared level (a core another
 * process keeps busy) sits out until the others are next tried again; a try is put off while the
 * caller knows no core to be free (`plan`'s `othersFree`).
 *
 * Pure and deterministic given the figures it is told, so it is tested without threads.
 */

/** How much faster the threads together must be than one alone to be kept. */
export const GAIN = 1.1;
/** A level the first thread alone would expand faster than this (estimated) is not shared. */
export const SPLIT_MS = 20;
/** Part of its fair share of a level below which a thread is taken for one that does not help. */
export const SLOW_SHARE = 0.35;
/** Levels with less work or time than this say nothing reliable about a rate. */
const MIN_WORK = 5_000;
const MIN_MS = 4;
/** Levels in one mode before the other is tried again: doubled each time the mode is confirmed. */
const FIRST_WAIT = 2;
const MAX_WAIT = 32;

export class ThreadUse {
  /** Whether the threads share levels (the mode); a level may still go to the first alone (`plan`). */
  private together = true;
  /** Work per ms of the first thread alone, and its ms per configuration, on its last measured level alone. */
  private aloneRate = 0;
  private msPerConfiguration = 0;
  /** Levels left in the current mode before the other is measured again. */
  private left = FIRST_WAIT;
  private waitAlone = FIRST_WAIT;
  private waitTogether = FIRST_WAIT;
  /** The next level shared is a try of the threads together (the first, or the first after levels alone). */
  private trial = true;
  /** Threads that did not help on the last shared level: they sit out until the next try together. */
  private readonly benched = new Set<number>();
  private planned: readonly boolean[] = [true];

  /**
   * Which of the `joined` threads (the first always) expand the next level, of `configurations`.
   * `othersFree` false (the caller saw no idle core) puts off a try of the threads together.
   */
  plan(joined: number, configurations: number, othersFree = true): readonly boolean[] {
    const measured = this.aloneRate > 0;
    const worthSharing = configurations * this.msPerConfiguration >= SPLIT_MS;
    const share = joined > 1 && this.together && measured && worthSharing && (othersFree || !this.trial);
    this.planned = Array.from({ length: joined }, (_, p) => p === 0 || (share && !this.benched.has(p)));
    return this.planned;
  }

  /**
   * The level planned last was expanded in `ms` (the set's growth left out): `work[p]` is what
   * thread p did of it (transitions tried; 0 for a thread that sat out), `configurations` its size.
   */
  record(work: readonly number[], ms: number, configurations: number): void {
    const total = work.reduce((n, w) => n + w, 0);
    if (total < MIN_WORK || ms < MIN_MS) return;
    const rate = total / ms;
    const sharing = this.planned.filter(Boolean).length;
    if (sharing <= 1) {
      this.aloneRate = rate;
      this.msPerConfiguration = ms / Math.max(1, configurations);
      // A small level expanded alone while together pays is no level of the alone mode.
      if (!this.together && --this.left <= 0) this.switchTo(true, this.waitTogether);
      return;
    }
    this.trial = false;
    const slow = work.flatMap((w, p) => (p > 0 && this.planned[p] && w < (SLOW_SHARE * total) / sharing ? [p] : []));
    if (rate < this.aloneRate * GAIN || slow.length === sharing - 1) {
      // Together did not pay: alone for a while, longer each time.
      this.waitTogether = FIRST_WAIT;
      this.switchTo(false, this.waitAlone);
      this.waitAlone = Math.min(MAX_WAIT, this.waitAlone * 2);
      return;
    }
    for (const p of slow) this.benched.add(p);
    this.waitAlone = FIRST_WAIT;
    if (--this.left <= 0) {
      // Together pays; check it again (one level alone) after twice as many levels each time.
      this.waitTogether = Math.min(MAX_WAIT, this.waitTogether * 2);
      this.switchTo(false, 1);
    }
  }

  private switchTo(together: boolean, levels: number): void {
    if (together) {
      this.benched.clear();
      this.trial = true;
    }
    this.together = together;
    this.left = levels;
  }
}

/** Threads that took part: the first, and each other that tried at least `share` of the steps. */
export function threadsThatTookPart(transitionsByThread: readonly number[], share = 0.05): number {
  const total = transitionsByThread.reduce((n, t) => n + t, 0);
  return transitionsByThread.filter((t, p) => p === 0 || (total > 0 && t >= share * total)).length;
}

/** One core's time counters (ms since boot, as `os.cpus()` gives them), read by the caller. */
export interface CoreTimes {
  readonly idle: number;
  readonly busy: number;
}

/**
 * How many cores sat idle between two readings of every core's counters: their idle time over
 * the time that passed. A thread started now gets a core of its own only if about one was idle
 * (the search's own thread keeps one busy, so a two-core machine with another process running
 * has none to give).
 */
export function idleCores(before: readonly CoreTimes[], after: readonly CoreTimes[]): number {
  let idle = 0, total = 0;
  after.forEach((t, i) => {
    const b = before[i];
    if (b === undefined) return;
    idle += Math.max(0, t.idle - b.idle);
    total += Math.max(0, t.idle - b.idle) + Math.max(0, t.busy - b.busy);
  });
  const elapsedPerCore = total / Math.max(1, after.length);
  return elapsedPerCore > 0 ? idle / elapsedPerCore : 0;
}

/**
 * Threads to start now: at most `wanted`, one per core that sat idle (9/10 idle counts: a core
 * another process uses now and then is not free; measured, a worker there made a check 1.3×
 * slower than one thread).
 */
export function threadsToStart(wanted: number, idle: number): number {
  return Math.max(0, Math.min(wanted, Math.floor(idle + 0.1)));
}


/**
 * Whether a check on several threads should run as one thread from the start: the processes
 * running now besides the search (`others`, counted at the start; where the system cannot count
 * them, the load averaged over the last minute) leave no core free for a second thread beside the
 * search's own (`cores - others` under 1.5). Until a worker joins, the threaded search's first
 * thread runs the partition (a shared set, claimed chunks), measured 2-8 % more CPU than the
 * one-thread explorer; on a machine with no core to give it never joins. A count taken now, not
 * an average: a process started a moment ago (measured: a CPU burner started 0.3 s before) weighs
 * little in the minute's average, and one that ended a moment ago still weighs much.
 */
export function startsAlone(cores: number, others: number): boolean {
  return cores - others < 1.5;
}

/**
 * The processes running besides this one from a few readings of the number running now (each
 * counting this one): their median, so that a reading taken while one of this process's own
 * helper threads (the compiler's, the collector's) ran, or while another process woke for a
 * moment, does not decide.
 */
export function othersRunning(readings: readonly number[]): number {
  const sorted = [...readings].sort((a, b) => a - b);
  return Math.max(0, (sorted[sorted.length >> 1] ?? 1) - 1);
}
