import type { Model, TransitionModel } from '../model/model';
import type { CachedReply, Configuration, FirstOutcome, RequestId } from './configuration';
import { requestLabel } from './configuration';
import { persist, sendToClient, type Draft } from './draft';
import { frameOf, guardEnv } from './frame';
import { selectTransition } from './select';
import { evaluateUpdates, showVar } from './updates';
import type { Violation } from './violation';

/** What processing one delivered request did (MODEL.md §5). */
export interface DeliverResult {
  readonly violations: Violation[];
  /** The transition selected (guard true, every earlier false), even when the step then violated. */
  readonly transition: TransitionModel | null;
  readonly describe: () => string;
  /** Set when the machine answered at once without taking a transition: from a dedupe table, or by rejecting. */
  readonly answered?: Answered;
}

export type Answered = 'dedupe hit' | 'rejected';

/**
 * Processes `deliver r` on a draft whose `toMachine` already lost that copy of r: dedupe,
 * transition choice, the ack mode's first half, and the replay check.
 */
export function processDeliver(model: Model, before: Configuration, d: Draft, r: RequestId): DeliverResult {
  const client = before.clients[r - 1]!;
  const event = model.events[client.event]!;
  const label = requestLabel(model, before, r);

  if (event.idempotency !== 'none') {
    const table = event.idempotency === 'durable' ? before.persisted.dedupe : before.dedupe;
    const cached = table[r - 1];
    if (cached !== null && cached !== undefined) {
      if (cached !== 'noreply') sendToClient(model, d, { request: r, reply: cached });
      const answer = cached === 'noreply' ? 'no reply' : `cached reply ${cached}`;
      return { violations: [], transition: null, answered: 'dedupe hit', describe: () => `${label} is a ${event.idempotency} dedupe hit: ${answer}` };
    }
  }

  const env = guardEnv(frameOf(model, before, false), client.payload);
  const selection = selectTransition(model.candidates[before.state]![client.event]!, env);
  if (selection.kind === 'error') {
    const t = selection.transition;
    return {
      violations: [{ kind: 'eval-error', name: t.name, detail: `guard of ${t.name}: ${selection.message}`, step: true }],
      transition: null,
      describe: () => `${label}: the guard of ${t.name} fails to evaluate`,
    };
  }
  const replayOn = model.environment.replay;
  const first = before.firstOutcome[r - 1]!;

  if (selection.kind === 'none') {
    const outcome: FirstOutcome = event.unhandled === 'reject' ? 'error' : 'noreply';
    if (outcome === 'error') sendToClient(model, d, { request: r, reply: 'error' });
    const violations: Violation[] = [];
    if (replayOn && first !== 'none' && first !== outcome) {
      violations.push(replayViolation(event.name, label, first, `ends with ${outcome}`));
    }
    if (replayOn && first === 'none') d.firstOutcome[r - 1] = outcome;
    const what = outcome === 'error' ? 'rejected (error)' : 'ignored (no reply)';
    return {
      violations,
      transition: null,
      ...(outcome === 'error' ? { answered: 'rejected' as const } : {}),
      describe: () => `${label} is ${what}: no transition from ${model.states[before.state]!.name}`,
    };
  }

  const t = selection.transition;
  const outcome: CachedReply = t.ack === 'none' ? 'noreply' : t.reply;
  const updates = evaluateUpdates(model, t, before.vars, env);
  const violations: Violation[] = updates.ok ? [] : updates.violations.slice();
  if (replayOn && first !== 'none') {
    const changes: string[] = [];
    if (t.to !== before.state) changes.push(`state ${model.states[before.state]!.name} → ${model.states[t.to]!.name}`);
    if (updates.vars !== null) {
      updates.vars.forEach((v, i) => {
        if (v !== before.vars[i]) changes.push(`${model.vars[i]!.name} ${showVar(model, i, before.vars[i]!)} → ${v}`);
      });
    }
    if (outcome !== first) changes.push(`ends with ${outcome}`);
    if (changes.length > 0) violations.push(replayViolation(event.name, label, first, changes.join(', ')));
  }
  if (violations.length > 0 || !updates.ok) {
    return { violations, transition: t, describe: () => `${label} processed by ${t.name}: the step violates` };
  }
  if (replayOn && first === 'none') d.firstOutcome[r - 1] = outcome;

  d.state = t.to;
  d.vars = updates.vars;
  const to = `${model.states[before.state]!.name} → ${model.states[t.to]!.name}`;
  switch (t.ack) {
    case 'durable':
      persist(model, d);
      recordDedupe(d, event.idempotency, r, t.reply);
      d.mode = { kind: 'busy', request: r, phase: 'ack', reply: t.reply };
      return { violations, transition: t, describe: () => `${label} processed by ${t.name} (${to}), persisted; the ${t.reply} reply waits for ack` };
    case 'best-effort':
      if (event.idempotency === 'volatile') d.dedupe[r - 1] = t.reply;
      sendToClient(model, d, { request: r, reply: t.reply });
      d.mode = { kind: 'busy', request: r, phase: 'persist', reply: t.reply };
      return { violations, transition: t, describe: () => `${label} processed by ${t.name} (${to}), replied ${t.reply} before persisting` };
    case 'none':
      persist(model, d);
      recordDedupe(d, event.idempotency, r, 'noreply');
      return { violations, transition: t, describe: () => `${label} processed by ${t.name} (${to}), persisted; no reply` };
  }
}

function recordDedupe(d: Draft, idempotency: string, r: RequestId, reply: CachedReply): void {
  if (idempotency === 'durable') d.persistedDedupe[r - 1] = reply;
  else if (idempotency === 'volatile') d.dedupe[r - 1] = reply;
}

function replayViolation(event: string, label: string, first: FirstOutcome, what: string): Violation {
  return { kind: 'replay', name: event, detail: `${label} was first processed with outcome ${first}; processing it again: ${what}`, step: true };
}
