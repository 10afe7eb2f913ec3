import type { Model } from '../model/model';
import type {
  Budgets,
  CachedReply,
  ClientRequest,
  Configuration,
  FirstOutcome,
  Mode,
  ReplyMessage,
} from './configuration';
import { compareReplies } from './configuration';

/**
 * A mutable copy of a configuration while a step computes it. Arrays are copied once up front
 * (they are a handful of small numbers), so the step code can write freely and `freeze` hands
 * back an ordinary `Configuration`.
 */
export interface Draft {
  mode: Mode;
  state: number;
  vars: number[];
  persistedState: number;
  persistedVars: number[];
  persistedDedupe: (CachedReply | null)[];
  dedupe: (CachedReply | null)[];
  toMachine: number[];
  toClient: ReplyMessage[];
  clients: ClientRequest[];
  firstOutcome: FirstOutcome[];
  budgets: { drops: number; duplicates: number; crashes: number };
}

export function draftOf(c: Configuration): Draft {
  return {
    mode: c.mode,
    state: c.state,
    vars: c.vars.slice(),
    persistedState: c.persisted.state,
    persistedVars: c.persisted.vars.slice(),
    persistedDedupe: c.persisted.dedupe.slice(),
    dedupe: c.dedupe.slice(),
    toMachine: c.toMachine.slice(),
    toClient: c.toClient.slice(),
    clients: c.clients.slice(),
    firstOutcome: c.firstOutcome.slice(),
    budgets: { ...c.budgets },
  };
}

export function freeze(d: Draft): Configuration {
  const budgets: Budgets = d.budgets;
  return {
    mode: d.mode,
    state: d.state,
    vars: d.vars,
    persisted: { state: d.persistedState, vars: d.persistedVars, dedupe: d.persistedDedupe },
    dedupe: d.dedupe,
    toMachine: d.toMachine,
    toClient: d.toClient,
    clients: d.clients,
    firstOutcome: d.firstOutcome,
    budgets,
  };
}

/** Adds a request to `toMachine`: at the end of a sequence, or in order in a multiset. */
export function sendToMachine(model: Model, d: Draft, request: number): void {
  if (!model.environment.reorder) {
    d.toMachine.push(request);
    return;
  }
  let i = d.toMachine.length;
  while (i > 0 && d.toMachine[i - 1]! > request) i--;
  d.toMachine.splice(i, 0, request);
}

export function sendToClient(model: Model, d: Draft, message: ReplyMessage): void {
  if (!model.environment.reorder) {
    d.toClient.push(message);
    return;
  }
  let i = d.toClient.length;
  while (i > 0 && compareReplies(d.toClient[i - 1]!, message) > 0) i--;
  d.toClient.splice(i, 0, message);
}

/** §5 "to persist": the state if it is durable, every durable var. Dedupe entries are the caller's. */
export function persist(model: Model, d: Draft): void {
  if (model.states[d.state]!.durable) d.persistedState = d.state;
  for (const v of model.vars) if (v.storage === 'durable') d.persistedVars[v.index] = d.vars[v.index]!;
}
