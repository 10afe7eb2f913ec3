import { showValue, type Model } from '../model/model';
import { requestLabel, type CachedReply, type ClientStatus, type Configuration } from './configuration';

/**
 * A configuration with every index decoded to names and values, for traces, the CLI and the UI.
 * Plain JSON.
 */
export interface ConfigurationView {
  /** `up`, `busy(Charge#1, ack, ok)` or `recovering`. */
  readonly mode: string;
  readonly state: string;
  readonly vars: Readonly<Record<string, string | number | boolean>>;
  readonly persisted: {
    readonly state: string;
    readonly vars: Readonly<Record<string, string | number | boolean>>;
    readonly dedupe: Readonly<Record<string, CachedReply>>;
  };
  readonly dedupe: Readonly<Record<string, CachedReply>>;
  /** e.g. `Charge#1`. */
  readonly toMachine: readonly string[];
  /** e.g. `Charge#1 ok`. */
  readonly toClient: readonly string[];
  readonly clients: readonly ClientView[];
  readonly budgets: { readonly drops: number; readonly duplicates: number; readonly crashes: number };
}

export interface ClientView {
  readonly request: string;
  readonly status: ClientStatus;
  readonly attempts: number;
  readonly payload: Readonly<Record<string, string | number | boolean>>;
  /** How the machine first processed it (replay check), `none` before. */
  readonly firstOutcome: string;
}

export function modeText(model: Model, config: Configuration): string {
  const m = config.mode;
  return m.kind === 'busy' ? `busy(${requestLabel(model, config, m.request)}, ${m.phase}, ${m.reply})` : m.kind;
}

export function viewConfiguration(model: Model, config: Configuration): ConfigurationView {
  const label = (r: number) => requestLabel(model, config, r);
  const vars: Record<string, string | number | boolean> = {};
  const pvars: Record<string, string | number | boolean> = {};
  for (const v of model.vars) {
    vars[v.name] = showValue(v.type, config.vars[v.index]!);
    if (v.storage === 'durable') pvars[v.name] = showValue(v.type, config.persisted.vars[v.index]!);
  }
  const table = (t: readonly (CachedReply | null)[]) => {
    const out: Record<string, CachedReply> = {};
    t.forEach((e, i) => {
      if (e !== null) out[label(i + 1)] = e;
    });
    return out;
  };
  return {
    mode: modeText(model, config),
    state: model.states[config.state]!.name,
    vars,
    persisted: { state: model.states[config.persisted.state]!.name, vars: pvars, dedupe: table(config.persisted.dedupe) },
    dedupe: table(config.dedupe),
    toMachine: config.toMachine.map(label),
    toClient: config.toClient.map((m) => `${label(m.request)} ${m.reply}`),
    clients: config.clients.map((c, i) => {
      const payload: Record<string, string | number | boolean> = {};
      if (c.event >= 0) model.events[c.event]!.payload.forEach((f, k) => (payload[f.name] = showValue(f.type, c.payload[k]!)));
      return { request: label(i + 1), status: c.status, attempts: c.attempts, payload, firstOutcome: config.firstOutcome[i]! };
    }),
    budgets: { ...config.budgets },
  };
}
