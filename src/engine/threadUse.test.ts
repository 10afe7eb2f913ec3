import { describe, expect, it } from 'vitest';
import { idleCores, threadsToStart, ThreadUse } from './threadUse';

/** Feeds levels of 10,000 configurations at the given rates (configurations/ms) for alone and together. */
function run(use: ThreadUse, levels: number, rates: { alone: number; together: number }): string {
  let modes = '';
  for (let i = 0; i < levels; i++) {
    const together = use.othersExpand;
    modes += together ? 'T' : 'A';
    use.record(10_000, 10_000 / (together ? rates.together : rates.alone));
  }
  return modes;
}

describe('threads are used only while they help', () => {
  it('keeps every thread when together is faster, checking alone now and then, less and less often', () => {
    const modes = run(new ThreadUse(), 60, { alone: 100, together: 180 });
    expect(modes.slice(0, 2)).toBe('TA'); // the first level together, then one alone to compare
    expect(modes.split('').filter((m) => m === 'A').length).toBeLessThanOrEqual(6);
    expect(modes.slice(-24)).toMatch(/^T*A?T*$/);
  });

  it('leaves the others out when they make the search slower (a busy core), trying again less and less often', () => {
    const modes = run(new ThreadUse(), 60, { alone: 100, together: 70 });
    const together = modes.split('').filter((m) => m === 'T').length;
    expect(together).toBeLessThanOrEqual(7);
    expect(modes.slice(-20)).toMatch(/^A*T?A*$/);
  });

  it('counts a gain under 10 % as no gain', () => {
    const modes = run(new ThreadUse(), 30, { alone: 100, together: 105 });
    expect(modes.slice(-10)).toMatch(/^A*T?A*$/);
  });

  it('follows a change: the other core becomes free', () => {
    const use = new ThreadUse();
    run(use, 30, { alone: 100, together: 60 });
    const after = run(use, 80, { alone: 100, together: 190 });
    expect(after.slice(-24)).toMatch(/^T*A?T*$/);
  });

  it('ignores levels too small to measure', () => {
    const use = new ThreadUse();
    for (let i = 0; i < 10; i++) use.record(500, 50);
    expect(use.othersExpand).toBe(true);
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

