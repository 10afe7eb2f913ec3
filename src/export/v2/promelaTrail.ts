import type { TraceStepV2, ViolationReportV2 } from '../../engine/v2/result';
import { SimulationV2 } from '../../engine/v2/simulator';
import type { StepRef, ViolationV2 } from '../../engine/v2/stepTypes';
import { viewConfigurationV2 } from '../../engine/v2/view';
import type { ModelV2 } from '../../model/v2/model';
import { BOOT_OPTION, type PromelaStepV2 } from './promela';

/**
 * Spin's counterexample for a version-2 design, replayed through the engine: each `@S option …`
 * line names an option of the exported model (`PromelaStepV2`), matched to the one step the
 * engine enables with the same kind, instance, and message/event, payload, sender or position.
 * The trace shown is the engine's own (labels, configurations, violation details); a trail the
 * engine does not follow to a violation is a disagreement, reported as such.
 */
export type TrailReplayV2 =
  | { readonly ok: true; readonly depth: number; readonly violations: readonly ViolationReportV2[] }
  | { readonly ok: false; readonly message: string };

function matches(step: StepRef, want: PromelaStepV2): boolean {
  if (step.kind !== want.kind || step.instance !== want.instance) return false;
  switch (want.kind) {
    case 'receive':
      // Pool: message kind, sender and payload; channels: sender and position.
      return want.position < 0 ? step.what === want.what && step.payload === want.payload && step.sender === want.sender : step.sender === want.sender && step.position === want.position;
    case 'event':
      return step.what === want.what && step.payload === want.payload;
    case 'drop':
    case 'duplicate':
      return step.sender === want.sender && step.position === want.position;
    default:
      return true;
  }
}

export function replayTrailV2(model: ModelV2, table: readonly PromelaStepV2[], fullTrail: readonly (readonly number[])[]): TrailReplayV2 {
  // With several initial configurations the trail opens with boot's choice (\`@S BOOT_OPTION k\`).
  const chosen = fullTrail[0]?.[0] === BOOT_OPTION ? fullTrail[0][1]! : null;
  const trail = chosen === null ? fullTrail : fullTrail.slice(1);
  if (chosen !== null && model.initials[chosen] === undefined) return { ok: false, message: `Spin's trail starts from initial configuration ${chosen}, which the design does not have` };
  if (chosen === null && model.initials.length > 1) return { ok: false, message: "Spin's trail does not say which initial configuration it starts from" };
  const start = chosen ?? 0;
  // The simulator starts at \`model.initial\`: given the chosen configuration there, it starts where Spin's boot did.
  const sim = new SimulationV2(start === 0 ? model : { ...model, initial: model.initials[start]! });
  const trace: TraceStepV2[] = [];
  const initial = sim.violations();
  const from = model.initials.length > 1 ? { initial: viewConfigurationV2(model, model.initials[start]!), start } : null;
  const reports = (found: readonly ViolationV2[], depth: number, steps: readonly TraceStepV2[]) => reportsFrom(found, depth, steps, from);
  if (trail.length === 0 && initial.length > 0) return { ok: true, depth: 0, violations: reports(initial, 0, []) };
  for (let i = 0; i < trail.length; i++) {
    const want = table[trail[i]![0]!];
    if (!want) return { ok: false, message: `Spin's trail names option ${trail[i]![0]}, which the model does not have` };
    const enabled = sim.enabled();
    const k = enabled.findIndex((s) => matches(s.step, want));
    if (k < 0) return { ok: false, message: `step ${i + 1} of Spin's trail (${want.kind} of ${model.instances[want.instance]?.name ?? '?'}) is not enabled in the engine after ${sim.taken.join(', ') || 'the start'}` };
    const step = enabled[k]!;
    const last = i === trail.length - 1;
    if (step.next === null) {
      if (!last) return { ok: false, message: `step ${i + 1} of Spin's trail violates in the engine, but the trail goes on` };
      trace.push({ label: step.label, configuration: viewConfigurationV2(model, sim.current) });
      return { ok: true, depth: i + 1, violations: reports(step.violations, i + 1, trace) };
    }
    sim.take(k);
    trace.push({ label: step.label, configuration: viewConfigurationV2(model, sim.current) });
    const found = [...step.violations, ...sim.violations()];
    if (found.length > 0) {
      if (!last) return { ok: false, message: `the engine finds a violation at step ${i + 1}, where Spin's trail goes on` };
      return { ok: true, depth: i + 1, violations: reports(found, i + 1, trace) };
    }
  }
  return { ok: false, message: `Spin's trail of ${trail.length} steps ends without a violation in the engine` };
}

function reportsFrom(found: readonly ViolationV2[], depth: number, trace: readonly TraceStepV2[], from: Pick<ViolationReportV2, 'initial' | 'start'> | null): ViolationReportV2[] {
  const seen = new Set<string>();
  const out: ViolationReportV2[] = [];
  for (const v of found) {
    const key = `${v.kind} ${v.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = trace.map((s, i) => (i === trace.length - 1 ? { ...s, violation: v.detail } : s));
    out.push({ kind: v.kind, name: v.name, depth, detail: v.detail, trace: steps, ...from });
  }
  return out;
}
