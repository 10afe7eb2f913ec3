import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { explore } from '../engine/explorer';
import { servedPartition, type PartitionData, type PartitionRequest } from '../engine/partitionMessages';
import type { CheckResult } from '../engine/result';
import { handoff, type ValidatedDesign } from '../model/handoff';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { checkWorkers, runCheckOnWorkers, type PartitionWorker } from './checkThreaded';
import type { FromWorker } from './protocol';

function loaded(file: string): { model: Model; design: ValidatedDesign } {
  const l = loadDesign(readFileSync(join(conformanceDir('valid'), file), 'utf8'));
  if (!l.ok) throw new Error(file);
  return { model: l.model, design: handoff(l.model) };
}

/** A stand-in for a partition's Web Worker: the same module it runs, answering on a later task. */
function inProcessPartition(): PartitionWorker {
  let answer: ReturnType<typeof servedPartition> | null = null;
  const w: PartitionWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage(message) {
      setTimeout(() => {
        if (answer === null) {
          answer = servedPartition(message as PartitionData);
          w.onmessage?.({ data: 'ready' } as MessageEvent);
        } else w.onmessage?.({ data: answer(message as PartitionRequest).reply } as MessageEvent);
      }, 0);
    },
  };
  return w;
}

const figures = (r: CheckResult) => ({
  verdict: r.verdict,
  states: r.states,
  transitions: r.transitions,
  depth: r.depth,
  violations: r.violations.map((v) => `${v.kind}:${v.name}@${v.depth}/${v.trace.length}`).sort(),
  coverage: r.coverage,
  outcomes: r.outcomes,
  outcomeTraceLengths: Object.entries(r.outcomeTraces ?? {}).map(([k, labels]) => `${k}:${labels.length}`),
});

async function check(design: ValidatedDesign, threads: number): Promise<{ split: boolean; messages: FromWorker[] }> {
  const messages: FromWorker[] = [];
  const split = await runCheckOnWorkers(design, {}, (m) => messages.push(m), () => false, threads, inProcessPartition);
  return { split, messages };
}

describe('the browser check on several workers', () => {
  it('uses several workers only on a cross-origin-isolated page', () => {
    expect(checkWorkers({ crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } })).toBe(1);
    expect(checkWorkers({ navigator: { hardwareConcurrency: 8 } })).toBe(1);
    expect(checkWorkers({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } })).toBe(2);
    expect(checkWorkers({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 16 } })).toBe(4);
  });

  it('gives what one worker gives, on an ok design and on one with violations', async () => {
    for (const file of ['kv-register.protocol.json', 'payment-retry-no-dedupe.protocol.json']) {
      const { model, design } = loaded(file);
      const { split, messages } = await check(design, 3);
      expect(split).toBe(true);
      const result = messages.find((m) => m.type === 'result');
      if (result?.type !== 'result') throw new Error('no result');
      expect(figures(result.result)).toEqual(figures(explore(model)));
    }
  });

  it('leaves a check for one worker to the caller', async () => {
    const { design } = loaded('kv-register.protocol.json');
    expect(await check(design, 1)).toEqual({ split: false, messages: [] });
  });

  it('stops every worker when cancelled and says incomplete', async () => {
    const { design } = loaded('kv-register.protocol.json');
    const messages: FromWorker[] = [];
    await runCheckOnWorkers(design, {}, (m) => messages.push(m), () => true, 2, inProcessPartition);
    expect(messages.at(-1)).toMatchObject({ type: 'result', result: { verdict: 'incomplete', limit: 'cancelled' } });
  });
});
