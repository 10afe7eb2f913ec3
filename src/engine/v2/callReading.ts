import { callEventsOf, callNameIndex, callNames, MACHINERY, machineryName, type CallName, type MachineryPart } from '../../model/v2/callNames';
import type { ModelV2, VarV2 } from '../../model/v2/model';
import { formatScalar, type RoleNames } from '../../model/v2/scalarTypes';

/**
 * Calls as the user wrote them (docs/format-v2.md §14), read back from the names their expansion
 * runs under (`src/model/v2/callNames.ts`): what a generated message, event or transition of a
 * model means, for step labels and coverage. Never used by the search itself.
 */
export interface CallReading {
  /** Per message index: the call event whose request or reply it is. */
  readonly messages: ReadonlyMap<number, CallName>;
  /** Per role index and event index (`role:event`): the timer of a call (its retries and timeout) or the callee's ack step. */
  readonly events: ReadonlyMap<string, CallName>;
  /** Per transition index: the engine's own transitions of a call. */
  readonly transitions: ReadonlyMap<number, { readonly event: string; readonly part: MachineryPart }>;
  /** Per call event: the retry policy's attempts. */
  readonly attempts: ReadonlyMap<string, number>;
}

const cache = new WeakMap<ModelV2, CallReading>();

export function callReading(model: ModelV2): CallReading {
  const known = cache.get(model);
  if (known) return known;
  const index = callNameIndex(model.design);
  const messages = new Map<number, CallName>();
  const events = new Map<string, CallName>();
  const transitions = new Map<number, { event: string; part: MachineryPart }>();
  const attempts = new Map<string, number>();
  if (index.size > 0) {
    model.messages.forEach((m, i) => {
      const meaning = index.get(m.name);
      if (meaning && (meaning.what === 'request' || meaning.what === 'reply')) messages.set(i, meaning);
    });
    model.roles.forEach((r, ri) =>
      r.events.forEach((e, ei) => {
        const meaning = index.get(e.name);
        if (meaning && (meaning.what === 'timeout' || meaning.what === 'ack')) events.set(`${ri}:${ei}`, meaning);
      }),
    );
    for (const t of model.transitions) {
      const meaning = index.get(t.name);
      if (meaning?.what === 'machinery') transitions.set(t.index, { event: meaning.event, part: meaning.part });
    }
    for (const { event } of callEventsOf(model.design)) {
      const site = model.design.roles.flatMap((r) => r.transitions).find((t) => t.call?.event === event);
      attempts.set(event, site?.call?.retry?.maxAttempts ?? 1);
    }
  }
  const reading = { messages, events, transitions, attempts };
  cache.set(model, reading);
  return reading;
}

function roleNamesOf(model: ModelV2): RoleNames {
  return { names: model.roles.map((r) => r.name), instances: model.roles.map((r) => r.instances) };
}

/** `outcome(fields)`: `ok(token=1)`, `error`. */
function replyContent(outcome: string, data: readonly [string, string][]): string {
  return data.length ? `${outcome}(${data.map(([k, v]) => `${k}=${v}`).join(', ')})` : outcome;
}

/**
 * A call's message as the user reads it, from its decoded fields: `Acquire #1`, `Acquire(ttl=1) #1`,
 * `reply to Acquire #1: ok(token=1)`; null for a message that is not a call's.
 */
