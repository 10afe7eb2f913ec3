import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/engine/simulator';
import type { findFailure, HarnessSpec, runChoices, runMoves } from '../../src/export/harness/harnessRuntime';
import { Monitor } from '../../src/export/monitor/monitorCore';
import { modelMonitorDesign } from '../../src/export/monitor/modelDesign';
import { importWithReference } from '../../src/export/testing/generatedPair';
import { loadDesign } from '../../src/model/load';
import { startBuggyService } from './buggy';
import { startFixedService } from './fixed';
import { paymentAdapter } from './harness';
import type { LogLine } from './service';

/**
 * The payment service, buggy and fixed, held to examples/payment-service.protocol.json by the
 * exported harness on a real SQLite database; the logs they wrote, checked by the monitor.
 * `UPDATE_GOLDEN=1` re-records the two logs beside the design.
 */
const examples = join(import.meta.dirname, '..');
const loaded = loadDesign(readFileSync(join(examples, 'payment-service.protocol.json'), 'utf8'));
if (!loaded.ok) throw new Error('the payment-service design does not load');
const model = loaded.model;
type Harness = { spec: HarnessSpec; runChoices: typeof runChoices; runMoves: typeof runMoves; findFailure: typeof findFailure };
const { module: harness } = await importWithReference<Harness>(model, 'harness');

function recorded(name: 'buggy' | 'fixed', lines: readonly LogLine[]): string {
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const file = join(examples, `payment-service-${name}.jsonl`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  return readFileSync(file, 'utf8');
}

function monitor(text: string): Monitor {
  const m = new Monitor(modelMonitorDesign(model));
  text.split('\n').forEach((line, i) => m.line(i + 1, line));
  return m;
}

describe('the payment service on SQLite, under the exported harness', () => {
  it('buggy: the harness finds the lost ack as a shortest trace that the simulator replays', async () => {
    const failure = await harness.findFailure(harness.spec, paymentAdapter(startBuggyService), { numRuns: 300, seed: 18 });
    expect(failure).not.toBeNull();
    expect(failure!.problems.join('\n')).toMatch(/lost ack/);
    // send, deliver (the ok goes out first), crash before the write: nothing shorter shows it.
    expect(failure!.steps).toHaveLength(3);
    expect(failure!.trace.steps).toEqual(['send Charge#1 amount=1', 'crash']);
    expect(createSimulator(model).replay(failure!.trace.steps)).toMatchObject({ ok: true });
  });

  it('buggy: without crashes before a write, the harness finds the double charge after a crash and a retry', async () => {
    const failure = await harness.findFailure(harness.spec, paymentAdapter(startBuggyService), { numRuns: 500, seed: 18, crashBeforeWrite: false });
    expect(failure).not.toBeNull();
    const problems = failure!.problems.join('\n');
    expect(problems).toMatch(/charges is 2, the design's is 1/);
    expect(problems).toMatch(/invariant "charged at most once per request" is false/);
    const trace = failure!.trace.steps;
    expect(trace).toContain('crash');
    expect(trace.filter((s) => s.startsWith('deliver Charge#1'))).toHaveLength(2);
    expect(trace.length).toBeLessThanOrEqual(8);
    expect(createSimulator(model).replay(trace)).toMatchObject({ ok: true });
    // The log it wrote during that run, kept beside the design; the monitor reports the double charge from it.
    const lines: LogLine[] = [];
    const rerun = await harness.runMoves(harness.spec, paymentAdapter(startBuggyService, (l) => lines.push(l)), failure!.moves, { crashBeforeWrite: false });
    expect(rerun.failure).not.toBeNull();
    const text = recorded('buggy', lines);
    const m = monitor(text);
    const double = m.reports.find((r) => r.kind === 'invariant' && r.name === 'charged at most once per request');
    expect(double).toBeDefined();
    const evidence = double!.evidence.map((e) => JSON.parse(e.text) as LogLine);
    expect(evidence.filter((l) => l.type === 'received')).toHaveLength(2);
    // The first charge's write landed before the crash cut off its `persisted` line: the restart line shows it.
    expect(evidence.filter((l) => l.type === 'restart')).toEqual([{ type: 'restart', state: 'Open', vars: { charges: 1, total: 1 } }]);
    expect(evidence.at(-1)).toEqual({ type: 'persisted', id: 'r1' });
    expect(m.reports.some((r) => r.kind === 'replay')).toBe(true);
  });

  it('fixed: the harness passes, and the monitor finds nothing in the log it wrote', async () => {
    expect(await harness.findFailure(harness.spec, paymentAdapter(startFixedService), { numRuns: 300, seed: 18 })).toBeNull();
    const lines: LogLine[] = [];
    // The recorded run: a crash between the write and the ok, the client's retry, a duplicate.
    const story = [
      'send Charge#1 amount=2', 'deliver Charge#1', 'crash', 'restart', 'timeout Charge#1 (retry 2 of 2)', 'deliver Charge#1',
      'receive Charge#1 ok', 'send Charge#2 amount=1', 'duplicate Charge#2', 'deliver Charge#2', 'ack Charge#2', 'deliver Charge#2',
      'receive Charge#2 ok', 'receive Charge#2 ok',
    ];
    const run = await harness.runMoves(harness.spec, paymentAdapter(startFixedService, (l) => lines.push(l)), story);
    expect(run.failure).toBeNull();
    expect(run.trace).toEqual(story);
    const text = recorded('fixed', lines);
    expect(text).toMatch(/"type":"crash"/);
    expect(text).toMatch(/"type":"restart"/);
    const m = monitor(text);
    expect(m.reports).toEqual([]);
    expect(m.counters.lines).toBeGreaterThan(10);
  });
});
