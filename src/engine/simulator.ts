import type { Model } from '../model/model';
import type { StepOutcome } from './apply';
import type { Configuration } from './configuration';
import { enabledSteps } from './enabled';
import * as R from './run';
import type { Step } from './step';
import { simulatorView, type SimulatorView } from './simulatorView';
import type { TraceFile } from './traceFile';

/**
 * A mutable handle on a `Run` (`run.ts`) for scripts and tests: every move is the pure move of
 * `run.ts` applied to the value it holds, so the rules live there only. The app's store holds
 * the `Run` value itself.
 */
export type HistoryPoint = R.RunPoint;
export type Refusal = R.Refused;
export { mulberry32 } from './run';

export type TakeResult = { readonly ok: true; readonly outcome: StepOutcome } | { readonly ok: false; readonly reason: string; readonly outcome?: StepOutcome };
export type ReplayResult = { readonly ok: true; readonly steps: number } | { readonly ok: false; readonly steps: number; readonly stale: string; readonly reason: string };

export interface Simulator {
  readonly model: Model;
  run(): R.Run;
  current(): SimulatorView;
  configuration(): Configuration;
  enabled(): Step[];
  /** Takes an enabled step (or its label). A step that violates while computed is refused, and the run ends on it. */
  take(step: Step | string): TakeResult;
  /** The step violation the run stands on (refused by `take`, or chosen last by a run); null elsewhere. */
  refusal(): Refusal | null;
  undo(): boolean;
  redo(): boolean;
  jump(index: number): void;
  /** Index of the current point in `history()` (0: the initial configuration). */
  cursor(): number;
  history(): readonly HistoryPoint[];
  reset(): void;
  replay(labels: readonly string[]): ReplayResult;
  happyPath(maxSteps: number): number;
  randomRun(seed: number, maxSteps: number): number;
  exportTrace(): TraceFile;
  importTrace(text: string): ReplayResult;
}

export function createSimulator(model: Model): Simulator {
  let run = R.startRun(model);
  const move = (next: R.Run): boolean => {
    const moved = next !== run;
    run = next;
    return moved;
  };
  const replayed = (r: R.Replayed): ReplayResult => {
    run = r.run;
    return r.ok ? { ok: true, steps: r.steps } : { ok: false, steps: r.steps, stale: r.stale, reason: r.reason };
  };
  return {
    model,
    run: () => run,
    current: () => {
      const here = R.currentPoint(run);
      const at = Math.min(run.cursor, run.points.length - 1);
      return simulatorView(model, here.configuration, at > 0 ? run.points[at - 1]!.configuration : null, here.violations);
    },
    configuration: () => R.currentPoint(run).configuration,
    enabled: () => enabledSteps(model, R.currentPoint(run).configuration),
    take(step) {
      const t = R.take(run, typeof step === 'string' ? step : step.label);
      run = t.run;
      return t.ok ? { ok: true, outcome: t.outcome } : { ok: false, reason: t.reason, ...(t.outcome ? { outcome: t.outcome } : {}) };
    },
    refusal: () => R.standingOnRefused(run),
    undo: () => move(R.undo(run)),
    redo: () => move(R.redo(run)),
    jump: (index) => void move(R.jump(run, index)),
    cursor: () => Math.min(run.cursor, run.points.length - 1),
    history: () => run.points,
    reset: () => void move(R.reset(run)),
    replay: (labels) => replayed(R.replay(run, labels)),
    happyPath(maxSteps) {
      const r = R.happyPath(run, maxSteps);
      run = r.run;
      return r.taken;
    },
    randomRun(seed, maxSteps) {
      const r = R.randomRun(run, seed, maxSteps);
      run = r.run;
      return r.taken;
    },
    exportTrace: () => R.exportTrace(run),
    importTrace: (text) => replayed(R.importTrace(run, text)),
  };
}
