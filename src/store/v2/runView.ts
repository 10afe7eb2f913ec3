import { derived } from '../../model/derived';
import { poolSlot, type ModelV2 } from '../../model/v2/model';
import type { StepKindV2, ViolationV2 } from '../../engine/v2/stepTypes';
import { callLines, isGeneratedVar } from '../../engine/v2/callState';
import { messageText, viewConfigurationV2, type ValueView } from '../../engine/v2/view';
import { currentPointV2, enabledV2, standingOnRefusedV2, type RunV2 } from './runValue';

/**
 * What Simulate draws for the row a version-2 run stands on, derived from the run value once per
 * value (`runViewV2`): each instance's memory beside its persisted record, the messages in the
 * network, the budgets, the violations, and the enabled steps with who takes them.
 */

/** Who moves: an instance (its receives, events, restart), the network (drop, duplicate), a fault (crash). */
export type ActorV2 = 'instance' | 'network' | 'fault';

export interface StepChoiceV2 {
  readonly label: string;
  readonly kind: StepKindV2;
  readonly actor: ActorV2;
  /** The instance that moves (for drop/duplicate: the message's receiver), by name. */
  readonly instance: string;
  /** The role and the transition's position in the role's list, or -1. */
  readonly role: number;
  readonly transition: number;
  /** The step violates while it is computed: taking it ends the run. */
  readonly violates: boolean;
}

export interface VarRowV2 {
  readonly name: string;
  readonly value: string;
  readonly storage: 'durable' | 'volatile' | 'ghost';
  /** Differs from the previous row. */
  readonly changed: boolean;
}

export interface InstanceRowV2 {
  readonly name: string;
  readonly role: string;
  readonly up: boolean;
  /** Down for good: its role's crashed instances never restart (`"afterCrash": "stop"`, docs/format-v2.md §7). */
  readonly stopped: boolean;
  readonly state: string;
  /** The vars the user wrote (a call's own vars are read as `calls`). */
  readonly memory: readonly VarRowV2[];
  /** Its calls in words (`Acquire #1 → Lock: waiting for reply (attempt 1 of 2)`), `engine/v2/callState.ts`. */
  readonly calls: readonly CallLineV2[];
  /** What a crash keeps: the last durable state, the durable vars, what of its calls is durable. */
  readonly persisted: { readonly state: string; readonly vars: readonly VarRowV2[]; readonly calls: readonly CallLineV2[] };
}

export interface CallLineV2 {
  readonly text: string;
  /** Not on the previous row. */
  readonly changed: boolean;
}

/** One message in the network: `from`/`to` are instance names; `position` counts from 1 in its channel. */
export interface MessageRowV2 {
  readonly from: number;
  readonly to: number;
  readonly message: number;
  readonly payload: number;
  readonly text: string;
  readonly channel: number;
  readonly position: number;
}

export interface RunViewV2 {
  readonly instances: readonly InstanceRowV2[];
  readonly network: readonly MessageRowV2[];
  readonly networkModel: 'pool' | 'channels';
  readonly budgets: readonly { readonly name: string; readonly used: number; readonly max: number }[];
  /** Every state invariant (the design's, then each role's) and whether this row satisfies it; step invariants show only when violated. */
  readonly invariants: readonly { readonly name: string; readonly scope: string; readonly holds: boolean }[];
  /** Violations of the row (for a refused step: its own). */
  readonly violations: readonly ViolationV2[];
  readonly steps: readonly StepChoiceV2[];
  /** The run ends on a step that violates while computed and stands on it. */
  readonly refused: { readonly row: number; readonly label: string } | null;
}

