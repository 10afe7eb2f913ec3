import type { EvalEnv, EvalFrame, Model } from '../model/model';
import type { Configuration } from './configuration';

/**
 * Builds what an expression reads (model.ts `EvalFrame`) from a configuration. The observable
 * counts (`sent.E`, …) cost a pass over the clients, so callers ask for them only when an
 * expression reads them (`CompiledExpr.readsObservables`).
 */

const NO_PAYLOAD: readonly number[] = [];

export function frameOf(model: Model, config: Configuration, observables: boolean): EvalFrame {
  const crashes = config.budgets.crashes;
  if (!observables) return { state: config.state, vars: config.vars, sent: ZERO, acked: ZERO, failed: ZERO, ambiguous: ZERO, crashes };
  const n = model.events.length;
  const sent = new Array<number>(n).fill(0);
  const acked = new Array<number>(n).fill(0);
  const failed = new Array<number>(n).fill(0);
  const ambiguous = new Array<number>(n).fill(0);
  for (const c of config.clients) {
    if (c.status === 'unsent') continue;
    sent[c.event]! += 1;
    if (c.status === 'ok') acked[c.event]! += 1;
    else if (c.status === 'error') failed[c.event]! += 1;
    else if (c.status === 'ambiguous') ambiguous[c.event]! += 1;
  }
  return { state: config.state, vars: config.vars, sent, acked, failed, ambiguous, crashes };
}

/** Stands for the counts when no expression of the check reads them; never written. */
const ZERO: ArrayLike<number> = Object.freeze([]);

/** The environment of a guard or update: bare names only, `event.F` from the payload. */
export function guardEnv(frame: EvalFrame, payload: readonly number[] = NO_PAYLOAD): EvalEnv {
  return { pre: frame, post: null, payload };
}
