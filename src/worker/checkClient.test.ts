import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { handoff, type ValidatedDesign } from '../model/handoff';
import { loadDesign } from '../model/load';
import { startCheck, type CheckOutcome, type WorkerLike } from './checkClient';
import { runCheck } from './checkSession';
import type { FromWorker, ToWorker } from './protocol';

const fixtures = conformanceDir('valid');
function validated(file: string): ValidatedDesign {
  const loaded = loadDesign(readFileSync(join(fixtures, file), 'utf8'));
  if (!loaded.ok) throw new Error(file);
  return handoff(loaded.model);
}
const kv = validated('kv-register.protocol.json');
const payment = validated('payment-retry-no-dedupe.protocol.json');

/** A stand-in for the Web Worker that runs the same shared module on this thread. */
function inProcessWorker(): WorkerLike {
  let cancelled = false;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      cancelled = true;
    },
    postMessage(message: ToWorker) {
      if (message.type === 'cancel') cancelled = true;
      else void runCheck(message.design, message.limits, (m: FromWorker) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>), () => cancelled, 5, 0);
    },
  };
  return w;
}

/** A worker stand-in that records what the page posts and answers only when the test says. */
function silentWorker() {
  const posted: ToWorker[] = [];
  const worker: WorkerLike = { postMessage: (m) => void posted.push(m), terminate: () => {}, onmessage: null, onerror: null };
  const send = (m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  return { worker, posted, send };
}

function resultOf(outcome: CheckOutcome) {
  if (outcome.kind !== 'result') throw new Error(`expected a result, got ${outcome.kind}`);
  return outcome.result;
}

describe('the check client and the worker session', () => {
  it('hands the worker the validated design with its identity, and the limits', () => {
    const f = silentWorker();
    startCheck(kv, { maxStates: 10 }, () => f.worker);
    expect(f.posted[0]).toEqual({ type: 'start', design: kv, limits: { maxStates: 10 } });
    expect(kv.identity).toMatch(/^[0-9a-f]{16}$/);
  });

  it('delivers progress and the result of a check', async () => {
    const check = startCheck(kv, {}, inProcessWorker);
    const seen: number[] = [];
    check.subscribe((p) => seen.push(p.states));
    expect(resultOf(await check.result)).toMatchObject({ verdict: 'ok', states: 45825 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(45825);
  });

  it('reports a violation with its trace', async () => {
    const result = resultOf(await startCheck(payment, {}, inProcessWorker).result);
    expect(result.verdict).toBe('violation');
    expect(result.violations[0]!.trace.map((t) => t.label)).toHaveLength(5);
  });

  it('on cancel, gives the engine result: cancelled, with what was found so far', async () => {
    const check = startCheck(kv, {}, inProcessWorker);
    check.subscribe(() => check.cancel());
    const result = resultOf(await check.result);
    expect(result).toMatchObject({ verdict: 'incomplete', limit: 'cancelled', reason: 'the check was cancelled' });
    expect(result.states).toBeGreaterThan(0);
    expect(result.states).toBeLessThan(45825);
    expect(result.coverage.states.reached.length).toBeGreaterThan(0);
  });

  it('says cancelled with the last progress when the worker does not answer a cancel', async () => {
    const f = silentWorker();
    const check = startCheck(kv, {}, () => f.worker);
    f.send({ type: 'progress', progress: { states: 1234, transitions: 5, depth: 7, statesPerSecond: 1, elapsedMs: 1 } });
    check.cancel();
    expect(f.posted.at(-1)).toEqual({ type: 'cancel' });
    await expect(check.result).resolves.toEqual({ kind: 'cancelled', progress: { states: 1234, transitions: 5, depth: 7, statesPerSecond: 1, elapsedMs: 1 } });
  });

  it('reports a failing worker as failed', async () => {
    const f = silentWorker();
    const check = startCheck(kv, {}, () => f.worker);
    f.send({ type: 'error', error: 'boom' });
    await expect(check.result).resolves.toEqual({ kind: 'failed', error: 'boom' });
  });

  it('honours a state limit', async () => {
    const result = resultOf(await startCheck(kv, { maxStates: 1000 }, inProcessWorker).result);
    expect(result).toMatchObject({ verdict: 'incomplete', limit: 'states', states: 1000 });
  });
});
