import { useEffect, useState } from 'react';
import type { CheckResult } from '../../engine/result';
import { startCheck } from '../../worker/checkClient';

export type DesignCheck =
  | { readonly status: 'running'; readonly result: null; readonly error: null }
  | { readonly status: 'done'; readonly result: CheckResult; readonly error: null }
  | { readonly status: 'failed'; readonly result: null; readonly error: string };

/** Bounded like the Check panel's defaults: a review never runs unbounded. */
const LIMITS = { maxStates: 2_000_000, maxSeconds: 60 };

/**
 * The engine's check of a design, run in the explorer's Web Worker for the review (checklist,
 * report, diff). A new text cancels the running check; leaving cancels it too. `null`: no check.
 */
export function useDesignCheck(designText: string | null): DesignCheck | null {
  const [state, setState] = useState<{ text: string; check: DesignCheck } | null>(null);
  useEffect(() => {
    if (designText === null) return;
    const running = startCheck(designText, LIMITS);
    let live = true;
    running.result.then(
      (outcome) => {
        if (!live) return;
        setState({
          text: designText,
          check:
            'error' in outcome
              ? { status: 'failed', result: null, error: outcome.error }
              : { status: 'done', result: outcome, error: null },
        });
      },
      (e: unknown) =>
        live && setState({ text: designText, check: { status: 'failed', result: null, error: String(e) } }),
    );
    return () => {
      live = false;
      running.cancel();
    };
  }, [designText]);
  if (designText === null) return null;
  // A result for another text is stale: the new check is still running.
  return state && state.text === designText ? state.check : { status: 'running', result: null, error: null };
}
