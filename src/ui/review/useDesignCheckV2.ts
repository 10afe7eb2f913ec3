import { useEffect, useState } from 'react';
import type { CheckResultV2 } from '../../engine/v2/result';
import { designIdentityV2 } from '../../model/v2/designIdentity';
import type { ModelV2 } from '../../model/v2/model';
import { startCheckV2 } from '../../worker/checkClientV2';
import { REVIEW_LIMITS, type DesignCheck } from './useDesignCheck';

/**
 * The engine's check of a loaded version-2 design for its review (checklist, report), in the
 * version-2 explorer's Web Worker, bounded like version 1's review check. A design of another
 * identity cancels the running check; leaving cancels it too. `null`: no check.
 */
export function useDesignCheckV2(model: ModelV2 | null): DesignCheck<CheckResultV2> | null {
  const design = model?.design ?? null;
  const identity = design ? designIdentityV2(design) : null;
  const [state, setState] = useState<{ identity: string; check: DesignCheck<CheckResultV2> } | null>(null);
  useEffect(() => {
    if (design === null || identity === null) return;
    const running = startCheckV2({ design, identity }, REVIEW_LIMITS);
    let live = true;
    void running.result.then((outcome) => {
      if (!live) return;
      setState({
        identity,
        check:
          outcome.kind === 'result'
            ? { status: 'done', result: outcome.result, error: null }
            : { status: 'failed', result: null, error: outcome.kind === 'failed' ? outcome.error : 'the check was cancelled' },
      });
    });
    return () => {
      live = false;
      running.cancel();
    };
    // Keyed on the identity: an edit that changes no behaviour (a silence, a position) keeps the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [identity]);
  if (identity === null) return null;
  return state && state.identity === identity ? state.check : { status: 'running', result: null, error: null };
}
