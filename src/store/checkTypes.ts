/**
 * The Check mode's view of an exploration: the result of MODEL.md §7 and the worker's progress.
 * Kept structural so the store accepts what the worker client delivers without importing the engine.
 */

export type Verdict = 'ok' | 'violation' | 'incomplete';

export interface TraceStepView {
  /** The step label, e.g. `deliver Charge#1`. */
  readonly label: string;
}

export interface ViolationView {
  readonly kind: string;
  readonly name: string;
  readonly depth: number;
  readonly trace: readonly TraceStepView[];
  readonly detail?: string;
}

export interface CheckResultView {
  readonly verdict: Verdict;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly violations: readonly ViolationView[];
  readonly coverage: {
    readonly states: { readonly reached: readonly string[]; readonly unreached: readonly string[] };
    readonly transitions: { readonly reached: readonly string[]; readonly unreached: readonly string[] };
  };
  readonly outcomes: { readonly ok: number; readonly error: number; readonly ambiguous: number };
  /** Why the search stopped early, when incomplete (e.g. `cancelled`, `max states`). */
  readonly reason?: string;
}

export interface CheckProgressView {
  readonly states: number;
  readonly depth: number;
  readonly statesPerSecond: number;
  readonly elapsedMs: number;
}

export interface CheckLimits {
  readonly maxStates: number;
  readonly maxSeconds: number;
}

export const DEFAULT_LIMITS: CheckLimits = { maxStates: 2_000_000, maxSeconds: 60 };

/** A running check: progress arrives throttled; `result` settles once, also after `cancel()`. */
export interface CheckHandle {
  readonly subscribe: (onProgress: (p: CheckProgressView) => void) => () => void;
  readonly result: Promise<CheckResultView>;
  readonly cancel: () => void;
}

export type CheckRunner = (designText: string, limits: CheckLimits) => CheckHandle;
