import { createStore, type StoreApi } from 'zustand/vanilla';
import * as R from '../engine/run';
import { runEvents, type RunEvent } from '../engine/runEvent';
import { lastTransition, runView, type RunView } from '../engine/runView';
import { runLength } from '../engine/run';

/**
 * The Simulate mode's state: the engine's `Run` value (`src/engine/run.ts`) and nothing copied
 * out of it; every move replaces it with the engine's pure move. What the panels draw is derived
 * from it (`runView`, `runEvents`, computed once per run value). Simulation history is never the
 * design's undo history: nothing here touches the design store.
 */

export interface OverlaySink {
  /** The canvas highlights this state and transition (index in design.transitions). */
  readonly show: (state: string | null, transition: number | null) => void;
}

/** Steps a happy path or random run takes at most: runs end long before in teaching designs. */
const RUN_LIMIT = 200;

export interface SimulationState {
  readonly run: R.Run | null;
  /** What the run belongs to (`runKey`: the document and the design's identity), to notice edits. */
  readonly runKey: string | null;
  /** A message for the person, e.g. the first step of a loaded trace that no longer applies. */
  readonly notice: string | null;

  readonly open: (run: R.Run, runKey: string) => void;
  /** Replaces the run after a design edit, replaying the old one as far as it still applies. */
  readonly rebase: (run: R.Run, runKey: string) => void;
  readonly close: () => void;
  readonly take: (label: string) => boolean;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly jump: (row: number) => void;
  readonly reset: () => void;
  /** Runs from the start and ends at the first violation, like the explorer. */
  readonly happyPath: () => void;
  readonly randomRun: (seed: number) => void;
  readonly saveTrace: () => string | null;
  readonly loadTrace: (text: string) => R.Replayed | null;
  /** Loads a trace (e.g. a violation's) with the cursor at step 0, ready to step with Redo. */
  readonly loadAtStart: (labels: readonly string[]) => R.Replayed | null;
  readonly dismissNotice: () => void;
}

export type SimulationStore = StoreApi<SimulationState>;

/** The view of the row the run stands on, or null without a run. */
export const selectView = (s: SimulationState): RunView | null => (s.run ? runView(s.run) : null);

const eventsOf = new WeakMap<R.Run, RunEvent[]>();
/** Every row of the run (computed once per run value). */
export function selectEvents(s: SimulationState): readonly RunEvent[] {
  if (!s.run) return NO_EVENTS;
  let events = eventsOf.get(s.run);
  if (!events) {
    events = runEvents(s.run);
    eventsOf.set(s.run, events);
  }
  return events;
}
const NO_EVENTS: readonly RunEvent[] = [];

export const selectCursor = (s: SimulationState): number => s.run?.cursor ?? 0;
export const selectLength = (s: SimulationState): number => (s.run ? runLength(s.run) : 0);

const staleNotice = (r: R.Replayed): string | null => (r.ok ? (r.warning ?? null) : `Step ${r.steps + 1} no longer applies: ${r.stale} (${r.reason}).`);

export function createSimulationStore(overlay?: OverlaySink): SimulationStore {
  return createStore<SimulationState>()((set, get) => {
    /** Puts a run in the store and its highlight on the canvas. */
    const show = (run: R.Run, extra: Partial<SimulationState> = {}) => {
      set({ run, ...extra });
      overlay?.show(runView(run).state, lastTransition(run));
    };
    const move = (f: (run: R.Run) => R.Run, extra?: Partial<SimulationState>) => {
      const run = get().run;
      if (run) show(f(run), extra);
    };
    const replayed = (r: R.Replayed | null): R.Replayed | null => {
      if (r) show(r.run, { notice: staleNotice(r) });
      return r;
    };
    return {
      run: null,
      runKey: null,
      notice: null,
      open: (run, runKey) => show(run, { runKey, notice: null }),
      rebase: (run, runKey) => {
        const old = get().run;
        const labels = old ? runEvents(old).map((e) => e.label) : [];
        if (!old || labels.length === 0) {
          show(run, { runKey, notice: null });
          return;
        }
        const r = R.replay(run, labels);
        show(R.jump(r.run, Math.min(old.cursor, r.steps)), { runKey, notice: staleNotice(r) });
      },
      close: () => {
        set({ run: null, runKey: null, notice: null });
        overlay?.show(null, null);
      },
      take: (label) => {
        const run = get().run;
        if (!run) return false;
        const t = R.take(run, label);
        // A step that violates while computed is taken too: the run ends on it.
        const ok = t.ok || t.run !== run;
        show(t.run, { notice: ok ? null : `${label} is not enabled here.` });
        return ok;
      },
      undo: () => move(R.undo),
      redo: () => move(R.redo),
      jump: (row) => move((r) => R.jump(r, row)),
      reset: () => move(R.reset, { notice: null }),
      happyPath: () => move((r) => R.happyPath(R.reset(r), RUN_LIMIT).run, { notice: null }),
      randomRun: (seed) => move((r) => R.randomRun(R.reset(r), seed, RUN_LIMIT).run, { notice: null }),
      saveTrace: () => {
        const run = get().run;
        return run ? `${JSON.stringify(R.exportTrace(run), null, 2)}\n` : null;
      },
      loadTrace: (text) => {
        const run = get().run;
        return replayed(run ? R.importTrace(run, text) : null);
      },
      loadAtStart: (labels) => {
        const run = get().run;
        if (!run) return null;
        const r = R.replay(run, labels);
        return replayed({ ...r, run: R.jump(r.run, 0) });
      },
      dismissNotice: () => set({ notice: null }),
    };
  });
}
