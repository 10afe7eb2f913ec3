import { describe, expect, it } from 'vitest';
import { createCheckStore } from './check';
import type { CheckHandle, CheckProgressView, CheckResultView, CheckRunner } from './checkTypes';

const result = (verdict: CheckResultView['verdict']): CheckResultView => ({
  verdict,
  states: 3,
  transitions: 4,
  depth: 2,
  violations: [],
  coverage: { states: { reached: ['Idle'], unreached: [] }, transitions: { reached: [], unreached: [] } },
  outcomes: { ok: 1, error: 0, ambiguous: 0 },
});

/** A runner the test drives by hand: emit progress, finish, observe cancel. */
function manualRunner() {
  const runs: { text: string; emit: (p: CheckProgressView) => void; finish: (r: CheckResultView) => void; cancelled: boolean }[] = [];
  const run: CheckRunner = (text) => {
    let listener: ((p: CheckProgressView) => void) | null = null;
    let finish!: (r: CheckResultView) => void;
    const promise = new Promise<CheckResultView>((res) => (finish = res));
    const entry = { text, emit: (p: CheckProgressView) => listener?.(p), finish, cancelled: false };
    runs.push(entry);
    const handle: CheckHandle = {
      subscribe: (f) => {
        listener = f;
        return () => (listener = null);
      },
      result: promise,
      cancel: () => {
        entry.cancelled = true;
        finish({ ...result('incomplete'), reason: 'cancelled' });
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
    const done = store.getState().start('design');
    expect(store.getState().status).toBe('running');
    runs[0]!.emit({ states: 10, depth: 2, statesPerSecond: 100, elapsedMs: 100 });
    expect(store.getState().progress?.states).toBe(10);
    runs[0]!.finish(result('violation'));
    await done;
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.verdict).toBe('violation');
    expect(store.getState().designText).toBe('design');
  });

  it('cancels a running check and keeps its incomplete result', async () => {
    const { run, runs } = manualRunner();
    const store = createCheckStore(run);
    const done = store.getState().start('design');
    store.getState().cancel();
    await done;
    expect(runs[0]!.cancelled).toBe(true);
    expect(store.getState().cancelled).toBe(true);
    expect(store.getState().result?.verdict).toBe('incomplete');
  });

  it('ignores the result of a run superseded by a newer one', async () => {
    const { run, runs } = manualRunner();
    const store = createCheckStore(run);
    const first = store.getState().start('one');
    const second = store.getState().start('two');
    await first;
    expect(store.getState().status).toBe('running');
    runs[1]!.finish(result('ok'));
    await second;
    expect(store.getState().result?.verdict).toBe('ok');
    expect(store.getState().designText).toBe('two');
  });

  it('passes the limits set by the person to the runner', () => {
    let seen: unknown = null;
    const store = createCheckStore((text, limits) => {
      seen = limits;
      return manualRunner().run(text, limits);
    });
    store.getState().setLimits({ maxSeconds: 5 });
    void store.getState().start('d');
    expect(seen).toEqual({ maxStates: 2_000_000, maxSeconds: 5 });
  });

  it('reports a runner that fails to start as failed', async () => {
    const store = createCheckStore(() => {
      throw new Error('no worker');
    });
    await store.getState().start('d');
    expect(store.getState().status).toBe('failed');
    expect(store.getState().error).toMatch(/no worker/);
  });
});
