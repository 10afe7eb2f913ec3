import type { Model } from '../model/model';
import { applyStep, type StepOutcome } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import type { Step } from './step';
import { fromOtherDesign, parseTraceFile, traceFile, type TraceFile } from './traceFile';
import type { Violation } from './violation';

/**
 * A simulated run as one immutable value: the points reached, the cursor, and the step the run
 * ended on when that step violates while it is computed. Every move is a pure function from a
 * run to a run (`take`, `undo`, `redo`, `jump`, `reset`, `replay`, `happyPath`, `randomRun`,
 * `importTrace`), so a store holds the value and nothing copied out of it. Everything goes through
 * `enabledSteps` and `applyStep`; time is a step, never a timer.
 */
export interface Run {
  readonly model: Model;
  /** `points[0]` is the initial configuration. */
  readonly points: readonly RunPoint[];
  /**
   * The row the run stands on: a point's index, or `points.length` when it stands on `refused`.
   * Taking a step behind the end forks (the later rows are dropped).
   */
  readonly cursor: number;
  /**
   * A step that violates while computed (out-of-range, eval-error, replay: MODEL.md §6). It
   * produces no configuration, so it is the run's last row, after the last point, shown on the
   * configuration it started from with its own violations; nothing can be taken after it.
   */
  readonly refused: Refused | null;
}

export interface RunPoint {
  /** null for the initial point. */
  readonly step: Step | null;
  readonly outcome: StepOutcome | null;
  readonly configuration: Configuration;
  /** Violations of the step that led here and of this configuration. */
  readonly violations: readonly Violation[];
}

export interface Refused {
  readonly step: Step;
  /** `next` is null; `violations` are the step's own. */
  readonly outcome: StepOutcome;
}

export type Taken =
  | { readonly ok: true; readonly run: Run; readonly outcome: StepOutcome }
  /** `outcome` when the step was enabled but violates while computed: `run` then ends on it. */
  | { readonly ok: false; readonly run: Run; readonly reason: string; readonly outcome?: StepOutcome };

export type Replayed =
  /** `warning`: every step applied, but something deserves a word (the design changed since). */
  | { readonly ok: true; readonly run: Run; readonly steps: number; readonly warning?: string }
  | { readonly ok: false; readonly run: Run; readonly steps: number; readonly stale: string; readonly reason: string };

export function startRun(model: Model): Run {
  const start = initialConfiguration(model);
  return { model, points: [{ step: null, outcome: null, configuration: start, violations: checkConfiguration(model, start) }], cursor: 0, refused: null };
}

/** How many rows follow the initial point: the steps taken, the refused one included. */
export function runLength(run: Run): number {
  return run.points.length - 1 + (run.refused ? 1 : 0);
}

/** The point the run stands on, or for a refused step the point it started from. */
export function currentPoint(run: Run): RunPoint {
  return run.points[Math.min(run.cursor, run.points.length - 1)]!;
}

/** The refused step when the run stands on it. */
export function standingOnRefused(run: Run): Refused | null {
  return run.cursor === run.points.length ? run.refused : null;
}

/** Takes an enabled step (by label) from the current point; behind the end this forks. */
export function take(run: Run, label: string): Taken {
  if (standingOnRefused(run)) return { ok: false, run, reason: 'the run ended on a step that violates: step back first' };
  const here = currentPoint(run);
  const step = enabledSteps(run.model, here.configuration).find((s) => s.label === label);
  if (!step) return { ok: false, run, reason: `\`${label}\` is not enabled here` };
  const outcome = applyStep(run.model, here.configuration, step);
  const kept = run.points.slice(0, run.cursor + 1);
  if (outcome.next === null) {
    const reason = outcome.violations.map((v) => `${v.kind} ${v.name}: ${v.detail}`).join('; ') || outcome.description;
    if (outcome.violations.length === 0) return { ok: false, run, reason, outcome };
    return { ok: false, run: { ...run, points: kept, cursor: kept.length, refused: { step, outcome } }, reason, outcome };
  }
  const points = [...kept, { step, outcome, configuration: outcome.next, violations: outcome.violations }];
  return { ok: true, run: { ...run, points, cursor: points.length - 1, refused: null }, outcome };
}

