import type { ModelV2 } from '../../model/v2/model';
import { StepRules } from './stepRules';
import { copyStep, type StepRef, type ViolationV2 } from './stepTypes';
import { stepLabel, viewConfigurationV2, type ConfigurationViewV2 } from './view';

/**
 * Step-by-step simulation of a version-2 design with the same `StepRules` the explorer uses:
 * the enabled steps of the current configuration, each with its label and what it produces.
 * A step that violates while it is computed produces nothing: the run ends on it.
 */
export interface EnabledStepV2 {
  readonly label: string;
  readonly step: StepRef;
  /** The configuration it produces, or null when it violated while computed. */
  readonly next: Float64Array | null;
  readonly violations: readonly ViolationV2[];
}

export class SimulationV2 {
  private readonly rules: StepRules;
  private readonly history: Float64Array[];
  /** Labels of the steps taken, in order. */
  readonly taken: string[] = [];

  constructor(private readonly model: ModelV2) {
    this.rules = new StepRules(model);
    this.history = [model.initial.slice()];
  }

  get current(): Float64Array {
    return this.history[this.history.length - 1]!;
  }

  view(): ConfigurationViewV2 {
    return viewConfigurationV2(this.model, this.current);
  }

  /** What the current configuration violates (its state invariants). */
  violations(): readonly ViolationV2[] {
    return this.rules.checkState(this.current);
  }

  enabled(): EnabledStepV2[] {
    const pre = this.current;
    const out: EnabledStepV2[] = [];
    this.rules.forEachStep(pre, (step, next, violations) => {
      out.push({ label: stepLabel(this.model, step, pre), step: copyStep(step), next: next === null ? null : next.slice(), violations: [...violations] });
    });
    return out;
  }

  /** Takes the enabled step at `index`; false (nothing changes) when it produced no configuration. */
  take(index: number): boolean {
    const step = this.enabled()[index];
    if (!step || step.next === null) return false;
    this.history.push(step.next);
    this.taken.push(step.label);
    return true;
  }

  undo(): boolean {
    if (this.history.length === 1) return false;
    this.history.pop();
    this.taken.pop();
    return true;
  }
}
