import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../engine/result';
import type { FromWorker, ToWorker } from '../worker/protocol';
import type { WorkerLike } from '../worker/checkClient';
import { workerCheckRunner } from './checkRunner';

/** A worker stand-in: records what the page posts and lets the test answer. */
function fakeWorker() {
  const posted: ToWorker[] = [];
  const worker: WorkerLike = {
    postMessage: (m) => void posted.push(m),
    terminate: () => {},
    onmessage: null,
    onerror: null,
  };
  const send = (m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  return { worker, posted, send };
}

const okResult = { verdict: 'ok', states: 2, transitions: 1, depth: 1, violations: [], coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } }, outcomes: { ok: 0, error: 0, ambiguous: 0 }, seconds: 0, statesPerSecond: 0, bytesPerState: 0, limit: null } satisfies CheckResult;

describe('workerCheckRunner', () => {
  it('posts the design and limits, relays progress and resolves with the result', async () => {
    const f = fakeWorker();
    const handle = workerCheckRunner(() => f.worker)('{"d":1}', { maxStates: 10, maxSeconds: 2 });
    expect(f.posted[0]).toEqual({ type: 'start', designText: '{"d":1}', limits: { maxStates: 10, maxSeconds: 2 } });
    const seen: number[] = [];
    handle.subscribe((p) => seen.push(p.states));
    f.send({ type: 'progress', progress: { states: 5, transitions: 6, depth: 1, statesPerSecond: 50, elapsedMs: 100 } });
    f.send({ type: 'result', result: okResult });
    expect(seen).toEqual([5]);
    await expect(handle.result).resolves.toMatchObject({ verdict: 'ok' });
  });

  it('turns a design error into a failure that names the path', async () => {
    const f = fakeWorker();
    const handle = workerCheckRunner(() => f.worker)('{}', { maxStates: 10, maxSeconds: 2 });
    f.send({ type: 'error', error: 'The design is invalid.', errors: [{ path: '/states', message: 'Add a state.', code: 'x' }] });
    await expect(handle.result).rejects.toThrow('/states: Add a state.');
  });

  it('reports incomplete, never an error, when a cancelled worker does not answer', async () => {
    const f = fakeWorker();
    const handle = workerCheckRunner(() => f.worker)('{}', { maxStates: 10, maxSeconds: 2 });
    f.send({ type: 'progress', progress: { states: 1234, transitions: 1, depth: 7, statesPerSecond: 1, elapsedMs: 1 } });
    handle.cancel();
    expect(f.posted.at(-1)).toEqual({ type: 'cancel' });
    await expect(handle.result).resolves.toMatchObject({ verdict: 'incomplete', states: 1234, depth: 6, reason: 'the check was cancelled' });
  });
});
