import { describe, expect, it } from 'vitest';
import { idleCores, othersRunning, SPLIT_MS, startsAlone, threadsToStart, ThreadUse } from './threadUse';

/**
 * Feeds `levels` levels of 10,000 configurations (10 transitions each) to two threads at the
 * given rates (transitions/ms alone and together; `share`: the second thread's part of a shared
 * level); returns the modes, T shared, A alone.
 */
function run(
  use: ThreadUse,
  levels: number,
  rates: { alone: number; together: number; share?: number },
  othersFree = true,
): string {
  let modes = '';
  for (let i = 0; i < levels; i++) {
    const plan = use.plan(2, 10_000, othersFree);
    const together = plan[1] === true;
    modes += together ? 'T' : 'A';
    const work = 100_000;
    const share = rates.share ?? 0.5;
    use.record(together ? [work * (1 - share), work * share] : [work, 0], work / (together ? rates.together : rates.alone), 10_000);
  }
  return modes;
}

/** A planner that has measured the first thread alone on one level of 10,000 configurations in 100 ms. */
function measured(): ThreadUse {
  const use = new ThreadUse();
  use.plan(1, 10_000);
  use.record([100_000], 100, 10_000);
  return use;
}

describe('threads are used only while they help', () => {
  it('shares no level before the first thread alone has been measured', () => {
    const use = new ThreadUse();
    expect(use.plan(2, 100_000)).toEqual([true, false]);
    use.record([100_000, 0], 100, 100_000);
    expect(use.plan(2, 100_000)).toEqual([true, true]);
  });

  it('keeps every thread when together is faster, checking alone now and then, less and less often', () => {
    const modes = run(measured(), 60, { alone: 1000, together: 1800 });
    expect(modes.slice(0, 2)).toBe('TT');
    expect(modes.split('').filter((m) => m === 'A').length).toBeLessThanOrEqual(6);
    expect(modes.slice(-24)).toMatch(/^T*A?T*$/);
  });

  it('leaves the others out when they make the search slower (a busy core), trying again less and less often', () => {
    const modes = run(measured(), 60, { alone: 1000, together: 700 });
    expect(modes[0]).toBe('T');
    expect(modes.split('').filter((m) => m === 'T').length).toBeLessThanOrEqual(6);
    expect(modes.slice(-20)).toMatch(/^A*T?A*$/);
  });

  it('counts a gain under 10 % as no gain', () => {
    const modes = run(measured(), 30, { alone: 1000, together: 1050 });
    expect(modes.slice(-10)).toMatch(/^A*T?A*$/);
  });

  it('leaves out a thread that takes almost none of a level, however fast the level went', () => {
    const modes = run(measured(), 30, { alone: 1000, together: 1500, share: 0.1 });
    expect(modes.split('').filter((m) => m === 'T').length).toBeLessThanOrEqual(5);
  });

  it('follows a change: the other core becomes free', () => {
    const use = measured();
    run(use, 30, { alone: 1000, together: 600 });
    const after = run(use, 80, { alone: 1000, together: 1900 });
    expect(after.slice(-24)).toMatch(/^T*A?T*$/);
  });

  it('puts off trying the threads together while no core is free, not once they share', () => {
    const use = measured();
    expect(run(use, 20, { alone: 1000, together: 1800 }, false)).toBe('A'.repeat(20));
    expect(run(use, 1, { alone: 1000, together: 1800 })).toBe('T');
    // Once together pays, a reading of the cores (their own threads keep them busy) changes nothing.
    expect(run(use, 1, { alone: 1000, together: 1800 }, false)).toBe('T');
  });

  it('does not share a level the first thread alone would finish sooner than SPLIT_MS', () => {
    const use = measured(); // 0.01 ms a configuration
    expect(use.plan(2, Math.floor((SPLIT_MS / 0.01) * 0.9))).toEqual([true, false]);
    expect(use.plan(2, Math.ceil(SPLIT_MS / 0.01))).toEqual([true, true]);
  });

  it('leaves out only the threads that did not help when the others did', () => {
    const use = measured();
    expect(use.plan(3, 10_000)).toEqual([true, true, true]);
    use.record([45_000, 50_000, 5_000], 50, 10_000); // 2,000/ms: twice the first alone, thread 2 barely in
    expect(use.plan(3, 10_000)).toEqual([true, true, false]);
  });

  it('ignores levels too small to measure', () => {
    const use = measured();
    for (let i = 0; i < 10; i++) {
      use.plan(2, 50_000);
      use.record([500, 0], 50, 50);
    }
    expect(use.plan(2, 50_000)).toEqual([true, true]);
  });
});

describe('threads are started only on idle cores', () => {
  const at = (idle: number, busy: number) => ({ idle, busy });
  it('counts the cores that sat idle between two readings', () => {
    // Two cores over 150 ms: one busy (the search), one idle; then both busy (another process).
    expect(idleCores([at(0, 0), at(0, 0)], [at(0, 150), at(150, 0)])).toBeCloseTo(1);
    expect(idleCores([at(0, 0), at(0, 0)], [at(0, 150), at(10, 140)])).toBeCloseTo(10 / 150);
    expect(idleCores([at(0, 0), at(0, 0), at(0, 0), at(0, 0)], [at(0, 100), at(100, 0), at(100, 0), at(50, 50)])).toBeCloseTo(2.5);
  });

  it('starts one thread per idle core, none on a busy machine', () => {
    expect(threadsToStart(1, 1)).toBe(1);
    expect(threadsToStart(1, 0.9)).toBe(1);
    expect(threadsToStart(1, 0.8)).toBe(0);
    expect(threadsToStart(1, 0.1)).toBe(0);
    expect(threadsToStart(3, 2.5)).toBe(2);
    expect(threadsToStart(3, 7)).toBe(3);
  });
});


describe('a busy machine checks on one thread from the start', () => {
  it('runs alone while the processes running leave no core beside the search\'s own', () => {
    expect(startsAlone(2, 0)).toBe(false); // idle two cores
    expect(startsAlone(2, 0.1)).toBe(false);
    expect(startsAlone(2, 1)).toBe(true); // another process on one of them
    expect(startsAlone(2, 12)).toBe(true);
    expect(startsAlone(4, 2)).toBe(false);
    expect(startsAlone(4, 3)).toBe(true);
    expect(startsAlone(1, 0)).toBe(true);
  });

  it('counts the others running from the median of readings that count this process too', () => {
    expect(othersRunning([1, 1, 1, 1, 1])).toBe(0); // only the search
    expect(othersRunning([2, 2, 2, 2, 2])).toBe(1); // a burner
    expect(othersRunning([1, 3, 1, 1, 2])).toBe(0); // the search's own compiler thread, a moment's wake-up
    expect(othersRunning([2, 1, 2, 2, 1])).toBe(1);
    expect(othersRunning([])).toBe(0);
  });
});
