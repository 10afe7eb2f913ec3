import { showValue, type Model } from '../model/model';
import { requestLabel, type CachedReply, type ClientStatus, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import { frameOf } from './frame';
import { evaluationMessage } from './select';
import type { Actor, Step } from './step';
import type { Violation } from './violation';
import { modeText } from './view';

/** What the simulator's panels draw for one point of the history. Plain data. */
export interface SimulatorView {
  readonly mode: 'up' | 'busy' | 'recovering';
  /** e.g. `busy(Charge#1, ack, ok)`. */
  readonly modeText: string;
  readonly state: string;
  readonly vars: readonly VarRow[];
  readonly persisted: {
    readonly state: string;
    readonly vars: readonly { readonly name: string; readonly value: string; readonly differs: boolean }[];
    readonly dedupe: readonly DedupeRow[];
  };
  readonly dedupe: readonly DedupeRow[];
  readonly toMachine: readonly string[];
  readonly toClient: readonly string[];
  readonly clients: readonly ClientRow[];
  readonly invariants: readonly InvariantRow[];
  /** Violations of the step that led here and of this configuration. */
  readonly violations: readonly Violation[];
  readonly steps: readonly Step[];
  readonly stepsByActor: Readonly<Record<Actor, readonly Step[]>>;
  readonly budgets: readonly { readonly name: 'drops' | 'duplicates' | 'crashes'; readonly used: number; readonly max: number }[];
}

export interface VarRow {
  readonly name: string;
  readonly value: string;
  readonly changed: boolean;
  readonly storage: 'durable' | 'volatile' | 'ghost';
}

export interface DedupeRow {
  readonly request: string;
  readonly reply: CachedReply;
}

export interface ClientRow {
  readonly request: number;
  readonly label: string;
  readonly status: ClientStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly payload: string;
}

export interface InvariantRow {
  readonly name: string;
  readonly kind: 'state' | 'step';
  /** State invariants: true/false/'error'. Step invariants: their value across the step that led here (true before any step). */
  readonly value: boolean | 'error';
  readonly detail?: string;
}

export function simulatorView(model: Model, config: Configuration, previous: Configuration | null, violations: readonly Violation[]): SimulatorView {
  const label = (r: number) => requestLabel(model, config, r);
  const table = (t: readonly (CachedReply | null)[]): DedupeRow[] =>
    t.flatMap((reply, i) => (reply === null ? [] : [{ request: label(i + 1), reply }]));
  const steps = enabledSteps(model, config);
  const byActor: Record<Actor, Step[]> = { client: [], network: [], machine: [], fault: [] };
  for (const s of steps) byActor[s.actor].push(s);
  const env = model.environment;
  return {
    mode: config.mode.kind,
    modeText: modeText(model, config),
    state: model.states[config.state]!.name,
    vars: model.vars.map((v) => ({
      name: v.name,
      value: String(showValue(v.type, config.vars[v.index]!)),
      changed: previous !== null && previous.vars[v.index] !== config.vars[v.index],
      storage: v.storage,
    })),
    persisted: {
      state: model.states[config.persisted.state]!.name,
      vars: model.vars
        .filter((v) => v.storage === 'durable')
        .map((v) => ({ name: v.name, value: String(showValue(v.type, config.persisted.vars[v.index]!)), differs: config.persisted.vars[v.index] !== config.vars[v.index] })),
      dedupe: table(config.persisted.dedupe),
    },
    dedupe: table(config.dedupe),
    toMachine: config.toMachine.map(label),
    toClient: config.toClient.map((m) => `${label(m.request)} ${m.reply}`),
    clients: config.clients.map((c, i) => ({
      request: i + 1,
      label: label(i + 1),
      status: c.status,
      attempts: c.attempts,
      maxAttempts: c.event >= 0 ? model.events[c.event]!.maxAttempts : 0,
      payload: c.event >= 0 ? model.events[c.event]!.payload.map((f, k) => `${f.name}=${String(showValue(f.type, c.payload[k]!))}`).join(' ') : '',
    })),
    invariants: invariantRows(model, config, violations),
    violations,
    steps,
    stepsByActor: byActor,
    budgets: [
      { name: 'drops', used: config.budgets.drops, max: env.drop },
      { name: 'duplicates', used: config.budgets.duplicates, max: env.duplicate },
      { name: 'crashes', used: config.budgets.crashes, max: env.crashes },
    ],
  };
}

function invariantRows(model: Model, config: Configuration, violations: readonly Violation[]): InvariantRow[] {
  const env = { pre: frameOf(model, config, true), post: null, payload: [] };
  return model.invariants.map((inv): InvariantRow => {
    if (inv.kind === 'step') {
      // Only its own violation: a step violation may carry the same name (a var, event or state).
      const v = violations.find((x) => !x.step && (x.kind === 'invariant' || x.kind === 'eval-error') && x.name === inv.name);
      return v ? { name: inv.name, kind: 'step', value: v.kind === 'eval-error' ? 'error' : false, detail: v.detail } : { name: inv.name, kind: 'step', value: true };
    }
    try {
      return { name: inv.name, kind: 'state', value: inv.expr.evaluate(env) !== 0 };
    } catch (error) {
      return { name: inv.name, kind: 'state', value: 'error', detail: evaluationMessage(error, inv.expr.text) };
    }
  });
}
