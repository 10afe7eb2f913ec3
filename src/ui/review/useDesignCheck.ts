import { useEffect, useState } from 'react';
import type { CheckResult } from '../../engine/result';
import { handoff } from '../../model/handoff';
import type { Model } from '../../model/model';
import { startCheck } from '../../worker/checkClient';

export type DesignCheck<R = CheckResult> =
  | { readonly status: 'running'; readonly result: null; readonly error: null }
  | { readonly status: 'done'; readonly result: R; readonly error: null }
  | { readonly status: 'failed'; readonly result: null; readonly error: string };

/** Bounded like the Check panel's defaults: a review never runs unbounded (both formats). */
export const REVIEW_LIMITS = { maxStates: 2_000_000, maxSeconds: 60 };

/**
 * The engine's check of a loaded design, run in the explorer's Web Worker for the review
 * (checklist, report, diff). A design of another identity cancels the running check; leaving
 * cancels it too. `null`: no check.
 */
export function useDesignCheck(model: Model | null): DesignCheck | null {
  const validated = model ? handoff(model) : null;
  const identity = validated?.identity ?? null;
  const [state, setState] = useState<{ identity: string; check: DesignCheck } | null>(null);
  useEffect(() => {
    if (validated === null) return;
    const running = startCheck(validated, REVIEW_LIMITS);
    let live = true;
    void running.result.then((outcome) => {
      if (!live) return;
      const check: DesignCheck =
        outcome.kind === 'result'
          ? { status: 'done', result: outcome.result, error: null }
          : { status: 'failed', result: null, error: outcome.kind === 'failed' ? outcome.error : 'the check was cancelled' };
      setState({ identity: validated.identity, check });
    });
    return () => {
      live = false;
      running.cancel();
    };
    // Keyed on the identity: an edit that changes no behaviour (a silence, a position) keeps the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [identity]);
  if (identity === null) return null;
  // A result for another design is stale: the new check is still running.
  return state && state.identity === identity ? state.check : { status: 'running', result: null, error: null };
}
