/**
 * A broken check of MODEL.md §6, as data. `step` violations are found while a step is computed
 * (out-of-range, eval-error in a guard or update, replay) and produce no configuration;
 * the others are found in a configuration or across the step that produced it.
 */

export type ViolationKind = 'invariant' | 'out-of-range' | 'eval-error' | 'replay' | 'deadlock';

export interface Violation {
  readonly kind: ViolationKind;
  /** Invariant, var, transition (`id` or `#k`), event or state name, per §6. */
  readonly name: string;
  /** What went wrong, one sentence. */
  readonly detail: string;
  readonly step: boolean;
}
