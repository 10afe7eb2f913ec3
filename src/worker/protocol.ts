import type { CheckProgress, CheckResult } from '../engine/result';
import type { DesignError } from '../model/model';

/** The messages between the page and the explorer worker: plain, structured-clone friendly data. */
export interface CheckLimits {
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly maxBytes?: number;
}

export type ToWorker =
  | { readonly type: 'start'; readonly designText: string; readonly limits: CheckLimits }
  | { readonly type: 'cancel' };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: CheckProgress }
  | { readonly type: 'result'; readonly result: CheckResult }
  | { readonly type: 'error'; readonly error: string; readonly errors?: readonly DesignError[] };
