import { describe, expect, it } from 'vitest';
import type { CheckProgress, CheckResult } from '../engine/result';
import type { ValidatedDesign } from '../model/handoff';
import type { CheckOutcome, CheckRunner, RunningCheck } from '../worker/checkClient';
import { createCheckStore } from './check';

const result = (verdict: CheckResult['verdict'], limit: CheckResult['limit'] = null): CheckResult => ({
  verdict,
  states: 3,
  transitions: 4,
  depth: 2,
  violations: [],
  coverage: { states: { reached: ['Idle'], unreached: [] }, transitions: { reached: [], unreached: [] } },
  outcomes: { ok: 1, error: 0, ambiguous: 0 },
  seconds: 0,
  statesPerSecond: 0,
  bytesPerState: 0,
  limit,
});
const progress = (states: number): CheckProgress => ({ states, transitions: 0, depth: 2, statesPerSecond: 100, elapsedMs: 100 });
const design = (identity: string) => ({ design: {}, identity }) as unknown as ValidatedDesign;

/** A runner the test drives by hand: emit progress, finish, observe cancel. */
function manualRunner(onCancel: 'engine' | 'silent' = 'engine') {
  const runs: { design: ValidatedDesign; emit: (p: CheckProgress) => void; finish: (o: CheckOutcome) => void; cancelled: boolean }[] = [];
  const run: CheckRunner = (d) => {
    let listener: ((p: CheckProgress) => void) | null = null;
    let finish!: (o: CheckOutcome) => void;
    const promise = new Promise<CheckOutcome>((res) => (finish = res));
    const entry = { design: d, emit: (p: CheckProgress) => listener?.(p), finish, cancelled: false };
    runs.push(entry);
    const handle: RunningCheck = {
      subscribe: (f) => {
        listener = f;
        return () => (listener = null);
      },
      result: promise,
      cancel: () => {
        entry.cancelled = true;
        finish(onCancel === 'engine' ? { kind: 'result', result: result('incomplete', 'cancelled') } : { kind: 'cancelled', progress: progress(77) });
      },
    };
    return handle;
  };
  return { run, runs };
}

describe('check store', () => {
  it('starts with the default limits of two million states and sixty seconds', () => {
    const store = createCheckStore(manualRunner().run);
    expect(store.getState().limits).toEqual({ maxStates: 2_000_000, maxSeconds: 60 });
  });

  it('shows progress while running and the result when done', async () => {
    const { run, runs } = manualRunner();
    const store = createCheckStore(run);
    const done = store.getState().start(design('d1'));
    expect(store.getState().status).toBe('running');
    runs[0]!.emit(progress(10));
    expect(store.getState().progress?.states).toBe(10);
    runs[0]!.finish({ kind: 'result', result: result('violation') });
    await done;
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.verdict).toBe('violation');
    expect(store.getState().identity).toBe('d1');
  });

  it('cancels a running check and keeps the engine result it reports', async () => {
    const { run, runs } = manualRunner();
    const store = createCheckStore(run);
    const done = store.getState().start(design('d'));
    store.getState().cancel();
    await done;
    expect(runs[0]!.cancelled).toBe(true);
    expect(store.getState().status).toBe('done');
    expect(store.getState().result).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  });

  it('says cancelled with the last progress when the worker did not report', async () => {
    const { run } = manualRunner('silent');
    const store = createCheckStore(run);
    const done = store.getState().start(design('d'));
    store.getState().cancel();
    await done;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().result).toBeNull();
    expect(store.getState().progress?.states).toBe(77);
  });

  it('ignores the result of a run superseded by a newer one', async () => {
    const { run, runs } = manualRunner();
    const store = createCheckStore(run);
    const first = store.getState().start(design('one'));
    const second = store.getState().start(design('two'));
    await first;
    expect(store.getState().status).toBe('running');
    runs[1]!.finish({ kind: 'result', result: result('ok') });
    await second;
    expect(store.getState().result?.verdict).toBe('ok');
    expect(store.getState().identity).toBe('two');
  });

  it('passes the limits set by the person to the runner', () => {
    let seen: unknown = null;
    const store = createCheckStore((d, limits) => {
      seen = limits;
      return manualRunner().run(d, limits);
    });
    store.getState().setLimits({ maxSeconds: 5 });
    void store.getState().start(design('d'));
    expect(seen).toEqual({ maxStates: 2_000_000, maxSeconds: 5 });
  });

  it('reports a runner that fails to start, or a failing worker, as failed', async () => {
    const store = createCheckStore(() => {
      throw new Error('no worker');
    });
    await store.getState().start(design('d'));
    expect(store.getState().status).toBe('failed');
    expect(store.getState().error).toMatch(/no worker/);
    const { run, runs } = manualRunner();
    const other = createCheckStore(run);
    const done = other.getState().start(design('d'));
    runs[0]!.finish({ kind: 'failed', error: 'boom' });
    await done;
    expect(other.getState()).toMatchObject({ status: 'failed', error: 'boom' });
  });
});
