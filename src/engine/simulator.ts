import type { Model } from '../model/model';
import { applyStep, type StepOutcome } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import type { Step } from './step';
import { simulatorView, type SimulatorView } from './simulatorView';
import { parseTraceFile, traceFile, type TraceFile } from './traceFile';
import type { Violation } from './violation';

/**
 * An interactive session over one model: a history of steps with a cursor. Taking a step when
 * the cursor is behind the end forks (the old future is dropped). Everything goes through
 * `enabledSteps` and `applyStep`; time is a step, never a timer.
 */
export interface HistoryPoint {
  /** null for the initial point. */
  readonly step: Step | null;
  readonly outcome: StepOutcome | null;
  readonly configuration: Configuration;
  /** Violations of the step that led here and of this configuration. */
  readonly violations: readonly Violation[];
}

/** A step that `take` refused because it violates while computed (MODEL.md §6), with what it would do. */
export interface Refusal {
  readonly step: Step;
  /** `next` is null; `violations` are the step's own. */
  readonly outcome: StepOutcome;
}

export type TakeResult =
  | { readonly ok: true; readonly outcome: StepOutcome }
  | { readonly ok: false; readonly reason: string; readonly outcome?: StepOutcome };

export type ReplayResult =
  | { readonly ok: true; readonly steps: number }
  | { readonly ok: false; readonly steps: number; readonly stale: string; readonly reason: string };

export interface Simulator {
  readonly model: Model;
  current(): SimulatorView;
  configuration(): Configuration;
  enabled(): Step[];
  /** Takes an enabled step (or its label). A step that violates while computed is refused, with its outcome. */
  take(step: Step | string): TakeResult;
  /**
   * The step violation the session stands before: the step the last `take` refused because it
   * violates while computed (also the step a run chose last and ended on); null after any other move.
   */
  refusal(): Refusal | null;
  undo(): boolean;
  redo(): boolean;
  jump(index: number): void;
  /** Index of the current point in `history()` (0: the initial configuration). */
  cursor(): number;
  history(): readonly HistoryPoint[];
  reset(): void;
  /** Replays labels from the initial configuration; stops at the first one no longer enabled. */
  replay(labels: readonly string[]): ReplayResult;
  /**
   * Takes up to `maxSteps` steps with no fault and no timeout, by a fixed preference; returns how
   * many. Like `randomRun`, it ends at the first violation (see there).
   */
  happyPath(maxSteps: number): number;
  /**
   * Takes up to `maxSteps` steps chosen by a seeded PRNG (same seed, same run); returns how many.
   * The run ends at its first violation, as the explorer expands no violating configuration
   * (MODEL.md §6): on the point whose configuration or step invariant is broken, or before a
   * chosen step that violates while computed, which `refusal()` then names.
   */
  randomRun(seed: number, maxSteps: number): number;
  exportTrace(): TraceFile;
  importTrace(text: string): ReplayResult;
}

// The happy path finishes work in flight before starting more.
const HAPPY_ORDER: Record<Step['kind'], number> = {
  ack: 0, persist: 0, deliver: 1, receive: 2, restart: 3, fire: 4, send: 5, timeout: 9, drop: 9, duplicate: 9, crash: 9,
};

export function createSimulator(model: Model): Simulator {
  const start = initialConfiguration(model);
  let points: HistoryPoint[] = [{ step: null, outcome: null, configuration: start, violations: checkConfiguration(model, start) }];
  let at = 0;
  let refused: Refusal | null = null;

  const here = () => points[at]!;

  function take(stepOrLabel: Step | string): TakeResult {
    refused = null;
    const label = typeof stepOrLabel === 'string' ? stepOrLabel : stepOrLabel.label;
    const step = enabledSteps(model, here().configuration).find((s) => s.label === label);
    if (!step) return { ok: false, reason: `\`${label}\` is not enabled here` };
    const outcome = applyStep(model, here().configuration, step);
    if (outcome.next === null) {
      const why = outcome.violations.map((v) => `${v.kind} ${v.name}: ${v.detail}`).join('; ') || outcome.description;
      if (outcome.violations.length > 0) refused = { step, outcome };
      return { ok: false, reason: why, outcome };
    }
    points = points.slice(0, at + 1);
    points.push({ step, outcome, configuration: outcome.next, violations: outcome.violations });
    at = points.length - 1;
    return { ok: true, outcome };
  }

  function reset(): void {
    refused = null;
    points = points.slice(0, 1);
    at = 0;
  }

  function replay(labels: readonly string[]): ReplayResult {
    reset();
    for (let i = 0; i < labels.length; i++) {
      const r = take(labels[i]!);
      if (!r.ok) return { ok: false, steps: i, stale: labels[i]!, reason: r.reason };
    }
    return { ok: true, steps: labels.length };
  }

  /** Takes chosen steps until `maxSteps`, no choice, or the first violation (a refused step leaves `refused` set). */
  function walk(maxSteps: number, choose: (steps: Step[]) => Step | undefined): number {
    refused = null;
    let taken = 0;
    while (taken < maxSteps && here().violations.length === 0) {
      const step = choose(enabledSteps(model, here().configuration));
      if (!step || !take(step).ok) break;
      taken++;
    }
    return taken;
  }

  /** Moves the cursor; the step violation it stood before (if any) no longer applies. */
  function moveTo(index: number): void {
    refused = null;
    at = index;
  }

  return {
    model,
    current: () => simulatorView(model, here().configuration, at > 0 ? points[at - 1]!.configuration : null, here().violations),
    configuration: () => here().configuration,
    enabled: () => enabledSteps(model, here().configuration),
    take,
    refusal: () => refused,
    undo() {
      if (at === 0) return false;
      moveTo(at - 1);
      return true;
    },
    redo() {
      if (at >= points.length - 1) return false;
      moveTo(at + 1);
      return true;
    },
    jump(index) {
      moveTo(Math.max(0, Math.min(points.length - 1, Math.floor(index))));
    },
    cursor: () => at,
    history: () => points,
    reset,
    replay,
    happyPath: (maxSteps) =>
      walk(maxSteps, (steps) =>
        steps.filter((s) => HAPPY_ORDER[s.kind] < 9).sort((a, b) => HAPPY_ORDER[a.kind] - HAPPY_ORDER[b.kind])[0],
      ),
    randomRun(seed, maxSteps) {
      const random = mulberry32(seed);
      return walk(maxSteps, (steps) => steps[Math.floor(random() * steps.length)]);
    },
    exportTrace: () => traceFile(model, points.slice(1, at + 1).map((p) => p.step!.label)),
    importTrace(text) {
      const parsed = parseTraceFile(text);
      if (!parsed.ok) return { ok: false, steps: 0, stale: '', reason: parsed.message };
      return replay(parsed.trace.steps);
    },
  };
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
