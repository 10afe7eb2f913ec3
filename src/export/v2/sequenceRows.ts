import { SimulationV2 } from '../../engine/v2/simulator';
import type { StepKindV2, StepRef, ViolationV2 } from '../../engine/v2/stepTypes';
import type { ModelV2 } from '../../model/v2/model';

/**
 * A version-2 run (a check's trace or a simulation's labels) as the rows of a sequence diagram:
 * the one replay and classification of steps that `export --to mermaid`'s `sequence.mmd`
 * (`mermaid.ts`) and the review report's SVG and Mermaid (`review/v2/sequenceSvgV2.ts`) draw.
 * Each label is replayed through the engine from the run's initial configuration, so who sent
 * what to whom comes from the step the label names, never from the label's text.
 */
export interface SequenceRowV2 {
  /** Where the row starts: the sender of a received, lost or duplicated message; else the instance that moved. */
  readonly from: number;
  /** The instance that moved (for a lost or duplicated message, the channel's receiver). */
  readonly to: number;
  readonly label: string;
  readonly kind: StepKindV2;
  /** A fault of the world (a lost or duplicated message, a crash), not a step of the design. */
  readonly fault: boolean;
  readonly step: StepRef;
  /** What the step broke: found as it was computed, then the state invariants of the configuration it produced. */
  readonly violations: readonly ViolationV2[];
}

/** How the replay ended: every label taken, a label not enabled where it stands, or a step that violated as it was computed (the last row; nothing after it is replayed). */
export type SequenceEndV2 = { readonly kind: 'completed' } | { readonly kind: 'not-enabled'; readonly label: string } | { readonly kind: 'violated' };

export interface SequenceV2 {
  /** The state invariants the initial configuration already breaks. */
  readonly initial: readonly ViolationV2[];
  readonly rows: readonly SequenceRowV2[];
  readonly end: SequenceEndV2;
}

/** Replays `labels` on the model as loaded (the check's labels: calls read as calls) from initial configuration `start` (`ViolationReportV2.start`). */
export function sequenceRowsV2(model: ModelV2, labels: Iterable<string>, start = 0): SequenceV2 {
  const sim = new SimulationV2(start === 0 ? model : { ...model, initial: model.initials[start] ?? model.initial });
  const initial = sim.violations();
  const rows: SequenceRowV2[] = [];
  for (const label of labels) {
    const enabled = sim.enabled();
    const i = enabled.findIndex((s) => s.label === label);
    if (i < 0) return { initial, rows, end: { kind: 'not-enabled', label } };
    const { step, violations } = enabled[i]!;
    const taken = sim.take(i);
    rows.push({ ...ends(step), label, kind: step.kind, fault: isFault(step.kind), step, violations: taken ? [...violations, ...sim.violations()] : violations });
    if (!taken) return { initial, rows, end: { kind: 'violated' } };
  }
  return { initial, rows, end: { kind: 'completed' } };
}

function isFault(kind: StepKindV2): boolean {
  return kind === 'drop' || kind === 'duplicate' || kind === 'crash';
}

function ends(step: StepRef): { from: number; to: number } {
  switch (step.kind) {
    case 'receive':
    case 'drop':
    case 'duplicate':
      return { from: step.sender, to: step.instance };
    case 'crash':
    case 'restart':
    case 'event':
      return { from: step.instance, to: step.instance };
  }
}