function text(v: ValueView | Readonly<Record<string, ValueView>>): string {
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}=${String(x)}`).join(', ');
  return String(v);
}

/** Every message in a configuration's network, one entry per copy, channels in order. */
export function networkMessages(model: ModelV2, vec: Float64Array): MessageRowV2[] {
  const net = model.network;
  const out: MessageRowV2[] = [];
  if (net.model === 'pool') {
    for (const m of model.messages) {
      const from = model.roles[m.from]!;
      const to = model.roles[m.to]!;
      for (let s = 0; s < from.instances; s++) {
        for (let d = 0; d < to.instances; d++) {
          for (let p = 0; p < m.payload.count; p++) {
            if (vec[poolSlot(m, s, d, p)] === 1) {
              out.push({ from: from.first + s, to: to.first + d, message: m.index, payload: p, text: messageText(model, m.index, p), channel: -1, position: -1 });
            }
          }
        }
      }
    }
    return out;
  }
  net.channels.forEach((ch, c) => {
    for (let k = 0; k < net.capacity; k++) {
      const code = vec[ch.base + k]!;
      if (code === 0) break;
      const m = model.messages.find((x) => code >= x.code && code < x.code + x.payload.count)!;
      out.push({ from: ch.from, to: ch.to, message: m.index, payload: code - m.code, text: messageText(model, m.index, code - m.code), channel: c, position: k + 1 });
    }
  });
  return out;
}

function actorOf(kind: StepKindV2): ActorV2 {
  if (kind === 'drop' || kind === 'duplicate') return 'network';
  return kind === 'crash' ? 'fault' : 'instance';
}

/** The position of a global transition in its role's list, or -1. */
export function roleTransition(model: ModelV2, transition: number): { role: number; index: number } {
  if (transition < 0) return { role: -1, index: -1 };
  const t = model.transitions[transition]!;
  return { role: t.role, index: model.roles[t.role]!.transitions.indexOf(t) };
}

export const runViewV2: (run: RunV2) => RunViewV2 = derived((run: RunV2) => computeView(run));

function computeView(run: RunV2): RunViewV2 {
  const { model } = run;
  const point = currentPointV2(run);
  const index = run.points.indexOf(point);
  const previous = index > 0 ? viewConfigurationV2(model, run.points[index - 1]!.vector) : null;
  const now = viewConfigurationV2(model, point.vector);
  const instances = model.instances.map((inst, i): InstanceRowV2 => {
    const role = model.roles[inst.role]!;
    const seen = now.instances[i]!;
    const before = previous?.instances[i];
    const memory = role.vars
      .filter((v) => !isGeneratedVar(model, inst.role, v.name))
      .map((v): VarRowV2 => {
        const value = text(seen.vars[v.name]!);
        return { name: v.name, value, storage: v.storage, changed: before !== undefined && text(before.vars[v.name]!) !== value };
      });
    const lines = (persisted: boolean): CallLineV2[] => {
      const earlier = new Set(before ? callLines(model, i, before, persisted) : []);
      return callLines(model, i, seen, persisted).map((line) => ({ text: line, changed: before !== undefined && !earlier.has(line) }));
    };
    const persistedState = role.persistedSlot >= 0 ? role.states[point.vector[inst.base + role.persistedSlot]!]!.name : seen.state;
    return {
      name: inst.name,
      role: role.name,
      up: !seen.recovering,
      stopped: seen.recovering && role.stops,
      state: seen.state,
      memory,
      calls: lines(false),
      persisted: { state: persistedState, vars: memory.filter((v) => v.storage === 'durable'), calls: lines(true) },
    };
  });
  const budgets: { name: string; used: number; max: number }[] = [];
  if (model.crashes > 0) budgets.push({ name: 'crashes', used: now.used.crashes, max: model.crashes });
  // An instance whose role allows it fewer crashes than the design's budget (format-v2.md §7).
  for (const inst of model.instances) {
    const role = model.roles[inst.role]!;
    if (role.crashCountSlot >= 0) budgets.push({ name: `${inst.name} crashes`, used: point.vector[inst.base + role.crashCountSlot]!, max: role.crashes });
  }
  const net = model.network;
  if (net.model === 'channels') {
    if (net.drop > 0) budgets.push({ name: 'drops', used: now.used.drops, max: net.drop });
    if (net.duplicate > 0) budgets.push({ name: 'duplicates', used: now.used.duplicates, max: net.duplicate });
  }
  const refused = standingOnRefusedV2(run);
  const steps = enabledV2(run).map((e): StepChoiceV2 => {
    const at = roleTransition(model, e.step.transition);
    return { label: e.label, kind: e.step.kind, actor: actorOf(e.step.kind), instance: model.instances[e.step.instance]!.name, role: at.role, transition: at.index, violates: e.next === null };
  });
  const violated = new Set(point.violations.filter((v) => v.kind === 'invariant' || v.kind === 'eval-error').map((v) => v.name));
  const invariants = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)]
    .filter((i) => i.kind === 'state')
    .map((i) => ({ name: i.name, scope: i.role < 0 ? 'design' : model.roles[i.role]!.name, holds: !violated.has(i.name) }));
  return {
    instances,
    invariants,
    network: networkMessages(model, point.vector),
    networkModel: net.model,
    budgets,
    violations: refused ? refused.violations : point.violations,
    steps,
    refused: refused ? { row: run.points.length, label: refused.label } : null,
  };
}

const GROUP_ORDER: readonly ActorV2[] = ['instance', 'network', 'fault'];

/** The steps in the order they are shown (instances in role order, then network, then faults): digit keys 1–9 take them in this order. */
export function stepsInOrderV2(view: RunViewV2, instanceOrder: readonly string[]): StepChoiceV2[] {
  const out: StepChoiceV2[] = [];
  for (const actor of GROUP_ORDER) {
    const mine = view.steps.filter((s) => s.actor === actor);
    if (actor === 'instance') for (const name of instanceOrder) out.push(...mine.filter((s) => s.instance === name));
    else out.push(...mine);
  }
  return out;
}