export function callMessageText(model: ModelV2, message: number, fields: readonly [string, string][]): string | null {
  const meaning = callReading(model).messages.get(message);
  if (!meaning) return null;
  const call = fields.find(([k]) => k === 'call')?.[1] ?? '?';
  if (meaning.what === 'request') {
    const args = fields.filter(([k]) => k !== 'call');
    return `${meaning.event}${args.length ? `(${args.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''} #${call}`;
  }
  const outcome = fields.find(([k]) => k === 'outcome')?.[1] ?? '?';
  return `reply to ${meaning.event} #${call}: ${replyContent(outcome, fields.filter(([k]) => k !== 'call' && k !== 'outcome'))}`;
}

/** What a label adds for a request the callee's table answered (a dedupe hit): `` (seen before: answered from the table)``, else ''. */
export function dedupeNote(model: ModelV2, transition: number): string {
  const part = callReading(model).transitions.get(transition)?.part;
  return part === 'dedupeHit' ? ' (seen before: answered from the table)' : part === 'dedupeNoReply' ? ' (seen before: not answered again)' : '';
}

function varOf(model: ModelV2, role: number, name: string): VarV2 | undefined {
  return model.roles[role]!.vars.find((v) => v.name === name);
}

function read(model: ModelV2, pre: Float64Array, instance: number, v: VarV2, key: number): string {
  const inst = model.instances[instance]!;
  const x = pre[inst.base + v.offset + (v.mapOf < 0 ? 0 : key)]!;
  return formatScalar(v.type, x, roleNamesOf(model));
}

/**
 * The label of a call's timer or ack step, or null for an event that is neither:
 * `Client[1] Acquire timed out (retry 2 of 2)`, `Client[1] Acquire timed out (ambiguous)`,
 * `Lock ack Acquire #1 to Client[1]: ok(token=1)`.
 */
export function callEventLabel(model: ModelV2, instance: number, event: number, payload: number, transition: number, pre: Float64Array): string | null {
  const inst = model.instances[instance]!;
  const meaning = callReading(model).events.get(`${inst.role}:${event}`);
  if (!meaning) return null;
  const E = meaning.event;
  const n = callNames(E);
  if (meaning.what === 'timeout') {
    const machinery = callReading(model).transitions.get(transition);
    if (machinery?.part !== 'retry') return `${inst.name} ${E} timed out (ambiguous)`;
    const attempts = varOf(model, inst.role, n.attempts);
    const a = attempts ? Number(read(model, pre, instance, attempts, 0)) : 0;
    return `${inst.name} ${E} timed out (retry ${a + 1} of ${callReading(model).attempts.get(E) ?? a + 1})`;
  }
  // The ack step: its payload is the caller the reply is due to.
  const e = model.roles[inst.role]!.events[event]!;
  const toField = e.payload.fields[0]!;
  const to = toField.values[payload % toField.values.length]!;
  const callerRole = toField.type.kind === 'id' ? toField.type.role : -1;
  const callerName = callerRole >= 0 ? model.instances[model.roles[callerRole]!.first + to]!.name : '?';
  const due = varOf(model, inst.role, n.due);
  const dueCall = varOf(model, inst.role, n.dueCall);
  const prefix = `${n.due}_`;
  const data = model.roles[inst.role]!.vars.filter((v) => v.name.startsWith(prefix) && v.name !== n.dueCall).map((v): [string, string] => [v.name.slice(prefix.length), read(model, pre, instance, v, to)]);
  const outcome = due ? read(model, pre, instance, due, to) : '?';
  const call = dueCall ? read(model, pre, instance, dueCall, to) : '?';
  return `${inst.name} ack ${E} #${call} to ${callerName}: ${replyContent(outcome, data)}`;
}

/** Coverage of a call's machinery at one call site: each engine transition, reached or not, with what that means. */
export interface CallMachineryCoverage {
  readonly site: string;
  readonly event: string;
  readonly machinery: readonly { readonly transition: string; readonly part: MachineryPart; readonly reached: boolean; readonly means: string }[];
}

/**
 * Coverage read as the user wrote the design: the user's own transitions (reached and unreached,
 * document order), and per call site the engine's transitions of the call, reached or not.
 */
export function splitCallCoverage(model: ModelV2, reached: readonly string[], unreached: readonly string[]): { reached: string[]; unreached: string[]; calls: CallMachineryCoverage[] } {
  const machinery = new Map<string, { event: string; part: MachineryPart }>();
  for (const [t, m] of callReading(model).transitions) machinery.set(model.transitions[t]!.name, m);
  if (machinery.size === 0) return { reached: [...reached], unreached: [...unreached], calls: [] };
  const reachedSet = new Set(reached);
  const calls = callEventsOf(model.design).flatMap(({ event, callee, caller }) => {
    if (caller === null) return [];
    const parts = MACHINERY.filter((m) => model.transitions.some((t) => t.name === machineryName(event, callee, m.part))).map((m) => {
      const name = machineryName(event, callee, m.part);
      const hit = reachedSet.has(name);
      return { transition: name, part: m.part, reached: hit, means: (hit ? m.did : m.never).replaceAll('E.', `${event}.`) };
    });
    return [{ site: `${caller} → ${callee}.${event}`, event, machinery: parts }];
  });
  return { reached: reached.filter((t) => !machinery.has(t)), unreached: unreached.filter((t) => !machinery.has(t)), calls };
}
