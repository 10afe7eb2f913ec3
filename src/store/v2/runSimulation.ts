import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelV2 } from '../../model/v2/model';
import * as R from './runValue';
import { mulberry32 } from '../../engine/run';

/**
 * Simulate's state for a version-2 design: the run value (`runValue.ts`) and nothing copied out
 * of it; every move replaces it with a pure move. Views are derived from it (`runView.ts`,
 * `runSequence.ts`). Simulation history is never the design's undo history.
 */
export interface SimulationStateV2 {
  readonly run: R.RunV2 | null;
  /** The document and design identity the run belongs to (`runKey.ts`). */
  readonly runKey: string | null;
  readonly notice: string | null;
  /** Starts a run of `model`; after an edit of the same document, replays the old run as far as it applies. */
  readonly open: (model: ModelV2, runKey: string, sameDocument: boolean) => void;
  readonly take: (label: string) => boolean;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly jump: (row: number) => void;
  readonly reset: () => void;
  /** Starts over from another of the design's initial configurations (an index in `model.initials`). */
  readonly startFrom: (start: number) => void;
  readonly randomRun: (seed: number) => void;
  /** From the start, no fault: deliveries first, then the instances' own steps, until a violation or nothing is left. */
  readonly happyPath: () => void;
  /**
   * Loads a trace (a check's violation) with the cursor at its start, ready to step with Redo;
   * `start` is the initial configuration it begins from (the report's `start`; the first without it).
   */
  readonly loadAtStart: (labels: readonly string[], start?: number) => R.ReplayedV2 | null;
  readonly dismissNotice: () => void;
}

export type SimulationStoreV2 = StoreApi<SimulationStateV2>;

/** Steps a random run takes at most. */
const RUN_LIMIT = 200;

const staleNotice = (r: R.ReplayedV2): string | null => (r.ok ? null : `Step ${r.steps + 1} no longer applies: ${r.stale}.`);

/**
 * Takes chosen steps until `RUN_LIMIT`, no choice, or the first violation (as the explorer
 * expands no violating configuration); a chosen step that violates while computed ends the run on it.
 */
function walk(run: R.RunV2, choose: (steps: readonly R.EnabledV2[]) => R.EnabledV2 | undefined): R.RunV2 {
  for (let i = 0; i < RUN_LIMIT && !R.standingOnRefusedV2(run) && R.currentPointV2(run).violations.length === 0; i++) {
    const step = choose(R.enabledV2(run));
    if (!step) break;
    run = R.takeV2(run, step.label).run;
  }
  return run;
}

export function createSimulationStoreV2(): SimulationStoreV2 {
  return createStore<SimulationStateV2>()((set, get) => {
    const move = (f: (run: R.RunV2) => R.RunV2, extra: Partial<SimulationStateV2> = {}) => {
      const run = get().run;
      if (run) set({ run: f(run), ...extra });
    };
    return {
      run: null,
      runKey: null,
      notice: null,
      open: (model, runKey, sameDocument) => {
        const { run: old, runKey: oldKey } = get();
        if (oldKey === runKey && old) return;
        // The same document keeps its chosen start while the design still has it.
        const fresh = R.startRunV2(model, old && sameDocument ? old.start : 0);
        const labels = old && sameDocument ? R.runLabelsV2(old) : [];
        if (!old || labels.length === 0) {
          set({ run: fresh, runKey, notice: null });
          return;
        }
        const r = R.replayV2(fresh, labels);
        set({ run: R.jumpV2(r.run, Math.min(old.cursor, r.steps)), runKey, notice: staleNotice(r) });
      },
      take: (label) => {
        const run = get().run;
        if (!run) return false;
        const t = R.takeV2(run, label);
        // A step that violates while computed is taken too: the run ends on it.
        const ok = t.ok || t.run !== run;
        set({ run: t.run, notice: ok ? null : `${label} is not enabled here.` });
        return ok;
      },
      undo: () => move(R.undoV2),
      redo: () => move(R.redoV2),
      jump: (row) => move((r) => R.jumpV2(r, row)),
      reset: () => move(R.resetV2, { notice: null }),
      startFrom: (start) => move((r) => R.startRunV2(r.model, start), { notice: null }),
      randomRun: (seed) => {
        const random = mulberry32(seed);
        move((r) => walk(R.resetV2(r), (steps) => steps[Math.floor(random() * steps.length)]), { notice: null });
      },
      happyPath: () => move((r) => walk(R.resetV2(r), (steps) => steps.find((s) => s.step.kind === 'receive') ?? steps.find((s) => s.step.kind === 'event' || s.step.kind === 'restart')), { notice: null }),
      loadAtStart: (labels, start = 0) => {
        const run = get().run;
        if (!run) return null;
        const r = R.replayV2(R.startRunV2(run.model, start), labels);
        set({ run: R.jumpV2(r.run, 0), notice: staleNotice(r) });
        return r;
      },
      dismissNotice: () => set({ notice: null }),
    };
  });
}
