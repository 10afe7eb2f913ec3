import type { InvariantModel, Model, TransitionModel } from '../model/model';
import { RECOVERING, UP, requestLabel, sameReply, type Configuration } from './configuration';
import { checkConfiguration, checkStep } from './checks';
import { processDeliver, type Answered } from './deliver';
import { draftOf, freeze, persist, sendToClient, sendToMachine, type Draft } from './draft';
import { frameOf, guardEnv } from './frame';
import { selectTransition } from './select';
import type { StepAction } from './step';
import { evaluateUpdates } from './updates';
import type { Violation } from './violation';

/** What one step did. */
export interface StepOutcome {
  /** The configuration produced, or null when the step violated while it was computed (§6). */
  readonly next: Configuration | null;
  /** Step violations, then violations across the step, then (unless asked not to) of `next`. */
  readonly violations: readonly Violation[];
  /** Index of the transition the step selected (guard true, earlier ones false), even if it then violated. */
  readonly transition: number | null;
  /** One sentence saying what happened. */
  readonly description: string;
  /** A delivery the machine answered at once: from a dedupe table, or by rejecting it (MODEL.md §5). */
  readonly answered?: Answered;
}

export interface ApplyOptions {
  /** Check `next` itself (state invariants, deadlock). The explorer does that once per stored configuration. */
  readonly checkConfiguration?: boolean;
}

/**
 * Applies an enabled step (MODEL.md §4, §5) and runs the checks of §6. Pure: `config` is not
 * changed. A step that is not enabled gives `next: null` and no violation.
 */
export function applyStep(model: Model, config: Configuration, step: StepAction, options: ApplyOptions = {}): StepOutcome {
  const raw = applyAction(model, config, step, options);
  const out = { next: raw.next, violations: raw.violations, transition: raw.transition, description: raw.describe() };
  return raw.answered ? { ...out, answered: raw.answered } : out;
}

/** `applyStep` with the description left unbuilt: the explorer's entry. */
export interface RawOutcome {
  readonly next: Configuration | null;
  readonly violations: Violation[];
  readonly transition: number | null;
  readonly describe: () => string;
  readonly answered?: Answered;
}

export function applyAction(model: Model, config: Configuration, step: StepAction, options: ApplyOptions = {}): RawOutcome {
  const d = draftOf(config);
  const done = compute(model, config, d, step);
  const transition = done.transition?.index ?? null;
  if (done.notEnabled || done.violations.some((v) => v.step)) {
    return { next: null, violations: done.violations, transition, describe: done.describe, answered: done.answered };
  }
  const next = freeze(d);
  const taken = done.transition?.invariants ?? NO_INVARIANTS;
  const across = checkStep(model, config, next, taken, done.payload);
  const violations = done.violations.length === 0 ? across : done.violations.concat(across);
  if (options.checkConfiguration ?? true) violations.push(...checkConfiguration(model, next));
  return { next, violations, transition, describe: done.describe, answered: done.answered };
}

const NO_INVARIANTS: readonly InvariantModel[] = [];

interface Computed {
  violations: Violation[];
  transition: TransitionModel | null;
  payload: readonly number[];
  /** Built only when asked: the explorer never reads descriptions, and strings are its main cost. */
  describe: () => string;
  notEnabled?: boolean;
  answered?: Answered;
}

const NO_PAYLOAD: readonly number[] = [];

