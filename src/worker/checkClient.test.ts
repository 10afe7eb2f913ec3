import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import type { CheckResult } from '../engine/result';
import { startCheck, type WorkerLike } from './checkClient';
import { runCheck } from './checkSession';
import type { FromWorker, ToWorker } from './protocol';

const fixtures = conformanceDir('valid');
const kv = readFileSync(join(fixtures, 'kv-register.protocol.json'), 'utf8');
const payment = readFileSync(join(fixtures, 'payment-retry-no-dedupe.protocol.json'), 'utf8');

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
      else void runCheck(message.designText, message.limits, (m: FromWorker) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>), () => cancelled, 5, 0);
    },
  };
  return w;
}

describe('the check client and the worker session', () => {
  it('delivers progress and the result of a check', async () => {
    const check = startCheck(kv, {}, inProcessWorker);
    const seen: number[] = [];
    check.progress.subscribe((p) => seen.push(p.states));
    const result = (await check.result) as CheckResult;
    expect(result).toMatchObject({ verdict: 'ok', states: 45825 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(45825);
  });

  it('reports a violation with its trace', async () => {
    const result = (await startCheck(payment, {}, inProcessWorker).result) as CheckResult;
    expect(result.verdict).toBe('violation');
    expect(result.violations[0]!.trace.map((t) => t.label)).toHaveLength(5);
  });

  it('answers an invalid design with its errors', async () => {
    const result = await startCheck('{"format": "protocol-studio"}', {}, inProcessWorker).result;
    expect(result).toHaveProperty('error');
    expect((result as unknown as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('stops on cancel and says incomplete', async () => {
    const check = startCheck(kv, {}, inProcessWorker);
    check.subscribe(() => check.cancel());
    const result = await check.result;
    expect(result).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  });

  it('honours a state limit', async () => {
    const result = await startCheck(kv, { maxStates: 1000 }, inProcessWorker).result;
    expect(result).toMatchObject({ verdict: 'incomplete', limit: 'states', states: 1000 });
  });
});
