import { showValue, type Model } from '../model/model';
import { requestLabel, type Configuration, type ReplyMessage } from './configuration';
import { frameOf, guardEnv } from './frame';
import { selectTransition } from './select';
import { makeStep, type Step, type StepAction } from './step';

/**
 * The steps enabled in a configuration (MODEL.md §4), in a fixed order: send, deliver, ack or
 * persist, receive, timeout, fire, restart, drop, duplicate, crash. A step whose computation
 * will violate (an erroring guard) is still enabled. Pure: the same configuration always gives
 * the same list, which lets the explorer name a step by its index in it.
 */
export function enabledSteps(model: Model, config: Configuration): Step[] {
  return enabledActions(model, config).map((a) => makeStep(a, stepLabel(model, config, a)));
}

/** `enabledSteps` without labels: what the explorer runs, since it names steps by index. */
export function enabledActions(model: Model, config: Configuration): StepAction[] {
  const steps: StepAction[] = [];
  const env = model.environment;

  const unsent = config.clients.findIndex((c) => c.status === 'unsent');
  if (unsent >= 0) {
    const r = unsent + 1;
    for (const e of model.clientEvents) {
      const event = model.events[e]!;
      for (let payloadIndex = 0; payloadIndex < event.payloadValues.length; payloadIndex++) {
        steps.push({ kind: 'send', request: r, event: e, payloadIndex });
      }
    }
  }

  const mode = config.mode;
  if (mode.kind === 'up') {
    for (const r of env.reorder ? distinct(config.toMachine) : config.toMachine.slice(0, 1)) {
      steps.push({ kind: 'deliver', request: r });
    }
  } else if (mode.kind === 'busy') {
    steps.push({ kind: mode.phase, request: mode.request });
  }

  for (const m of env.reorder ? distinctReplies(config.toClient) : config.toClient.slice(0, 1)) {
    steps.push({ kind: 'receive', request: m.request, reply: m.reply });
  }

  config.clients.forEach((c, i) => {
    if (c.status !== 'pending') return;
    const max = model.events[c.event]!.maxAttempts;
    const retry = c.attempts < max;
    steps.push({ kind: 'timeout', request: i + 1, retry });
  });

  if (mode.kind === 'up' && model.firedEvents.length > 0) {
    const genv = guardEnv(frameOf(model, config, false));
    for (const e of model.firedEvents) {
      if (selectTransition(model.candidates[config.state]![e]!, genv).kind !== 'none') {
        steps.push({ kind: 'fire', event: e });
      }
    }
  }
  if (mode.kind === 'recovering') steps.push({ kind: 'restart' });

  const budgets = config.budgets;
  if (budgets.drops < env.drop) {
    for (const { position } of dropChoices(config.toMachine, sameRequest, env.reorder)) {
      const r = config.toMachine[position]!;
      steps.push({ kind: 'drop', channel: 'toMachine', position, request: r });
    }
    for (const { position } of dropChoices(config.toClient, sameMessage, env.reorder)) {
      const m = config.toClient[position]!;
      steps.push({ kind: 'drop', channel: 'toClient', position, request: m.request, reply: m.reply });
    }
  }
  if (budgets.duplicates < env.duplicate) {
    for (const r of distinct(config.toMachine)) {
      steps.push({ kind: 'duplicate', channel: 'toMachine', request: r });
    }
    for (const m of distinctReplies(config.toClient)) {
      steps.push({ kind: 'duplicate', channel: 'toClient', request: m.request, reply: m.reply });
    }
  }
  if (budgets.crashes < env.crashes && mode.kind !== 'recovering') steps.push({ kind: 'crash' });
  return steps;
}

/**
 * Quiescent (§6): no step is enabled but faults. Answers without building the step list, since
 * the explorer asks it of every configuration it stores.
 */
export function isQuiescent(model: Model, config: Configuration): boolean {
  if (config.mode.kind !== 'up') return false;
  if (config.toMachine.length > 0 || config.toClient.length > 0) return false;
  for (const c of config.clients) {
    if (c.status === 'pending') return false;
    if (c.status === 'unsent' && model.clientEvents.length > 0) return false;
  }
  if (model.firedEvents.length === 0) return true;
  const genv = guardEnv(frameOf(model, config, false));
  return model.firedEvents.every((e) => selectTransition(model.candidates[config.state]![e]!, genv).kind === 'none');
}

/** The label of an enabled action in `config`: `send Charge#1 amount=2`, `drop reply Charge#1 ok`, … */
export function stepLabel(model: Model, config: Configuration, a: StepAction): string {
  const label = (r: number) => requestLabel(model, config, r);
  switch (a.kind) {
    case 'send': {
      const event = model.events[a.event]!;
      const values = event.payloadValues[a.payloadIndex]!;
      const shown = event.payload.map((f, i) => ` ${f.name}=${String(showValue(f.type, values[i]!))}`).join('');
      return `send ${event.name}#${a.request}${shown}`;
    }
    case 'deliver':
    case 'ack':
    case 'persist':
      return `${a.kind} ${label(a.request)}`;
    case 'receive':
      return `receive ${label(a.request)} ${a.reply}`;
    case 'timeout': {
      const c = config.clients[a.request - 1]!;
      const max = model.events[c.event]!.maxAttempts;
      return `timeout ${label(a.request)} (${a.retry ? `retry ${c.attempts + 1} of ${max}` : 'gives up: ambiguous'})`;
    }
    case 'fire':
      return `fire ${model.events[a.event]!.name}`;
    case 'restart':
    case 'crash':
      return a.kind;
    case 'drop': {
      const choices =
        a.channel === 'toMachine'
          ? dropChoices(config.toMachine, sameRequest, model.environment.reorder)
          : dropChoices(config.toClient, sameMessage, model.environment.reorder);
      const count = choices.find((c) => c.position === a.position)?.count ?? 1;
      const what = a.channel === 'toMachine' ? label(a.request) : `reply ${label(a.request)} ${a.reply!}`;
      return `drop ${what}${at(a.position, count)}`;
    }
    case 'duplicate':
      return a.channel === 'toMachine' ? `duplicate ${label(a.request)}` : `duplicate reply ${label(a.request)} ${a.reply!}`;
  }
}

function sameRequest(a: number, b: number): boolean {
  return a === b;
}

function sameMessage(a: ReplyMessage, b: ReplyMessage): boolean {
  return a.request === b.request && a.reply === b.reply;
}

function distinct(xs: readonly number[]): number[] {
  return [...new Set(xs)];
}

function distinctReplies(xs: readonly ReplyMessage[]): ReplyMessage[] {
  return xs.filter((m, i) => xs.findIndex((n) => sameMessage(m, n)) === i);
}

/**
 * One drop per distinct channel content it can leave (§4). In a multiset every copy of a message
 * leaves the same content; in a sequence, copies in one run of equal neighbours do. `count` says
 * how many distinct drops the same message has, so labels stay unique.
 */
function dropChoices<T>(channel: readonly T[], same: (a: T, b: T) => boolean, multiset: boolean): { position: number; count: number }[] {
  const choices: { position: number; message: T }[] = [];
  channel.forEach((m, i) => {
    const repeat = multiset ? choices.some((c) => same(c.message, m)) : i > 0 && same(channel[i - 1]!, m);
    if (!repeat) choices.push({ position: i, message: m });
  });
  return choices.map((c) => ({ position: c.position, count: choices.filter((d) => same(d.message, c.message)).length }));
}

function at(position: number, count: number): string {
  return count > 1 ? ` (at ${position + 1})` : '';
}
