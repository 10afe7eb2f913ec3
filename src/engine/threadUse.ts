/**
 * Which threads expand the next level of a search on several threads: a thread is used only while
 * it helps. After a level expanded by every thread, the coordinator compares its rate
 * (configurations per millisecond) with the last level expanded by the first thread alone; when
 * the others did not make the search at least `GAIN` faster (another process on their core, levels
 * too small to share, cache lines bouncing between cores), they sit out the next levels, and are
 * tried again after a while (twice as long after each try that did not pay).
 *
 * Pure and deterministic given the figures it is told, so it is tested without threads.
 */

/** How much faster the threads together must be than one alone to be kept. */
export const GAIN = 1.1;
/** Levels smaller or shorter than this say nothing reliable about a rate. */
const MIN_CONFIGURATIONS = 2_000;
const MIN_MS = 4;
/** Levels in one mode before the other is tried again: doubled each time the mode is confirmed. */
const FIRST_WAIT = 2;
const MAX_WAIT = 32;

export class ThreadUse {
  private together = true;
  private aloneRate = 0;
  /** Levels left in the current mode before the other is measured again. */
  private left = 0;
  private waitAlone = FIRST_WAIT;
  private waitTogether = FIRST_WAIT;

  /** Whether the threads other than the first expand the next level. */
  get othersExpand(): boolean {
    return this.together;
  }

  /** A level the first thread expanded before any other had joined. */
  recordAlone(configurations: number, ms: number): void {
    if (configurations >= MIN_CONFIGURATIONS && ms >= MIN_MS) this.aloneRate = configurations / ms;
  }

  /** A level was expanded (`configurations` of it, in `ms`), by every thread or by the first alone. */
  record(configurations: number, ms: number): void {
    if (configurations < MIN_CONFIGURATIONS || ms < MIN_MS) return;
    const rate = configurations / ms;
    if (!this.together) {
      this.aloneRate = rate;
      if (--this.left <= 0) this.switchTo(true, this.waitTogether); // measure together again
      return;
    }
    if (this.aloneRate === 0) {
      this.switchTo(false, 1); // no alone rate yet: measure one level alone
    } else if (rate < this.aloneRate * GAIN) {
      this.waitTogether = FIRST_WAIT;
      this.switchTo(false, this.waitAlone); // together did not pay: alone for a while, longer each time
      this.waitAlone = Math.min(MAX_WAIT, this.waitAlone * 2);
    } else {
      this.waitAlone = FIRST_WAIT;
      if (--this.left <= 0) {
        // Together pays; check it again (one level alone) after twice as many levels each time.
        this.waitTogether = Math.min(MAX_WAIT, this.waitTogether * 2);
        this.switchTo(false, 1);
      }
    }
  }

  private switchTo(together: boolean, levels: number): void {
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