function compute(model: Model, c: Configuration, d: Draft, step: StepAction): Computed {
  const label = (r: number) => requestLabel(model, c, r);
  const plain = (describe: () => string): Computed => ({ violations: [], transition: null, payload: NO_PAYLOAD, describe });
  switch (step.kind) {
    case 'send': {
      const event = model.events[step.event]!;
      const payload = event.payloadValues[step.payloadIndex]!;
      d.clients[step.request - 1] = { status: 'pending', event: step.event, payload, attempts: 1 };
      sendToMachine(model, d, step.request);
      return plain(() => `the client sends ${event.name}#${step.request}`);
    }
    case 'deliver': {
      const i = d.toMachine.indexOf(step.request);
      d.toMachine.splice(i, 1);
      const r = processDeliver(model, c, d, step.request);
      const payload = c.clients[step.request - 1]!.payload;
      return { violations: r.violations, transition: r.transition, payload, describe: r.describe, answered: r.answered };
    }
    case 'ack': {
      if (c.mode.kind !== 'busy') return notEnabled();
      const reply = c.mode.reply;
      sendToClient(model, d, { request: step.request, reply });
      d.mode = UP;
      return plain(() => `the machine acknowledges ${label(step.request)} with ${reply}`);
    }
    case 'persist': {
      if (c.mode.kind !== 'busy') return notEnabled();
      persist(model, d);
      const event = model.events[c.clients[step.request - 1]!.event]!;
      if (event.idempotency === 'durable') d.persistedDedupe[step.request - 1] = c.mode.reply;
      d.mode = UP;
      return plain(() => `the machine persists the effect of ${label(step.request)}`);
    }
    case 'receive': {
      const i = d.toClient.findIndex((m) => sameReply(m, step));
      d.toClient.splice(i, 1);
      const client = c.clients[step.request - 1]!;
      if (client.status !== 'pending') return plain(() => `the client ignores a late ${step.reply} for ${label(step.request)} (${client.status})`);
      d.clients[step.request - 1] = { ...client, status: step.reply };
      return plain(() => `the client receives ${step.reply} for ${label(step.request)}`);
    }
    case 'drop': {
      const channel = step.channel === 'toMachine' ? d.toMachine : d.toClient;
      channel.splice(step.position, 1);
      d.budgets.drops += 1;
      return plain(() => `the network loses ${step.channel === 'toMachine' ? label(step.request) : `the ${step.reply} reply to ${label(step.request)}`}`);
    }
    case 'duplicate': {
      if (step.channel === 'toMachine') sendToMachine(model, d, step.request);
      else sendToClient(model, d, { request: step.request, reply: step.reply! });
      d.budgets.duplicates += 1;
      return plain(() => `the network duplicates ${step.channel === 'toMachine' ? label(step.request) : `the ${step.reply} reply to ${label(step.request)}`}`);
    }
    case 'timeout': {
      const client = c.clients[step.request - 1]!;
      if (step.retry) {
        d.clients[step.request - 1] = { ...client, attempts: client.attempts + 1 };
        sendToMachine(model, d, step.request);
        return plain(() => `the client times out and retries ${label(step.request)} (attempt ${client.attempts + 1})`);
      }
      d.clients[step.request - 1] = { ...client, status: 'ambiguous' };
      return plain(() => `the client gives up on ${label(step.request)}: the outcome is ambiguous`);
    }
    case 'fire':
      return take(model, c, d, model.candidates[c.state]![step.event]!, `fire ${model.events[step.event]!.name}`);
    case 'restart': {
      d.mode = UP;
      return take(model, c, d, model.restarts[c.state]!, 'restart');
    }
    case 'crash': {
      d.mode = RECOVERING;
      d.state = c.persisted.state;
      for (const v of model.vars) {
        if (v.storage === 'durable') d.vars[v.index] = c.persisted.vars[v.index]!;
        else if (v.storage === 'volatile') d.vars[v.index] = v.initial;
      }
      d.dedupe.fill(null);
      d.budgets.crashes += 1;
      return plain(() => `the machine crashes and comes back in ${model.states[c.persisted.state]!.name} from its persisted record`);
    }
  }
}

/** `fire` and `restart`: the first transition with a true guard, applied, entered and persisted at once. */
function take(model: Model, c: Configuration, d: Draft, candidates: readonly TransitionModel[], what: string): Computed {
  const env = guardEnv(frameOf(model, c, false));
  const selection = selectTransition(candidates, env);
  if (selection.kind === 'error') {
    const t = selection.transition;
    return { violations: [{ kind: 'eval-error', name: t.name, detail: `guard of ${t.name}: ${selection.message}`, step: true }], transition: null, payload: NO_PAYLOAD, describe: () => `${what}: the guard of ${t.name} fails to evaluate` };
  }
  if (selection.kind === 'none') {
    if (what === 'restart') return { violations: [], transition: null, payload: NO_PAYLOAD, describe: () => 'the machine restarts; no recovery transition applies' };
    return notEnabled();
  }
  const t = selection.transition;
  const updates = evaluateUpdates(model, t, c.vars, env);
  if (!updates.ok) return { violations: updates.violations, transition: t, payload: NO_PAYLOAD, describe: () => `${what} takes ${t.name}: the step violates` };
  d.state = t.to;
  d.vars = updates.vars;
  persist(model, d);
  const move = `${model.states[c.state]!.name} → ${model.states[t.to]!.name}`;
  return { violations: [], transition: t, payload: NO_PAYLOAD, describe: () => `${what} takes ${t.name} (${move}), persisted` };
}

function notEnabled(): Computed {
  return { violations: [], transition: null, payload: NO_PAYLOAD, describe: () => 'the step is not enabled', notEnabled: true };
}
