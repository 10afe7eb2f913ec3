import type { CheckLimits, CheckProgress, CheckResult } from '../engine/result';
import type { ValidatedDesign } from '../model/handoff';

/** The messages between the page and the explorer worker: plain, structured-clone friendly data. */
export type ToWorker =
  | { readonly type: 'start'; readonly design: ValidatedDesign; readonly limits: CheckLimits }
  | { readonly type: 'cancel' };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: CheckProgress }
  | { readonly type: 'result'; readonly result: CheckResult }
  /** The worker failed (a bug: the design it received was already validated). */
  | { readonly type: 'error'; readonly error: string };
