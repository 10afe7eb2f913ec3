import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReplayOutcome, SimSession, SimView } from './simulationTypes';

/**
 * The Simulate mode's session state: the simulator's history and cursor, mirrored as plain
 * snapshots React can render. Simulation history is never the design's undo history: nothing
 * here touches the design store.
 */

export interface OverlaySink {
  /** The canvas highlights this state and transition (index in design.transitions). */
  readonly show: (state: string | null, transition: number | null) => void;
}

/** What the store mirrors of the session: its getters' values, read again after every move. */
type Picture = { readonly [K in 'events' | 'cursor' | 'length' | 'requests' | 'initialState']: ReturnType<SimSession[K]> };

/** The session's moves, each followed by a fresh picture (and a notice where one is due). */
type Moves = Pick<SimSession, 'take' | 'undo' | 'redo' | 'jump' | 'reset' | 'happyPath' | 'randomRun'>;

export interface SimulationState extends Picture, Moves {
  readonly session: SimSession | null;
  /** The design text the session was built from (to notice edits). */
  readonly designText: string | null;
  readonly view: SimView | null;
  /** A message for the person, e.g. the first step of a loaded trace that no longer applies. */
  readonly notice: string | null;

  readonly open: (session: SimSession, designText: string) => void;
  /** Replaces the session after a design edit, replaying the old run as far as it still applies. */
  readonly rebase: (session: SimSession, designText: string) => void;
  readonly close: () => void;
  readonly saveTrace: () => string | null;
  readonly loadTrace: (text: string) => ReplayOutcome | null;
  /** Loads a trace (e.g. a violation's) as history with the cursor at step 0, ready to step with Redo. */
  readonly loadAtStart: (labels: readonly string[]) => ReplayOutcome | null;
  readonly dismissNotice: () => void;
}

export type SimulationStore = StoreApi<SimulationState>;

const empty: Picture & Pick<SimulationState, 'session' | 'designText' | 'view' | 'notice'> = {
  session: null,
  designText: null,
  view: null,
  events: [],
  cursor: 0,
  length: 0,
  requests: [],
  initialState: '',
  notice: null,
};

export function createSimulationStore(overlay?: OverlaySink): SimulationStore {
  return createStore<SimulationState>()((set, get) => {
    /** Copies the session's current picture into the store and onto the canvas. */
    const sync = (session: SimSession, extra: Partial<SimulationState> = {}) => {
      const view = session.view();
      const picture: Picture = {
        events: session.events(),
        cursor: session.cursor(),
        length: session.length(),
        requests: session.requests(),
        initialState: session.initialState(),
      };
      set({ session, view, ...picture, ...extra });
      overlay?.show(view.state, session.lastTransition() ?? null);
    };
    const withSession = (f: (s: SimSession) => void, extra?: Partial<SimulationState>) => {
      const s = get().session;
      if (!s) return;
      f(s);
      sync(s, extra);
    };
    const staleNotice = (r: ReplayOutcome): string | null =>
      r.ok ? (r.warning ?? null) : `Step ${r.steps + 1} no longer applies: ${r.stale} (${r.reason}).`;

    return {
      ...empty,
      open: (session, designText) => sync(session, { designText, notice: null }),
      rebase: (session, designText) => {
        const old = get();
        const labels = old.events.map((e) => e.label);
        const cursor = old.cursor;
        if (labels.length === 0) {
          sync(session, { designText, notice: null });
          return;
        }
        const r = session.replay(labels);
        session.jump(Math.min(cursor, r.steps));
        sync(session, { designText, notice: staleNotice(r) });
      },
      close: () => {
        set({ ...empty });
        overlay?.show(null, null);
      },
      take: (label) => {
        const s = get().session;
        if (!s) return false;
        const ok = s.take(label);
        sync(s, { notice: ok ? null : `${label} is not enabled here.` });
        return ok;
      },
      undo: () => withSession((s) => s.undo()),
      redo: () => withSession((s) => s.redo()),
      jump: (i) => withSession((s) => s.jump(i)),
      reset: () => withSession((s) => s.reset(), { notice: null }),
      happyPath: () => withSession((s) => s.happyPath(), { notice: null }),
      randomRun: (seed) => withSession((s) => s.randomRun(seed), { notice: null }),
      saveTrace: () => get().session?.exportTrace() ?? null,
      loadTrace: (text) => {
        const s = get().session;
        if (!s) return null;
        const r = s.importTrace(text);
        sync(s, { notice: staleNotice(r) });
        return r;
      },
      loadAtStart: (labels) => {
        const s = get().session;
        if (!s) return null;
        const r = s.replay(labels);
        s.jump(0);
        sync(s, { notice: staleNotice(r) });
        return r;
      },
      dismissNotice: () => set({ notice: null }),
    };
  });
}
