import type { DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';
import { callNames, recordNames, servesBestEffort } from './callNames';
import { initialValues, mapLevels, type DesignV2, type EventJsonV2, type FieldJsonV2, type MapKeysJsonV2, type RoleJson, type ScalarTypeJsonV2, type TransitionJsonV2, type VarJsonV2 } from './schema';

/**
 * Calls between participants with version 1's client semantics (docs/format-v2.md §14), written
 * out as the messages, vars, timer events and transitions they stand for, so that version 2's
 * one set of step rules (`src/engine/v2/stepRules.ts`) runs them. What a call means is stated
 * here once, as the design it expands to:
 *
 * - the caller keeps, per call event E: `E_pending`, `E_attempts`, `E_to`, `E_arg_F` (volatile:
 *   a crash forgets the call), `E_call`, the number of its last call (durable: request ids
 *   never repeat, version 1's "lowest unsent id"), and `E_outcome`, how its last call ended
 *   (ghost: what the caller was told, for invariants, as version 1's client statuses);
 * - a call sends message `E` (the payload and `call`, the request id); the timer `E_timeout`
 *   retries it (same id and payload) until `maxAttempts`, then ends it as a timeout, the
 *   ambiguous third outcome; message `E_reply` (outcome, the `returns` data, the id) ends it ok
 *   or error if it answers the pending call, and is ignored otherwise (a late reply);
 * - the callee with `idempotency` keeps per caller instance the last id it processed and its
 *   reply (`E_seen`, `E_answer`, `E_answer_F`, durable or volatile), and answers a request id it
 *   has seen with that reply without taking a transition; `unhandled: reject` answers error;
 * - `"ack": "durable"` (version 1's MODEL.md §5): the effect is persisted in the step that takes
 *   the request, the reply waits in a volatile outbox per caller (`E_due`…) and leaves in a later
 *   step of the callee's internal event `E_ack`, so a crash between loses the reply, not the effect;
 * - `"ack": "best-effort"` (MODEL.md §5): the reply leaves in the step that takes the request, and
 *   the callee keeps an unflushed record (`addRecord`: a flag, shadows of its persisted state and
 *   durable vars, a `flush` step), so a crash before the flush loses the effect the caller was told of;
 * - the replay check (version 1's `replay`): ghost maps `E_first`, `E_first_call` record how each
 *   caller's last request id was first processed, and a transition invariant on each transition
 *   that processes a request says a second processing changes nothing and ends the same way
 *   (`StepRules` reports it as kind `replay`, named by E).
 *
 * Every generated name comes from `callNames(E)` (./callNames.ts), which readers use too.
 */

/** One enum for the reply's outcome, the callee's table and the caller's last outcome ("timeout" is never in a reply). */
const OUTCOMES = ['none', 'ok', 'error', 'timeout'];

/**
 * What the engine's crash rule needs of a role's unflushed record (docs/format-v2.md §7), by var
 * name: the flag, the shadow of the persisted state, each durable var with its shadow. Carried on
 * the expanded design's role (never written by users: the schema has no such key).
 */
export interface UnflushedRecordJson {
  readonly flag: string;
  readonly state: string;
  readonly shadows: readonly (readonly [string, string])[];
}

export type ExpandedRoleJson = RoleJson & { readonly unflushed?: UnflushedRecordJson };

/**
 * The unflushed record of a callee that answers best-effort: a volatile flag raised by each
 * best-effort step, the record on disk while the flag is up (a shadow of the persisted state and
 * of every durable var, the call machinery's included, volatile: the engine's bookkeeping,
 * forgotten in a crash), and the `flush` event whose transition persists (lowers the flag). The
 * engine copies the record into the shadows when the flag rises and restores it in a crash while
 * the flag is up (src/engine/v2/stepRules.ts). A reply of `"ack": "durable"` waits for the flush,
 * so that it never leaves before its effect is durable.
 */
function addRecord(role: Mutable<RoleJson>): { vars: string[]; event: string; transition: string } {
  const rn = recordNames(role.name);
  const durable = (role.vars ?? []).filter((x) => (x.storage ?? 'durable') === 'durable');
  const initial = role.states.find((s) => s.initial)?.name ?? role.states[0]!.name;
  role.vars = [
    ...(role.vars ?? []),
    { name: rn.unflushed, type: 'bool', initial: false, storage: 'volatile', description: 'An effect was answered before it was durable: the record on disk is the shadow until the flush.' },
    { name: rn.state, type: { enum: role.states.map((s) => s.name) }, initial, storage: 'volatile' },
    ...durable.map((x): VarJsonV2 => ({ name: rn.shadow(x.name), type: x.type, initial: initialValues(x.type, x.initial).values[0] as VarJsonV2['initial'], storage: 'volatile' })),
  ];
  role.events = [...(role.events ?? []), { name: rn.flush, source: 'internal', description: 'Persists what was answered before it was durable ("ack": "best-effort").' }];
  role.transitions = [
    ...role.transitions,
    { id: rn.flushed, from: role.states.map((s) => s.name), event: rn.flush, guard: rn.unflushed, updates: { [rn.unflushed]: 'false' } },
  ];
  (role as Mutable<ExpandedRoleJson>).unflushed = { flag: rn.unflushed, state: rn.state, shadows: durable.map((x) => [x.name, rn.shadow(x.name)] as const) };
  return { vars: [rn.unflushed, rn.state, ...durable.map((x) => rn.shadow(x.name))], event: rn.flush, transition: rn.flushed };
}

export function usesCalls(design: DesignV2): boolean {
  return design.roles.some((r) => (r.events ?? []).some((e) => e.source === 'call'));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The design a design with calls stands for, or every error found in its calls. */
export function expandCalls(design: DesignV2): { ok: true; design: DesignV2; back: (errors: readonly DesignError[]) => DesignError[] } | { ok: false; errors: DesignError[] } {
  const errors: DesignError[] = [];
  const err = (path: PathSegment[], message: string): void => {
    errors.push({ path: toPointer(path), code: 'call', message });
  };
  const out = structuredClone(design) as Mutable<DesignV2>;
  const roles = out.roles as Mutable<RoleJson>[];
  const messages = [...(out.messages ?? [])];
  const instancesOf = (ri: number) => roles[ri]!.instances ?? 1;
  const idOf = (ri: number) => (instancesOf(ri) > 1 ? `${roles[ri]!.name}[1]` : roles[ri]!.name);
  // Where an error in the expanded design was written by the user: paths, and guard columns shifted by a prefix.
  const moved = new Map<string, string>();
  // Whole subtrees written elsewhere (a message field is a call event's field): [expanded prefix, written prefix].
  const movedPrefix: [string, string][] = [];
  const shifted = new Map<string, number>();
  const at = (...path: PathSegment[]) => toPointer(path);
  const and = (a: string, g: string | undefined, path?: PathSegment[]) => {
    if (g === undefined) return a;
    if (path) shifted.set(toPointer([...path, 'guard']), a.length + 5);
    return `${a} && (${g})`;
  };
  const allStates = (r: RoleJson) => r.states.map((s) => s.name);

  roles.forEach((callee, si) => {
    (callee.events ?? []).forEach((e, ei) => {
      if (e.source !== 'call') return;
      const E = e.name;
      const n = callNames(E);
      const epath: PathSegment[] = ['roles', si, 'events', ei];
      // Who calls E: exactly one role. In the callee's transitions on E, `sender` is an instance of the caller role (a
      // type of its own, §5), and its table is a map over that role's instances: callers of two roles have no one type.
      const sites: { ri: number; k: number; t: TransitionJsonV2 }[] = [];
      roles.forEach((r, ri) => r.transitions.forEach((t, k) => t.call?.event === E && sites.push({ ri, k, t })));
      const callers = [...new Set(sites.map((s) => s.ri))];
      if (callers.length !== 1) {
        const who = callers.map((c) => roles[c]!.name).join(' and ');
        err(
          epath,
          callers.length === 0
            ? `No transition calls ${E} (a transition's "call": { "event": "${E}" }).`
            : `${E} is called by ${who}; a call event has callers of one role: in ${callee.name}'s transitions on ${E}, "sender" is an instance of the caller role (ids of different roles are different types), and the dedupe table is kept per instance of that role. Declare one call event per caller role (${callers.map((c) => `${E}${roles[c]!.name}`).join(', ')}), served by transitions of their own (docs/format-v2.md §14).`,
        );
        return;
      }
      const ri = callers[0]!;
      const caller = roles[ri]!;
      const attemptsOf = (t: TransitionJsonV2) => t.call?.retry?.maxAttempts ?? 1;
      const maxAttempts = attemptsOf(sites[0]!.t);
      for (const s of sites) {
        const a = attemptsOf(s.t);
        if (a < 1 || a > 5) err(['roles', s.ri, 'transitions', s.k, 'call', 'retry', 'maxAttempts'], `maxAttempts is 1 to 5 (version 1's rule), not ${a}.`);
        else if (a !== maxAttempts) err(['roles', s.ri, 'transitions', s.k, 'call', 'retry'], `Every call of ${E} has the same retry policy for now (${maxAttempts} attempts at the first call).`);
      }
      const calls = e.calls ?? 2;
      if (calls < 1 || calls > 4) err([...epath, 'calls'], `A caller instance makes 1 to 4 calls of ${E} (request ids, as version 1's "requests"), not ${calls}.`);
      if (e.retry !== undefined) err([...epath, 'retry'], 'A call\'s retry policy is given where it is made: "call": { "retry": … }.');
      const payload = e.payload ?? [];
      const returns = e.returns ?? [];
      const idem = e.idempotency ?? 'none';
      const callField: FieldJsonV2 = { name: 'call', type: { int: [1, Math.max(1, calls)] } };
      const outcomeField: FieldJsonV2 = { name: 'outcome', type: { enum: OUTCOMES } };
      for (const f of [...payload, ...returns]) if (f.name === 'call' || f.name === 'outcome') err(epath, `"${f.name}" names the request id or the outcome in ${E}'s messages; call the field something else.`);
      const reply = n.reply;
      // The messages' fields are the call event's: an error in one (a reserved name, a bad type) is shown there.
      payload.forEach((_, j) => movedPrefix.push([at('messages', messages.length, 'payload', j), at(...epath, 'payload', j)]));
      returns.forEach((_, j) => movedPrefix.push([at('messages', messages.length + 1, 'payload', j + 1), at(...epath, 'returns', j)]));
      messages.push({ name: E, from: caller.name, to: callee.name, payload: [...payload, callField] });
      messages.push({ name: reply, from: callee.name, to: caller.name, payload: [outcomeField, ...returns, callField] });

      // The caller's record of its call.
      const v = (name: string, type: VarJsonV2['type'], initial: VarJsonV2['initial'], storage: VarJsonV2['storage']): VarJsonV2 => ({ name, type, initial, storage });
      const literalOf = (type: ScalarTypeJsonV2): string => (type === 'bool' ? 'false' : 'int' in type ? String(type.int[0]) : 'enum' in type ? `"${type.enum[0]!}"` : String(first(type)));
      const first = (type: ScalarTypeJsonV2): VarJsonV2['initial'] => (type === 'bool' ? false : 'int' in type ? type.int[0] : 'enum' in type ? type.enum[0]! : instancesOf(roles.findIndex((r) => r.name === type.id)) > 1 ? `${type.id}[1]` : type.id);
      caller.vars = [
        ...(caller.vars ?? []),
        v(`${n.pending}`, 'bool', false, 'volatile'),
        v(`${n.call}`, { int: [0, Math.max(1, calls)] }, 0, 'durable'),
        v(`${n.attempts}`, { int: [0, Math.max(1, maxAttempts)] }, 0, 'volatile'),
        v(`${n.to}`, { id: callee.name }, idOf(si), 'volatile'),
        v(`${n.outcome}`, { enum: OUTCOMES }, 'none', 'ghost'),
        ...payload.map((f) => v(`${n.arg(f.name)}`, f.type, first(f.type), 'volatile')),
      ];
      caller.events = [...(caller.events ?? []), { name: `${n.timeout}`, source: 'timer', description: `The caller gives up waiting for ${E}'s reply: a retry, or the timeout outcome.` }];
      const args = (from: (f: FieldJsonV2) => string) => Object.fromEntries(payload.map((f) => [f.name, from(f)]));

      for (const s of sites) {
        const t = s.t;
        const call = t.call!;
        const to = call.to ?? (instancesOf(si) > 1 ? undefined : callee.name);
        if (to === undefined) err(['roles', s.ri, 'transitions', s.k, 'call'], `${callee.name} has ${instancesOf(si)} instances: say which one to call with "to".`);
        const given = call.payload ?? {};
        for (const f of payload) if (given[f.name] === undefined) err(['roles', s.ri, 'transitions', s.k, 'call', 'payload'], `${E} needs a value for "${f.name}".`);
        for (const key of Object.keys(given)) if (!payload.some((f) => f.name === key)) err(['roles', s.ri, 'transitions', s.k, 'call', 'payload', key], `${E} has no payload field "${key}".`);
        const nt = t as Mutable<TransitionJsonV2>;
        const tp: PathSegment[] = ['roles', s.ri, 'transitions', s.k];
        delete nt.call;
        nt.guard = and(`!${n.pending} && ${n.call} < ${calls}`, t.guard, tp);
        const j = (t.send ?? []).length;
        moved.set(at(...tp, 'send', j, 'to'), at(...tp, 'call', 'to'));
        moved.set(at(...tp, 'updates', `${n.to}`), at(...tp, 'call', 'to'));
        for (const f of payload) {
          moved.set(at(...tp, 'send', j, 'payload', f.name), at(...tp, 'call', 'payload', f.name));
          moved.set(at(...tp, 'updates', `${n.arg(f.name)}`), at(...tp, 'call', 'payload', f.name));
        }
        nt.updates = {
          ...(t.updates ?? {}),
          [`${n.pending}`]: 'true',
          [`${n.outcome}`]: '"none"',
          [`${n.call}`]: `${n.call} + 1`,
          [`${n.attempts}`]: '1',
          [`${n.to}`]: to ?? idOf(si),
          ...Object.fromEntries(payload.map((f) => [`${n.arg(f.name)}`, given[f.name] ?? 'false'])),
        };
        nt.send = [...(t.send ?? []), { message: E, to: to ?? idOf(si), payload: { ...args((f) => given[f.name] ?? 'false'), call: `${n.call} + 1` } }];
      }

      // The caller's outcome transitions (`"event": "E.ok" | "E.error" | "E.timeout"`), in place.
      caller.transitions.forEach((t, k) => {
        const m = t.event === undefined ? null : /^(.*)\.(ok|error|timeout)$/.exec(t.event);
        if (!m || m[1] !== E) return;
        const nt = t as Mutable<TransitionJsonV2>;
        const tp: PathSegment[] = ['roles', ri, 'transitions', k];
        const done = { ...(t.updates ?? {}), [`${n.pending}`]: 'false', [`${n.outcome}`]: m[2] === 'timeout' ? '"timeout"' : `"${m[2]}"` };
        if (m[2] === 'timeout') {
          nt.event = `${n.timeout}`;
          nt.guard = and(`${n.pending} && ${n.attempts} >= ${maxAttempts}`, t.guard, tp);
        } else {
          delete nt.event;
          nt.receive = reply;
          nt.guard = and(`${n.pending} && event.call == ${n.call} && event.outcome == "${m[2]}"`, t.guard, tp);
        }
        nt.updates = done;
      });
      const from = allStates(caller);
      caller.transitions.push(
        { id: `${n.retry}`, from, event: `${n.timeout}`, guard: `${n.pending} && ${n.attempts} < ${maxAttempts}`, updates: { [`${n.attempts}`]: `${n.attempts} + 1` }, send: [{ message: E, to: `${n.to}`, payload: { ...args((f) => `${n.arg(f.name)}`), call: `${n.call}` } }] },
        { id: `${n.gaveUp}`, from, event: `${n.timeout}`, guard: `${n.pending} && ${n.attempts} >= ${maxAttempts}`, updates: { [`${n.pending}`]: 'false', [`${n.outcome}`]: '"timeout"' } },
        { id: `${n.answer}ed`, from, receive: reply, guard: `${n.pending} && event.call == ${n.call} && event.outcome != "none"`, updates: { [`${n.pending}`]: 'false', [`${n.outcome}`]: 'event.outcome' } },
      );

      // The callee: its transitions on E take message E; a dedupe table answers ids seen before.
      const mapOf = (to: ScalarTypeJsonV2) => ({ map: { from: caller.name, to } });
      const ackOf = (t: TransitionJsonV2) => t.ack ?? 'durable';
      const serving = callee.transitions.filter((t) => t.event === E);
      // "ack": "durable" as version 1 (MODEL.md §5): the effect is persisted, the reply waits in a volatile outbox for the ack step.
      const outbox = serving.some((t) => ackOf(t) === 'durable');
      const replay = design.environment?.checks?.replay !== false;
      const seenBefore = idem === 'none' ? null : `${n.seen}[sender] < event.call`;
      // A request processed afresh (not from the table) waits until no reply to its caller is due: the outbox holds one.
      const fresh = [seenBefore, outbox ? `${n.due}[sender] == "none"` : null].filter((x) => x !== null).join(' && ') || null;
      const noReply = serving.some((t) => ackOf(t) === 'none');
      callee.vars = [
        ...(callee.vars ?? []),
        ...(idem === 'none'
          ? []
          : [v(n.seen, mapOf({ int: [0, Math.max(1, calls)] }), 0, idem), v(n.answer, mapOf({ enum: OUTCOMES }), 'none', idem), ...returns.map((f) => v(n.answerField(f.name), mapOf(f.type), first(f.type), idem))]),
        ...(outbox ? [v(n.due, mapOf({ enum: OUTCOMES }), 'none', 'volatile'), v(n.dueCall, mapOf({ int: [0, Math.max(1, calls)] }), 0, 'volatile'), ...returns.map((f) => v(n.dueField(f.name), mapOf(f.type), first(f.type), 'volatile'))] : []),
        ...(replay ? [v(n.first, mapOf({ enum: OUTCOMES }), 'none', 'ghost'), v(n.firstCall, mapOf({ int: [0, Math.max(1, calls)] }), 0, 'ghost')] : []),
      ];
      // The replay check (version 1's `replay`, MODEL.md §6): a request id processed before, processed again not from the table,
      // must change nothing and end as it first did. Said as an invariant of each transition that processes a request.
      const userVars = design.roles[si]!.vars ?? [];
      const unchanged = [
        "state' == state",
        ...userVars.map((x) => (typeof x.type === 'object' && 'map' in x.type ? unchangedMap(x.name, mapLevels(x.type).keys) : `${x.name}' == ${x.name}`)),
      ];
      const replayCheck = (name: string, outcome: string, effect: boolean) => ({
        name: n.replay(name),
        expr: `${n.firstCall}[sender] == event.call => (${[...(effect ? unchanged : []), `${n.first}[sender] == "${outcome}"`].join(' && ')})`,
        description: `Version 1's replay check: request ${E} processed again, not from a dedupe table, changes nothing and ends as it first did.`,
      });
      const firstUpdates = (outcome: string) => (replay ? { [`${n.firstCall}[sender]`]: 'event.call', [`${n.first}[sender]`]: `"${outcome}"` } : {});
      callee.transitions.forEach((t, k) => {
        const tpath: PathSegment[] = ['roles', si, 'transitions', k];
        if (t.event !== E) return;
        const nt = t as Mutable<TransitionJsonV2>;
        const ack = ackOf(t);
        const given = t.returns ?? {};
        for (const f of returns) if (ack !== 'none' && given[f.name] === undefined) err([...tpath, 'returns'], `${E}'s reply needs a value for "${f.name}".`);
        for (const key of Object.keys(given)) if (!returns.some((f) => f.name === key)) err([...tpath, 'returns', key], `${E} returns no field "${key}".`);
        const outcome = ack === 'none' ? 'none' : (t.reply ?? 'ok');
        const data = Object.fromEntries(returns.map((f) => [f.name, given[f.name] ?? `${n.answerField(f.name)}[sender]`]));
        const name = t.id ?? `${callee.name}#${k}`;
        delete nt.event;
        delete nt.ack;
        delete nt.reply;
        delete nt.returns;
        nt.receive = E;
        if (fresh) nt.guard = and(fresh, t.guard, tpath);
        for (const f of returns) {
          moved.set(at(...tpath, 'updates', `${n.dueField(f.name)}[sender]`), at(...tpath, 'returns', f.name));
          moved.set(at(...tpath, 'updates', `${n.answerField(f.name)}[sender]`), at(...tpath, 'returns', f.name));
        }
        // "best-effort": the reply leaves in this step, and the effect (the dedupe entry too) waits for the flush.
        const direct = ack === 'best-effort';
        if (direct) {
          const j = (t.send ?? []).length;
          for (const f of returns) moved.set(at(...tpath, 'send', j, 'payload', f.name), at(...tpath, 'returns', f.name));
          nt.send = [...(t.send ?? []), { message: reply, to: 'sender', payload: { outcome: `"${outcome}"`, ...data, call: 'event.call' } }];
        }
        nt.updates = {
          ...(t.updates ?? {}),
          ...(idem === 'none' ? {} : { [`${n.seen}[sender]`]: 'event.call', [`${n.answer}[sender]`]: `"${outcome}"`, ...Object.fromEntries(returns.map((f) => [`${n.answerField(f.name)}[sender]`, data[f.name]!])) }),
          ...(outcome === 'none' || direct ? {} : { [`${n.due}[sender]`]: `"${outcome}"`, [`${n.dueCall}[sender]`]: 'event.call', ...Object.fromEntries(returns.map((f) => [`${n.dueField(f.name)}[sender]`, data[f.name]!])) }),
          ...firstUpdates(outcome),
          ...(direct ? { [recordNames(callee.name).unflushed]: 'true' } : {}),
        };
        if (replay) nt.invariants = [...(t.invariants ?? []), replayCheck(name, outcome, true)];
      });
      const sfrom = allStates(callee);
      if (outbox) {
        const to = 'event.to';
        callee.events = [...(callee.events ?? []), { name: n.ack, source: 'internal', payload: [{ name: 'to', type: { id: caller.name } }], description: `The ack step of ${E}: the reply due to caller "to" leaves, after its effect was persisted.` }];
        callee.transitions.push({
          id: n.acked,
          from: sfrom,
          event: n.ack,
          // A durable reply never leaves before its effect is: while an effect answered best-effort waits for its flush, nothing is durable.
          guard: `${servesBestEffort(design, callee.name) ? `!${recordNames(callee.name).unflushed} && ` : ''}${n.due}[${to}] != "none"`,
          updates: { [`${n.due}[${to}]`]: '"none"', [`${n.dueCall}[${to}]`]: '0', ...Object.fromEntries(returns.map((f) => [`${n.dueField(f.name)}[${to}]`, String(literalOf(f.type))])) },
          send: [{ message: reply, to, payload: { outcome: `${n.due}[${to}]`, ...Object.fromEntries(returns.map((f) => [f.name, `${n.dueField(f.name)}[${to}]`])), call: `${n.dueCall}[${to}]` } }],
        });
      }
      if (idem !== 'none') {
        callee.transitions.push({ id: n.dedupeHit, from: sfrom, receive: E, guard: `!(${seenBefore}) && ${n.answer}[sender] != "none"`, send: [{ message: reply, to: 'sender', payload: { outcome: `${n.answer}[sender]`, ...Object.fromEntries(returns.map((f) => [f.name, `${n.answerField(f.name)}[sender]`])), call: 'event.call' } }] });
        // A request processed with "ack": "none" is answered with nothing again.
        if (noReply) callee.transitions.push({ id: n.dedupeNoReply, from: sfrom, receive: E, guard: `!(${seenBefore}) && ${n.answer}[sender] == "none"` });
      }
      if ((e.unhandled ?? 'reject') === 'reject') {
        callee.transitions.push({
          id: n.rejected,
          from: sfrom,
          receive: E,
          ...(fresh ? { guard: fresh } : {}),
          ...(replay ? { updates: firstUpdates('error'), invariants: [replayCheck(n.rejected, 'error', false)] } : {}),
          send: [{ message: reply, to: 'sender', payload: { outcome: '"error"', ...Object.fromEntries(returns.map((f) => [f.name, String(literalOf(f.type))])), call: 'event.call' } }],
        });
      }
      callee.events = (callee.events ?? []).filter((x) => x !== e) as EventJsonV2[];
    });
  });
  // "best-effort" (format-v2.md §7): a callee that answers before its effect is durable keeps an unflushed record.
  roles.forEach((r, ri) => {
    const written = design.roles[ri]!;
    if (!servesBestEffort(design, written.name)) return;
    const record = addRecord(r);
    // The record's names are taken (as the calls' are): a repeat is reported where the user wrote it.
    const clash = (kind: 'vars' | 'events', names: readonly string[]) =>
      (written[kind] ?? []).forEach((x, k) => {
        if (names.includes(x.name)) err(['roles', ri, kind, k, 'name'], `"${x.name}" is a name of ${written.name}'s unflushed record ("ack": "best-effort", docs/format-v2.md §14); call it something else.`);
      });
    clash('vars', record.vars);
    clash('events', [record.event]);
    written.transitions.forEach((t, k) => {
      if (t.id === record.transition) err(['roles', ri, 'transitions', k, 'id'], `"${t.id}" is the id of ${written.name}'s flush step ("ack": "best-effort", docs/format-v2.md §14); choose another id.`);
    });
  });
  // Keys that belong to calls, left where no call event explains them (a call event already reported is not reported again).
  const declared = new Set(design.roles.flatMap((r) => (r.events ?? []).filter((e) => e.source === 'call').map((e) => e.name)));
  roles.forEach((r, ri) =>
    r.transitions.forEach((t, k) => {
      if (t.call !== undefined && !declared.has(t.call.event)) err(['roles', ri, 'transitions', k, 'call', 'event'], `No role declares a call event "${t.call.event}" ("source": "call").`);
      if (t.returns !== undefined && !(t.event !== undefined && declared.has(t.event))) err(['roles', ri, 'transitions', k, 'returns'], '"returns" belongs to transitions of call events.');
      const outcome = t.event === undefined ? null : /^(.*)\.(ok|error|timeout)$/.exec(t.event);
      if (outcome && !declared.has(outcome[1]!)) err(['roles', ri, 'transitions', k, 'event'], `No call event explains "${t.event}": outcomes are "E.ok", "E.error" and "E.timeout" of a call event E this role calls.`);
    }),
  );
  if (errors.length) return { ok: false, errors };
  out.messages = messages;
  const back = (found: readonly DesignError[]): DesignError[] => {
    const seen = new Set<string>();
    const result: DesignError[] = [];
    for (const e of found) {
      const prefix = movedPrefix.find(([from]) => e.path === from || e.path.startsWith(`${from}/`));
      let error = { ...e, path: moved.get(e.path) ?? (prefix ? prefix[1] + e.path.slice(prefix[0].length) : e.path) };
      const shift = shifted.get(e.path);
      if (shift !== undefined && e.column !== undefined && e.column > shift) {
        const column = e.column - shift;
        error = { ...error, column, message: error.message.replace(`Column ${e.column}:`, `Column ${column}:`) };
      }
      // A call's payload is compiled twice (the request and the copy kept for retries): one error is enough.
      const key = `${error.path}\n${error.message}`;
      if (!seen.has(key)) result.push(error);
      seen.add(key);
    }
    return result;
  };
  return { ok: true, design: out as DesignV2, back };
}

/** `m' == m` entry by entry, level by level (a nested map's too): over a role's instances, or over the keys written out (an enum's values, an int range, bool). */
function unchangedMap(name: string, levels: readonly MapKeysJsonV2[]): string {
  const entries = (j: number, keys: string): string => {
    if (j === levels.length) return `${name}'${keys} == ${name}${keys}`;
    const from = levels[j]!;
    const k = j === 0 ? 'k_' : `k${j}_`;
    if (typeof from === 'string' && from !== 'bool') return `(forall ${k} in ${from}: ${entries(j + 1, `${keys}[${k}]`)})`;
    const listed = typeof from === 'string' ? ['false', 'true'] : 'int' in from ? Array.from({ length: Math.max(0, from.int[1] - from.int[0] + 1) }, (_, i) => String(from.int[0] + i)) : from.enum.map((v) => JSON.stringify(v));
    return `(${listed.map((x) => entries(j + 1, `${keys}[${x}]`)).join(' && ') || 'true'})`;
  };
  return entries(0, '');
}