export function jump(run: Run, row: number): Run {
  const cursor = Math.max(0, Math.min(runLength(run), Math.floor(row)));
  return cursor === run.cursor ? run : { ...run, cursor };
}

export const undo = (run: Run): Run => jump(run, run.cursor - 1);
export const redo = (run: Run): Run => jump(run, run.cursor + 1);

export function reset(run: Run): Run {
  return { ...run, points: run.points.slice(0, 1), cursor: 0, refused: null };
}

/**
 * Replays labels from the initial configuration; stops at the first one no longer enabled. A
 * trace whose last step violates while computed (as the explorer reports one) ends on that step.
 */
export function replay(run: Run, labels: readonly string[]): Replayed {
  let r = reset(run);
  for (let i = 0; i < labels.length; i++) {
    const t = take(r, labels[i]!);
    // A step the design refuses while computing it ends the run on it: the labels after it are stale.
    const refused = !t.ok && t.outcome !== undefined && standingOnRefused(t.run) !== null;
    if (!t.ok && !(refused && i === labels.length - 1)) {
      return { ok: false, run: refused ? t.run : r, steps: i, stale: labels[i]!, reason: t.reason };
    }
    r = t.run;
  }
  return { ok: true, run: r, steps: labels.length };
}

// The happy path finishes work in flight before starting more.
const HAPPY_ORDER: Record<Step['kind'], number> = {
  ack: 0, persist: 0, deliver: 1, receive: 2, restart: 3, fire: 4, send: 5, timeout: 9, drop: 9, duplicate: 9, crash: 9,
};

/**
 * Takes chosen steps from the current point until `maxSteps`, no choice, or the first violation,
 * as the explorer expands no violating configuration: on a point that violates, or on a chosen
 * step that violates while computed (the run then ends on it). `taken` counts the points added.
 */
function walk(run: Run, maxSteps: number, choose: (steps: Step[]) => Step | undefined): { run: Run; taken: number } {
  let r = run, taken = 0;
  while (taken < maxSteps && !standingOnRefused(r) && currentPoint(r).violations.length === 0) {
    const step = choose(enabledSteps(r.model, currentPoint(r).configuration));
    if (!step) break;
    const t = take(r, step.label);
    r = t.run;
    if (!t.ok) break;
    taken++;
  }
  return { run: r, taken };
}

/** Up to `maxSteps` steps with no fault and no timeout, by a fixed preference (ack/persist, deliver, receive, restart, fire, send). */
export function happyPath(run: Run, maxSteps: number): { run: Run; taken: number } {
  return walk(run, maxSteps, (steps) => steps.filter((s) => HAPPY_ORDER[s.kind] < 9).sort((a, b) => HAPPY_ORDER[a.kind] - HAPPY_ORDER[b.kind])[0]);
}

/** Up to `maxSteps` steps chosen by mulberry32 from `seed` (same seed, same run). */
export function randomRun(run: Run, seed: number, maxSteps: number): { run: Run; taken: number } {
  const random = mulberry32(seed);
  return walk(run, maxSteps, (steps) => steps[Math.floor(random() * steps.length)]);
}

/** The trace file of the run up to the row it stands on. */
export function exportTrace(run: Run): TraceFile {
  const labels = run.points.slice(1, run.cursor + 1).map((p) => p.step!.label);
  const refused = standingOnRefused(run);
  return traceFile(run.model, refused ? [...labels, refused.step.label] : labels);
}

/** Replays a trace file; warns when it was saved from another version of the design. */
export function importTrace(run: Run, text: string): Replayed {
  const parsed = parseTraceFile(text);
  if (!parsed.ok) return { ok: false, run, steps: 0, stale: '(the file)', reason: parsed.message };
  const r = replay(run, parsed.trace.steps);
  if (!r.ok || !fromOtherDesign(parsed.trace, run.model)) return r;
  return { ...r, warning: `The trace was saved from another version of the design; all ${r.steps} steps still apply.` };
}

/** A small seeded PRNG (mulberry32): deterministic runs from a seed, in every JavaScript engine. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
