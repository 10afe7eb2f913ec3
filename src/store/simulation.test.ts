import { describe, expect, it } from 'vitest';
import type { RunEvent } from './simulationRunEvent';
import { createSimulationStore } from './simulation';
import type { ReplayOutcome, SimSession, SimView } from './simulationTypes';

/**
 * A stand-in session over a fixed step graph: from each position, `enabled` lists what may be
 * taken. It keeps a history with a cursor like the engine's simulator, so the store's own job
 * (mirroring, forking, notices, the overlay) is tested alone.
 */
function fakeSession(enabled: (taken: readonly string[]) => readonly string[]): SimSession {
  let history: string[] = [];
  let cursor = 0;
  const taken = () => history.slice(0, cursor);
  const view = (): SimView => ({
    mode: 'up',
    modeText: 'up',
    state: cursor === 0 ? 'Idle' : `S${cursor}`,
    vars: [],
    persisted: { state: 'Idle', vars: [], dedupe: [] },
    dedupe: [],
    toMachine: [],
    toClient: [],
    clients: [],
    invariants: [],
    violations: [],
    steps: enabled(taken()).map((label) => ({ label, actor: 'client' as const })),
    budgets: [],
  });
  const take = (label: string) => {
    if (!enabled(taken()).includes(label)) return false;
    history = [...taken(), label];
    cursor = history.length;
    return true;
  };
  const replay = (labels: readonly string[]): ReplayOutcome => {
    history = [];
    cursor = 0;
    for (const [i, l] of labels.entries()) if (!take(l)) return { ok: false, steps: i, stale: l, reason: 'not enabled' };
    return { ok: true, steps: labels.length };
  };
  return {
    view,
    events: () =>
      history.map((label, i): RunEvent => ({ index: i + 1, label, kind: 'send', stateAfter: `S${i + 1}`, modeAfter: 'up' })),
    cursor: () => cursor,
    length: () => history.length,
    lastTransition: () => (cursor > 0 ? cursor - 1 : undefined),
    requests: () => [{ request: 1, label: 'Charge#1' }],
    initialState: () => 'Idle',
    take,
    undo: () => (cursor = Math.max(0, cursor - 1)),
    redo: () => (cursor = Math.min(history.length, cursor + 1)),
    jump: (i) => (cursor = Math.max(0, Math.min(history.length, i))),
    reset: () => {
      history = [];
      cursor = 0;
    },
    happyPath: () => void replay(['a', 'b', 'c']),
    randomRun: (seed) => void replay(seed % 2 === 0 ? ['a', 'b'] : ['x']),
    exportTrace: () => JSON.stringify({ steps: history }),
    replay,
    importTrace: (text) => replay((JSON.parse(text) as { steps: string[] }).steps),
  };
}

// a → b → c, or x alone.
const line = (t: readonly string[]) => {
  if (t.length === 0) return ['a', 'x'];
  if (t[0] === 'a') return [['b'], ['c'], []][t.length - 1] ?? [];
  return [];
};

function setup() {
  const shown: [string | null, number | null][] = [];
  const store = createSimulationStore({ show: (s, t) => shown.push([s, t]) });
  store.getState().open(fakeSession(line), 'design-1');
  return { store, shown, get: () => store.getState() };
}

describe('simulation store', () => {
  it('mirrors the session on open and shows the initial state on the canvas', () => {
    const { get, shown } = setup();
    expect(get().view?.state).toBe('Idle');
    expect(get().view?.steps.map((s) => s.label)).toEqual(['a', 'x']);
    expect(get().designText).toBe('design-1');
    expect(shown.at(-1)).toEqual(['Idle', null]);
  });

  it('takes an enabled step, moves the cursor and highlights the transition taken', () => {
    const { get, shown } = setup();
    expect(get().take('a')).toBe(true);
    expect(get().cursor).toBe(1);
    expect(get().events.map((e) => e.label)).toEqual(['a']);
    expect(shown.at(-1)).toEqual(['S1', 0]);
  });

  it('refuses a step that is not enabled and says so', () => {
    const { get } = setup();
    expect(get().take('c')).toBe(false);
    expect(get().cursor).toBe(0);
    expect(get().notice).toMatch(/c is not enabled/);
  });

  it('undoes and redoes within the simulation history', () => {
    const { get } = setup();
    get().take('a');
    get().take('b');
    get().undo();
    expect(get().cursor).toBe(1);
    expect(get().length).toBe(2);
    get().redo();
    expect(get().cursor).toBe(2);
  });

  it('forks the history when a step is taken after jumping back', () => {
    const { get } = setup();
    get().happyPath();
    expect(get().length).toBe(3);
    get().jump(0);
    expect(get().view?.state).toBe('Idle');
    get().take('x');
    expect(get().events.map((e) => e.label)).toEqual(['x']);
  });

  it('loads a trace at its first step so the person steps forward with redo', () => {
    const { get } = setup();
    const r = get().loadAtStart(['a', 'b', 'c']);
    expect(r?.ok).toBe(true);
    expect(get().cursor).toBe(0);
    expect(get().length).toBe(3);
    get().redo();
    get().redo();
    expect(get().cursor).toBe(2);
  });

  it('names the first step of a loaded trace that no longer applies', () => {
    const { get } = setup();
    const r = get().loadTrace(JSON.stringify({ steps: ['a', 'b', 'zz', 'c'] }));
    expect(r).toMatchObject({ ok: false, steps: 2, stale: 'zz' });
    expect(get().notice).toBe('Step 3 no longer applies: zz (not enabled).');
    expect(get().length).toBe(2);
  });

  it('replays the run on a rebuilt session after a design edit, keeping the cursor', () => {
    const { get } = setup();
    get().happyPath();
    get().jump(2);
    get().rebase(fakeSession(line), 'design-2');
    expect(get().designText).toBe('design-2');
    expect(get().length).toBe(3);
    expect(get().cursor).toBe(2);
    expect(get().notice).toBeNull();
  });

  it('saves a trace the session can load back', () => {
    const { get } = setup();
    get().randomRun(2);
    const text = get().saveTrace();
    get().reset();
    expect(get().length).toBe(0);
    get().loadTrace(text!);
    expect(get().events.map((e) => e.label)).toEqual(['a', 'b']);
  });

  it('clears the canvas highlight when closed', () => {
    const { get, shown } = setup();
    get().close();
    expect(get().session).toBeNull();
    expect(shown.at(-1)).toEqual([null, null]);
  });
});
