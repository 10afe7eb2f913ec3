import { describe, expect, it } from 'vitest';
import * as R from '../engine/run';
import { testModel } from '../engine/testDesign';
import { createSimulationStore, selectCursor, selectEvents, selectLength, selectView } from './simulation';

const model = testModel({
  vars: [{ name: 'n', type: { int: [0, 2] }, initial: 0 }],
  states: [{ name: 'Idle', initial: true }, { name: 'Busy' }],
  events: [
    { name: 'Go', source: 'client' },
    { name: 'Tick', source: 'internal' },
  ],
  transitions: [
    { id: 'go', from: 'Idle', event: 'Go', to: 'Busy' },
    { id: 'tick', from: 'Busy', event: 'Tick', to: 'Busy', updates: { n: 'n + 1' } },
  ],
  environment: { requests: 1 },
});

function setup() {
  const shown: [string | null, number | null][] = [];
  const store = createSimulationStore({ show: (s, t) => shown.push([s, t]) });
  store.getState().open(R.startRun(model), 'design-1');
  const get = () => store.getState();
  return { store, shown, get, view: () => selectView(get()), cursor: () => selectCursor(get()), length: () => selectLength(get()), labels: () => selectEvents(get()).map((e) => e.label) };
}

describe('simulation store', () => {
  it('holds the engine run and shows the initial state on the canvas', () => {
    const { get, view, shown } = setup();
    expect(view()?.state).toBe('Idle');
    expect(view()?.steps.map((s) => s.label)).toEqual(['send Go#1']);
    expect(get().runKey).toBe('design-1');
    expect(Object.keys(get()).filter((k) => typeof (get() as unknown as Record<string, unknown>)[k] !== 'function').sort()).toEqual(['notice', 'run', 'runKey']);
    expect(shown.at(-1)).toEqual(['Idle', null]);
  });

  it('takes an enabled step through the engine and highlights the transition taken', () => {
    const { get, cursor, labels, shown } = setup();
    expect(get().take('send Go#1')).toBe(true);
    expect(get().take('deliver Go#1')).toBe(true);
    expect(cursor()).toBe(2);
    expect(labels()).toEqual(['send Go#1', 'deliver Go#1']);
    expect(shown.at(-1)).toEqual(['Busy', 0]);
  });

  it('refuses a step that is not enabled and says so', () => {
    const { get, cursor } = setup();
    expect(get().take('fire Tick')).toBe(false);
    expect(cursor()).toBe(0);
    expect(get().notice).toMatch(/fire Tick is not enabled/);
  });

  it('ends on a step that violates while computed, and steps back from it', () => {
    const { get, view, cursor, length } = setup();
    for (const l of ['send Go#1', 'deliver Go#1', 'ack Go#1', 'fire Tick', 'fire Tick']) get().take(l);
    expect(get().take('fire Tick')).toBe(true);
    expect(view()?.violatingStep).toEqual({ index: 6, label: 'fire Tick' });
    expect([cursor(), length()]).toEqual([6, 6]);
    get().undo();
    expect(view()?.violatingStep).toBeUndefined();
    get().redo();
    expect(cursor()).toBe(6);
  });

  it('forks the history when a step is taken after jumping back', () => {
    const { get, labels, view } = setup();
    get().happyPath();
    expect(labels()[0]).toBe('send Go#1');
    get().jump(0);
    expect(view()?.state).toBe('Idle');
    get().take('send Go#1');
    expect(labels()).toEqual(['send Go#1']);
  });

  it('loads a trace at its first step so the person steps forward with redo', () => {
    const { get, cursor, length } = setup();
    const r = get().loadAtStart(['send Go#1', 'deliver Go#1', 'ack Go#1']);
    expect(r?.ok).toBe(true);
    expect([cursor(), length()]).toEqual([0, 3]);
    get().redo();
    get().redo();
    expect(cursor()).toBe(2);
  });

  it('names the first step of a loaded trace that no longer applies', () => {
    const { get, length } = setup();
    const text = JSON.stringify({ format: 'protocol-studio-trace', version: 1, design: 'test', hash: '', steps: ['send Go#1', 'zz', 'deliver Go#1'] });
    expect(get().loadTrace(text)).toMatchObject({ ok: false, steps: 1, stale: 'zz' });
    expect(get().notice).toBe('Step 2 no longer applies: zz (`zz` is not enabled here).');
    expect(length()).toBe(1);
  });

  it('replays the run on a new design after an edit, keeping the cursor', () => {
    const { get, cursor, length } = setup();
    for (const l of ['send Go#1', 'deliver Go#1', 'ack Go#1']) get().take(l);
    get().jump(2);
    get().rebase(R.startRun(model), 'design-2');
    expect(get().runKey).toBe('design-2');
    expect([cursor(), length()]).toEqual([2, 3]);
    expect(get().notice).toBeNull();
  });

  it('saves a trace the store can load back', () => {
    const { get, labels, length } = setup();
    get().randomRun(2);
    const before = labels();
    const text = get().saveTrace();
    get().reset();
    expect(length()).toBe(0);
    get().loadTrace(text!);
    expect(labels()).toEqual(before);
  });

  it('clears the canvas highlight when closed', () => {
    const { get, shown } = setup();
    get().close();
    expect(get().run).toBeNull();
    expect(shown.at(-1)).toEqual([null, null]);
  });
});
