import { showValue, type Model } from '../model/model';
import { requestLabel, type Configuration, type ReplyMessage } from './configuration';
import { frameOf, guardEnv } from './frame';
import { selectTransition } from './select';
import { makeStep, type Step } from './step';

/**
 * The steps enabled in a configuration (MODEL.md §4), in a fixed order: send, deliver, ack or
 * persist, receive, timeout, fire, restart, drop, duplicate, crash. A step whose computation
 * will violate (an erroring guard) is still enabled. Pure: the same configuration always gives
 * the same list, which lets the explorer name a step by its index in it.
 */
export function enabledSteps(model: Model, config: Configuration): Step[] {
  const steps: Step[] = [];
  const env = model.environment;
  const label = (r: number) => requestLabel(model, config, r);
  const replyLabel = (m: ReplyMessage) => `${label(m.request)} ${m.reply}`;

  const unsent = config.clients.findIndex((c) => c.status === 'unsent');
  if (unsent >= 0) {
    const r = unsent + 1;
    for (const e of model.clientEvents) {
      const event = model.events[e]!;
      event.payloadValues.forEach((values, payloadIndex) => {
        const shown = event.payload.map((f, i) => ` ${f.name}=${String(showValue(f.type, values[i]!))}`).join('');
        steps.push(makeStep({ kind: 'send', request: r, event: e, payloadIndex }, `send ${event.name}#${r}${shown}`));
      });
    }
  }

  const mode = config.mode;
  if (mode.kind === 'up') {
    for (const r of env.reorder ? distinct(config.toMachine) : config.toMachine.slice(0, 1)) {
      steps.push(makeStep({ kind: 'deliver', request: r }, `deliver ${label(r)}`));
    }
  } else if (mode.kind === 'busy') {
    steps.push(makeStep({ kind: mode.phase, request: mode.request }, `${mode.phase} ${label(mode.request)}`));
  }

  for (const m of env.reorder ? distinctReplies(config.toClient) : config.toClient.slice(0, 1)) {
    steps.push(makeStep({ kind: 'receive', request: m.request, reply: m.reply }, `receive ${replyLabel(m)}`));
  }

  config.clients.forEach((c, i) => {
    if (c.status !== 'pending') return;
    const max = model.events[c.event]!.maxAttempts;
    const retry = c.attempts < max;
    const what = retry ? `retry ${c.attempts + 1} of ${max}` : 'gives up: ambiguous';
    steps.push(makeStep({ kind: 'timeout', request: i + 1, retry }, `timeout ${label(i + 1)} (${what})`));
  });

  if (mode.kind === 'up' && model.firedEvents.length > 0) {
    const genv = guardEnv(frameOf(model, config, false));
    for (const e of model.firedEvents) {
      if (selectTransition(model.candidates[config.state]![e]!, genv).kind !== 'none') {
        steps.push(makeStep({ kind: 'fire', event: e }, `fire ${model.events[e]!.name}`));
      }
    }
  }
  if (mode.kind === 'recovering') steps.push(makeStep({ kind: 'restart' }, 'restart'));

  const budgets = config.budgets;
  if (budgets.drops < env.drop) {
    for (const { position, count } of dropChoices(config.toMachine, (a, b) => a === b, env.reorder)) {
      const r = config.toMachine[position]!;
      steps.push(makeStep({ kind: 'drop', channel: 'toMachine', position, request: r }, `drop ${label(r)}${at(position, count)}`));
    }
    for (const { position, count } of dropChoices(config.toClient, sameMessage, env.reorder)) {
      const m = config.toClient[position]!;
      steps.push(
        makeStep({ kind: 'drop', channel: 'toClient', position, request: m.request, reply: m.reply }, `drop reply ${replyLabel(m)}${at(position, count)}`),
      );
    }
  }
  if (budgets.duplicates < env.duplicate) {
    for (const r of distinct(config.toMachine)) {
      steps.push(makeStep({ kind: 'duplicate', channel: 'toMachine', request: r }, `duplicate ${label(r)}`));
    }
    for (const m of distinctReplies(config.toClient)) {
      steps.push(makeStep({ kind: 'duplicate', channel: 'toClient', request: m.request, reply: m.reply }, `duplicate reply ${replyLabel(m)}`));
    }
  }
  if (budgets.crashes < env.crashes && mode.kind !== 'recovering') steps.push(makeStep({ kind: 'crash' }, 'crash'));
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
