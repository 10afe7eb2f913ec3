import { derived } from '../../model/derived';
import type { ModelV2 } from '../../model/v2/model';
import { StepRules } from '../../engine/v2/stepRules';
import { copyStep, type StepRef, type ViolationV2 } from '../../engine/v2/stepTypes';
import { stepLabel } from '../../engine/v2/view';

/**
 * A simulated run of a version-2 design as one immutable value, as version 1's `src/engine/run.ts`:
 * the points reached, the cursor, and the step the run ended on when that step violates while it
 * is computed. Every move (`takeV2`, `jumpV2`, `undoV2`, `redoV2`, `resetV2`, `replayV2`) is a pure
 * function from a run to a run; everything goes through the engine's one `StepRules`.
 */
export interface RunV2 {
  readonly model: ModelV2;
  /** Which of the design's initial configurations the run starts from (an index in `model.initials`; 0 when it has one). */
  readonly start: number;
  /** `points[0]` is that initial configuration. */
  readonly points: readonly RunPointV2[];
  /** A point's index, or `points.length` when the run stands on `refused`. Taking a step behind the end forks. */
  readonly cursor: number;
  readonly refused: RefusedV2 | null;
}

export interface RunPointV2 {
  /** null for the initial point. */
  readonly step: StepRef | null;
  readonly label: string | null;
  readonly vector: Float64Array;
  /** Violations of the step that led here and of this configuration. */
  readonly violations: readonly ViolationV2[];
}

/** A step that produced no configuration: the run's last row, shown on the point it started from. */
export interface RefusedV2 {
  readonly step: StepRef;
  readonly label: string;
  readonly violations: readonly ViolationV2[];
}

export interface EnabledV2 {
  readonly label: string;
  readonly step: StepRef;
  /** The configuration it produces, or null when it violates while computed. */
  readonly next: Float64Array | null;
  readonly violations: readonly ViolationV2[];
}

export type ReplayedV2 =
  | { readonly ok: true; readonly run: RunV2; readonly steps: number }
  | { readonly ok: false; readonly run: RunV2; readonly steps: number; readonly stale: string };

// The rules keep scratch buffers: one instance per model, used by one call at a time.
const rules = derived((model: ModelV2) => new StepRules(model));

/** A run at the start of initial configuration `start` (format-v2.md §8); out of range, the first. */
export function startRunV2(model: ModelV2, start = 0): RunV2 {
  const from = Number.isInteger(start) && start >= 0 && start < model.initials.length ? start : 0;
  const vector = model.initials[from]!.slice();
  return { model, start: from, points: [{ step: null, label: null, vector, violations: rules(model).checkState(vector) }], cursor: 0, refused: null };
}

export function runLengthV2(run: RunV2): number {
  return run.points.length - 1 + (run.refused ? 1 : 0);
}

/** The point the run stands on, or for a refused step the point it started from. */
export function currentPointV2(run: RunV2): RunPointV2 {
  return run.points[Math.min(run.cursor, run.points.length - 1)]!;
}

export function standingOnRefusedV2(run: RunV2): RefusedV2 | null {
  return run.cursor === run.points.length ? run.refused : null;
}

const enabledOf = new WeakMap<RunPointV2, EnabledV2[]>();
/** The enabled steps of a point, in the engine's order (computed once per point). */
export function enabledAt(model: ModelV2, point: RunPointV2): readonly EnabledV2[] {
  let out = enabledOf.get(point);
  if (!out) {
    const list: EnabledV2[] = [];
    const pre = point.vector;
    rules(model).forEachStep(pre, (step, next, violations) => {
      list.push({ label: stepLabel(model, step, pre), step: copyStep(step), next: next === null ? null : next.slice(), violations: [...violations] });
    });
    out = list;
    enabledOf.set(point, out);
  }
  return out;
}

/** The steps the person can take where the run stands (none on a refused step). */
export function enabledV2(run: RunV2): readonly EnabledV2[] {
  return standingOnRefusedV2(run) ? [] : enabledAt(run.model, currentPointV2(run));
}

export type TakenV2 = { readonly ok: true; readonly run: RunV2 } | { readonly ok: false; readonly run: RunV2; readonly reason: string };

/** Takes an enabled step by label; behind the end this forks. A step that violates while computed ends the run on it. */
export function takeV2(run: RunV2, label: string): TakenV2 {
  if (standingOnRefusedV2(run)) return { ok: false, run, reason: 'the run ended on a step that violates: step back first' };
  const chosen = enabledV2(run).find((s) => s.label === label);
  if (!chosen) return { ok: false, run, reason: `\`${label}\` is not enabled here` };
  const kept = run.points.slice(0, run.cursor + 1);
  if (chosen.next === null) {
    return { ok: false, run: { ...run, points: kept, cursor: kept.length, refused: { step: chosen.step, label, violations: chosen.violations } }, reason: chosen.violations.map((v) => v.detail).join('; ') };
  }
  const violations = [...chosen.violations, ...rules(run.model).checkState(chosen.next)];
  const points = [...kept, { step: chosen.step, label, vector: chosen.next, violations }];
  return { ok: true, run: { ...run, points, cursor: points.length - 1, refused: null } };
}

export function jumpV2(run: RunV2, row: number): RunV2 {
  const cursor = Math.max(0, Math.min(runLengthV2(run), Math.floor(row)));
  return cursor === run.cursor ? run : { ...run, cursor };
}

export const undoV2 = (run: RunV2): RunV2 => jumpV2(run, run.cursor - 1);
export const redoV2 = (run: RunV2): RunV2 => jumpV2(run, run.cursor + 1);

export function resetV2(run: RunV2): RunV2 {
  return { ...run, points: run.points.slice(0, 1), cursor: 0, refused: null };
}

/** Labels of the run's rows (the refused step included), for replaying it on another design. */
export function runLabelsV2(run: RunV2): string[] {
  const labels = run.points.slice(1).map((p) => p.label!);
  return run.refused ? [...labels, run.refused.label] : labels;
}

/** Replays labels from the initial configuration; stops at the first one not enabled. A last step that violates while computed ends the run. */
export function replayV2(run: RunV2, labels: readonly string[]): ReplayedV2 {
  let r = resetV2(run);
  for (let i = 0; i < labels.length; i++) {
    const t = takeV2(r, labels[i]!);
    if (!t.ok && !(i === labels.length - 1 && standingOnRefusedV2(t.run))) return { ok: false, run: r, steps: i, stale: labels[i]! };
    r = t.run;
  }
  return { ok: true, run: r, steps: labels.length };
}

/** The step that led to the row the run stands on (the refused one when standing on it). */
export function lastStepV2(run: RunV2): StepRef | null {
  return standingOnRefusedV2(run)?.step ?? currentPointV2(run).step;
}
