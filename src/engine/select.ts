import { EvaluationError, type EvalEnv, type TransitionModel } from '../model/model';

/**
 * Picks the first transition whose guard is true, evaluating guards in document order and only
 * while every earlier one was false (§6: an error in a later guard is no violation once an
 * earlier guard is true).
 */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'taken'; readonly transition: TransitionModel }
  | { readonly kind: 'error'; readonly transition: TransitionModel; readonly message: string };

const NONE: Selection = { kind: 'none' };

export function selectTransition(candidates: readonly TransitionModel[], env: EvalEnv): Selection {
  for (const t of candidates) {
    if (t.guard === null) return { kind: 'taken', transition: t };
    try {
      if (t.guard.evaluate(env) !== 0) return { kind: 'taken', transition: t };
    } catch (error) {
      return { kind: 'error', transition: t, message: evaluationMessage(error, t.guard.text) };
    }
  }
  return NONE;
}

/** Describes an `EvaluationError` (division by zero, a result beyond ±2^53); other errors are bugs. */
export function evaluationMessage(error: unknown, text: string): string {
  if (error instanceof EvaluationError) return `${error.message} in \`${text}\` (column ${error.column})`;
  throw error;
}
