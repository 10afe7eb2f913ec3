import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explorer';
import { testModel } from '../engine/testDesign';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { createSession } from './simulationAdapter';

function model(path: string): Model {
  const r = loadDesign(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

const retried = () => model('../../examples/payment-retried.protocol.json');
const durableCrash = () => model('../../e2e/fixtures/payment-durable-crash.protocol.json');

describe('simulation session over the engine', () => {
  it('groups steps by actor, drops and duplicates under the network', () => {
    const s = createSession(retried());
    expect(s.take('send Charge#1')).toBe(true);
    const steps = s.view().steps;
    expect(steps.find((x) => x.label === 'deliver Charge#1')?.actor).toBe('network');
    expect(steps.filter((x) => x.label.startsWith('drop') || x.label.startsWith('duplicate')).every((x) => x.actor === 'network')).toBe(true);
    expect(steps.find((x) => x.label === 'crash')?.actor).toBe('fault');
    expect(steps.find((x) => x.label === 'deliver Charge#1')?.transition).toBe(0);
  });

  it('replays the explorer\'s shortest violation, ending on the violating second delivery', () => {
    const m = retried();
    const result = explore(m);
    expect(result.verdict).toBe('violation');
    const v = result.violations.find((x) => x.kind === 'replay')!;
    const labels = v.trace.map((t) => t.label);
    const s = createSession(m);
    expect(s.replay(labels)).toEqual({ ok: true, steps: labels.length });
    const events = s.events();
    expect(events.map((e) => e.label)).toEqual(labels);
    expect(events.filter((e) => e.kind === 'deliver')).toHaveLength(2);
    expect(events.at(-1)?.violations?.[0]).toMatchObject({ kind: 'replay', name: 'Charge', step: true });
    expect(s.cursor()).toBe(labels.length);
    expect(s.view().violations[0]).toMatchObject({ kind: 'replay', name: 'Charge' });
    expect(s.view().violatingStep).toEqual({ index: labels.length, label: labels.at(-1) });
    expect(s.view().steps).toEqual([]);
    // Stepping back off the violation and forward onto it again.
    s.jump(0);
    expect(s.cursor()).toBe(0);
    for (let i = 0; i < labels.length; i++) s.redo();
    expect(s.cursor()).toBe(labels.length);
    s.undo();
    expect(s.cursor()).toBe(labels.length - 1);
    expect(s.view().steps.length).toBeGreaterThan(0);
  });

  it('walks send, deliver, crash before the ack, restart, timeout and retry, then gives up ambiguous', () => {
    const s = createSession(durableCrash());
    for (const l of ['send Charge#1', 'deliver Charge#1']) expect(s.take(l)).toBe(true);
    let v = s.view();
    expect(v.modeText).toBe('busy(Charge#1, ack, ok)');
    expect(v.persisted.dedupe).toEqual([{ request: 'Charge#1', reply: 'ok' }]);
    expect(v.persisted.vars).toEqual([{ name: 'balance', value: '1', differs: false }]);
    expect(s.take('crash')).toBe(true);
    expect(s.view().mode).toBe('recovering');
    expect(s.take('restart')).toBe(true);
    expect(s.lastTransition()).toBe(1);
    const timeout = s.view().steps.find((x) => x.label.startsWith('timeout Charge#1'))!;
    expect(timeout.label).toBe('timeout Charge#1 (retry 2 of 2)');
    expect(s.take(timeout.label)).toBe(true);
    expect(s.take('deliver Charge#1')).toBe(true);
    v = s.view();
    expect(v.toClient).toEqual(['Charge#1 ok']);
    expect(v.clients[0]).toMatchObject({ status: 'pending', attempts: 2, maxAttempts: 2 });
    expect(s.take('timeout Charge#1 (gives up: ambiguous)')).toBe(true);
    expect(s.view().clients[0]!.status).toBe('ambiguous');
    const kinds = s.events().map((e) => e.kind);
    expect(kinds).toEqual(['send', 'deliver', 'crash', 'restart', 'timeout', 'deliver', 'timeout']);
    expect(s.events()[4]).toMatchObject({ retried: true });
    expect(s.events()[6]).toMatchObject({ retried: false });
    expect(s.events()[5]).toMatchObject({ note: 'answered' });
  });

  it('exports a trace that imports back, and names the first stale step of a foreign trace', () => {
    const s = createSession(durableCrash());
    s.happyPath();
    const n = s.length();
    expect(n).toBeGreaterThan(2);
    const text = s.exportTrace();
    s.reset();
    expect(s.importTrace(text)).toEqual({ ok: true, steps: n });
    const foreign = JSON.stringify({ format: 'protocol-studio-trace', version: 1, steps: ['send Charge#1', 'fire Tick'] });
    expect(s.importTrace(foreign)).toMatchObject({ ok: false, steps: 1, stale: 'fire Tick' });
    expect(s.length()).toBe(1);
    const older = JSON.stringify({ ...JSON.parse(text), hash: '0123456789abcdef' });
    expect(s.importTrace(older)).toMatchObject({ ok: true, steps: n, warning: expect.stringMatching(/another version of the design/) });
  });

  it('forks when a step is taken after jumping back', () => {
    const s = createSession(durableCrash());
    s.happyPath();
    s.jump(1);
    expect(s.take('crash')).toBe(true);
    expect(s.length()).toBe(2);
    expect(s.events().map((e) => e.label)).toEqual(['send Charge#1', 'crash']);
  });

  it('ends a random run on the step that violates while computed, named in the view, instead of stopping before it', () => {
    const s = createSession(retried());
    s.randomRun(5);
    expect(s.length()).toBe(10);
    expect(s.cursor()).toBe(10);
    const last = s.events().at(-1)!;
    expect(last).toMatchObject({ index: 10, label: 'deliver Charge#1', kind: 'deliver' });
    expect(last.violations).toEqual([expect.objectContaining({ kind: 'replay', name: 'Charge', step: true })]);
    const v = s.view();
    expect(v.violatingStep).toEqual({ index: 10, label: 'deliver Charge#1' });
    expect(v.violations).toEqual([{ kind: 'replay', name: 'Charge', detail: expect.any(String), step: true }]);
    expect(v.violations[0]!.detail.length).toBeGreaterThan(0);
    expect(v.steps).toEqual([]);
    // The same seed ends the same way; Undo steps back before the step, where steps are enabled again.
    const again = createSession(retried());
    again.randomRun(5);
    expect(again.events().map((e) => e.label)).toEqual(s.events().map((e) => e.label));
    s.undo();
    expect(s.cursor()).toBe(9);
    expect(s.view().violatingStep).toBeUndefined();
    expect(s.view().steps.map((x) => x.label)).toContain('deliver Charge#1');
    // Its trace ends on the violating step and replays onto it.
    s.redo();
    const text = s.exportTrace();
    expect((JSON.parse(text) as { steps: string[] }).steps).toHaveLength(10);
    const other = createSession(retried());
    expect(other.importTrace(text)).toEqual({ ok: true, steps: 10 });
    expect(other.view().violatingStep).toEqual({ index: 10, label: 'deliver Charge#1' });
  });

  it('ends a happy path that meets a step violation on it too', () => {
    const s = createSession(
      testModel({
        vars: [{ name: 'n', type: { int: [0, 2] }, initial: 0 }],
        states: [{ name: 'On', initial: true }],
        events: [{ name: 'Tick', source: 'internal' }],
        transitions: [{ id: 'tick', from: 'On', event: 'Tick', to: 'On', updates: { n: 'n + 1' } }],
      }),
    );
    s.happyPath();
    expect(s.events().map((e) => e.label)).toEqual(['fire Tick', 'fire Tick', 'fire Tick']);
    expect(s.cursor()).toBe(3);
    expect(s.view().violatingStep).toEqual({ index: 3, label: 'fire Tick' });
    expect(s.view().violations).toEqual([expect.objectContaining({ kind: 'out-of-range', name: 'n' })]);
    expect(s.view().vars).toEqual([expect.objectContaining({ name: 'n', value: '2' })]);
  });
});
