import type { CheckLimits, CheckProgress, CheckResult } from '../engine/result';
import type { CheckResultV2 } from '../engine/v2/result';
import type { ValidatedDesign } from '../model/handoff';
import type { DesignV2 } from '../model/v2/schema';

/** The messages between the page and the explorer worker: plain, structured-clone friendly data. */
export type ToWorker<D = ValidatedDesign> =
  | { readonly type: 'start'; readonly design: D; readonly limits: CheckLimits }
  | { readonly type: 'cancel' };

export type FromWorker<R = CheckResult> =
  | { readonly type: 'progress'; readonly progress: CheckProgress }
  | { readonly type: 'result'; readonly result: R }
  /** The worker failed (a bug: the design it received was already validated). */
  | { readonly type: 'error'; readonly error: string };

/**
 * A version-2 design the page has loaded and validated, as plain data: the v2 worker loads it
 * again (`loadDesignValueV2`), and every result it sends back can be matched to `identity`.
 */
export interface ValidatedDesignV2 {
  readonly design: DesignV2;
  readonly identity: string;
}

export type ToWorkerV2 = ToWorker<ValidatedDesignV2>;
export type FromWorkerV2 = FromWorker<CheckResultV2>;
