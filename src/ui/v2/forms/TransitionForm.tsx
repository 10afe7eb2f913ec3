import { escapeToken } from '../../../model/pointer';
import { RESTART_EVENT } from '../../../model/restartEvent';
import { mapLevels, type EventJsonV2, type MapKeysJsonV2, type ScalarTypeJsonV2, type SendJson, type SetTypeJsonV2, type TransitionJsonV2 } from '../../../model/v2/schema';
import { useState } from 'react';
import { callTargetOf, callTargets, makeCall, missingOutcomeTransitions, outcomeEvents, transitionWithTrigger, parseOutcome, servedCall, type Outcome } from '../../../store/v2/callEditsV2';
import { fromStates, nextName, type DesignEditV2 } from '../../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { CheckboxField } from '../../fields/CheckboxField';
import { ExprField } from '../../fields/ExprField';
import { SelectField, choicesOf, type Choice } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { ElementErrors } from '../../inspector/ElementErrors';
import { BoundExpr, BoundSelect, BoundText } from './bound';
import { NumberField } from '../../fields/NumberField';
import { InvariantList } from './InvariantList';
import { ListOf } from './ListOf';

type Target = 'one' | 'all' | 'only';

const OUTCOME_LABEL: Record<Outcome, string> = {
  ok: 'the call’s reply: ok',
  error: 'the call’s reply: error',
  timeout: 'ambiguous: no reply after the last attempt, the call may or may not have happened',
};

function hintFor(receiving: boolean, serving: boolean, outcome: Outcome | undefined): string {
  if (receiving) return 'The guard and updates read the message’s payload as event.F and its sending instance as sender.';
  if (serving) return 'Serving a call: event.F is the request’s payload and sender the calling instance; the reply leaves in the same step.';
  if (outcome === 'timeout') return 'The ambiguous outcome: every attempt timed out, and the callee may or may not have done the call. Nothing is read from a reply.';
  if (outcome) return 'The call ended with this reply: event.F reads its returned data and sender is the callee.';
  return 'An event’s payload is event.F; every value is tried.';
}

/**
 * The selected transition of a role: where it leaves from and goes, its trigger (a message kind
 * received — the guard reads `event.F` and `sender` —, an internal, timer or call event, an
 * outcome of a call the role makes (`E.ok`, `E.error`, `E.timeout`), or `$restart`), guard,
 * what it replies when it serves a call, updates, sends (to one instance, to all of a role,
 * reply with `to: sender`), the call it makes, transition invariants.
 */
export function TransitionForm({ role, index, readOnly }: { role: number; index: number; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const r = design.roles[role];
  const t = r?.transitions[index];
  if (!r || !t) return null;
  const path = `/roles/${role}/transitions/${index}`;
  const set = (key: string, value: unknown) => apply({ type: 'set', path: `${path}/${key}`, value });
  const states = r.states.map((s) => s.name);
  const from = fromStates(t);
  const incoming = (design.messages ?? []).filter((m) => m.to === r.name).map((m) => m.name);
  const outgoing = (design.messages ?? []).filter((m) => m.from === r.name);
  const eventChoices: Choice[] = [
    ...(r.events ?? []).map((e): Choice => ({ value: e.name, label: e.source === 'call' ? `${e.name} (serve a call from another role)` : e.name })),
    ...outcomeEvents(design, role).map(({ event, outcome }): Choice => ({ value: event, label: `${event} (${OUTCOME_LABEL[outcome]})` })),
    { value: RESTART_EVENT, label: `${RESTART_EVENT} (recovery after a crash)` },
  ];
  const receiving = t.receive !== undefined;
  const served = servedCall(design, role, t);
  const outcome = parseOutcome(t.event);
  const title = `${receiving ? `receive ${t.receive}` : (t.event ?? '?')}`;
  const setFrom = (name: string, on: boolean) => {
    const next = on ? states.filter((s) => s === name || from.includes(s)) : from.filter((s) => s !== name);
    set('from', next.length === 1 ? next[0] : next);
  };
  return (
    <section className="panel" aria-label={`Transition ${r.name} ${index + 1}`}>
      <h3>
        Transition {index + 1} of <code>{r.name}</code>: {title}
      </h3>
      <ElementErrors path={path} />
      <fieldset className="list-editor">
        <legend>Leaves from</legend>
        <ElementErrors path={`${path}/from`} />
        {states.map((s) => (
          <CheckboxField key={s} label={`From ${s}`} path={`${path}/from#${s}`} checked={from.includes(s)} disabled={readOnly} onChange={(on) => setFrom(s, on)} />
        ))}
      </fieldset>
      <SelectField label="Goes to" path={`${path}/to`} value={t.to ?? ''} choices={[{ value: '', label: '(stays in its state)' }, ...choicesOf(states)]} disabled={readOnly} onChange={(v) => set('to', v === '' ? undefined : v)} />
      <SelectField
        label="Trigger"
        path={`${path}#trigger`}
        value={receiving ? 'receive' : 'event'}
        choices={[
          { value: 'receive', label: 'receive a message' },
          { value: 'event', label: 'an event of this role' },
        ]}
        disabled={readOnly}
        onChange={(kind) => {
          if (kind === 'receive') return apply({ type: 'set', path, value: transitionWithTrigger(t, r.events ?? [], design.roles, { receive: incoming[0] ?? '' }) });
          // A role without events of its own gets an internal event `Step` with it (as the lane's
          // "+ Transition" does), rather than the recovery `$restart`, which is no move of its own.
          const own = r.events?.[0]?.name;
          const step: DesignEditV2[] = own ? [] : [{ type: 'insert', path: `/roles/${role}/events`, value: { name: 'Step', source: 'internal' } }];
          apply({ type: 'batch', edits: [...step, { type: 'set', path, value: transitionWithTrigger(t, r.events ?? [], design.roles, { event: own ?? 'Step' }) }] });
        }}
      />
      {receiving ? (
        <SelectField label="Message kind received" path={`${path}/receive`} value={t.receive ?? ''} choices={choicesOf(incoming)} disabled={readOnly} onChange={(v) => set('receive', v)} />
      ) : (
        <SelectField label="Event" path={`${path}/event`} value={t.event ?? ''} choices={eventChoices} disabled={readOnly} onChange={(v) => apply({ type: 'set', path, value: transitionWithTrigger(t, r.events ?? [], design.roles, { event: v }) })} />
      )}
      <BoundExpr label="Guard" path={`${path}/guard`} readOnly={readOnly} optional placeholder={receiving || served || outcome ? 'event.field, sender, own vars' : 'true'} />
      <p className="hint">{hintFor(receiving, served !== undefined, outcome?.outcome)}</p>
      {served && <ServeCallFields path={path} event={served} readOnly={readOnly} />}
      <UpdatesList role={role} index={index} updates={t.updates ?? {}} readOnly={readOnly} />
      <fieldset className="list-editor">
        <legend>Sends</legend>
        <ListOf
          path={`${path}/send`}
          items={t.send ?? []}
          noun="send"
          readOnly={readOnly}
          hint={outgoing.length ? 'No sends. A send is evaluated on the configuration before the step.' : `No message kind goes from ${r.name}: add one in Messages first.`}
          legend={(s, k) => `${k + 1}: ${s.message}${s.toAll ? ' to all' : s.to ? ` to ${s.to}` : ''}`}
          make={(): SendJson => ({ message: outgoing[0]?.name ?? '' })}
          render={(s, p, k) => <SendForm send={s} path={p} k={k} kinds={outgoing} roles={design.roles} readOnly={readOnly} />}
        />
      </fieldset>
      <MakesCallFields key={path} role={role} index={index} path={path} call={t.call} readOnly={readOnly} />
      <fieldset className="list-editor">
        <legend>Transition invariants</legend>
        <InvariantList path={`${path}/invariants`} items={t.invariants ?? []} readOnly={readOnly} label="Transition invariant" />
      </fieldset>
      <BoundText label="Transition id" path={`${path}/id`} readOnly={readOnly} optional placeholder={`${r.name}#${index}`} />
      <BoundText label="Transition description" path={`${path}/description`} readOnly={readOnly} optional multiline />
      {!readOnly && (
        <button type="button" className="danger" onClick={() => apply({ type: 'removeElements', role, states: [], transitions: [index] })}>
          Delete transition
        </button>
      )}
    </section>
  );
}

function SendForm({ send, path, k, kinds, roles, readOnly }: {
  send: SendJson;
  path: string;
  k: number;
  kinds: readonly { name: string; to: string; payload?: readonly { name: string }[] | undefined }[];
  roles: readonly { name: string; instances?: number | undefined }[];
  readOnly: boolean;
}) {
  const apply = useDesignStateV2((s) => s.apply);
  const kind = kinds.find((m) => m.name === send.message);
  const target: Target = send.toAll ? 'all' : send.to !== undefined ? 'one' : 'only';
  const receiver = roles.find((r) => r.name === kind?.to);
  const write = (next: SendJson) => apply({ type: 'set', path, value: next });
  const label = `Send ${k + 1}`;
  return (
    <>
      <SelectField
        label={`${label} message`}
        path={`${path}/message`}
        value={send.message}
        choices={choicesOf(kinds.map((m) => m.name))}
        disabled={readOnly}
        // A new kind has other fields: the payload is made again, one empty expression per field.
        onChange={(message) => write({ ...send, message, ...payloadFor(kinds.find((m) => m.name === message)) })}
      />
      <SelectField
        label={`${label} goes to`}
        path={`${path}#target`}
        value={target}
        choices={[
          { value: 'one', label: 'one instance (expression)' },
          { value: 'all', label: `every instance of ${kind?.to ?? 'the receiving role'}` },
          { value: 'only', label: `the only instance of ${kind?.to ?? 'the receiving role'}` },
        ]}
        disabled={readOnly}
        onChange={(v) => {
          const { to: _to, toAll: _all, ...rest } = send;
          write(v === 'all' ? { ...rest, toAll: true } : v === 'one' ? { ...rest, to: 'sender' } : rest);
        }}
      />
      {target === 'one' && <BoundExpr label={`${label} to instance`} path={`${path}/to`} readOnly={readOnly} placeholder={`sender, ${receiver?.name ?? 'Role'}[1], a var of id type`} />}
      {target === 'one' && !readOnly && (
        <button type="button" onClick={() => write({ ...send, to: 'sender' })}>
          Reply to sender
        </button>
      )}
      <ElementErrors path={`${path}/payload`} />
      {(kind?.payload ?? []).map((f) => (
        <ExprField
          key={f.name}
          label={`${label} payload ${f.name}`}
          path={`${path}/payload/${escapeToken(f.name)}`}
          value={send.payload?.[f.name] ?? ''}
          readOnly={readOnly}
          onChange={(v) => apply({ type: 'set', path: `${path}/payload/${escapeToken(f.name)}`, value: v }, { merge: `${path}/payload/${f.name}` })}
        />
      ))}
    </>
  );
}

function payloadFor(kind: { payload?: readonly { name: string }[] | undefined } | undefined): { payload?: Record<string, string> } {
  const fields = kind?.payload ?? [];
  return fields.length ? { payload: Object.fromEntries(fields.map((f) => [f.name, ''])) } : {};
}

/** `var := expression` rows; a key is a var of the role or one map entry `m[i]`. */
function UpdatesList({ role, index, updates, readOnly }: { role: number; index: number; updates: Readonly<Record<string, string>>; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const path = `/roles/${role}/transitions/${index}/updates`;
  const entries = Object.entries(updates);
  const write = (next: [string, string][]) => apply({ type: 'set', path, value: next.length ? Object.fromEntries(next) : undefined });
  const roleVars = design.roles[role]?.vars ?? [];
  const add = () => {
    // The first var not yet assigned (a map: one entry), with a value of its type.
    const v = roleVars.find((x) => !(x.name in updates) && !Object.keys(updates).some((k) => k.startsWith(`${x.name}[`)));
    if (!v) return write([...entries, [nextName('v', Object.keys(updates)), '0']]);
    const { keys, leaf } = mapLevels(v.type);
    const key = `${v.name}${keys.map((k) => `[${firstKey(k, design.roles)}]`).join('')}`;
    write([...entries, [key, firstValue(key, leaf, design.roles)]]);
  };
  return (
    <fieldset className="list-editor">
      <legend>Updates</legend>
      <ElementErrors path={path} />
      {entries.map(([key, value], k) => (
        <div className="list-item list-item--column" key={k}>
          <TextField label={`Update ${k + 1} assigns`} path={`${path}/${escapeToken(key)}#key`} value={key} commit readOnly={readOnly} onChange={(name) => write(entries.map((e, i) => (i === k ? [name, e[1]] : e)))} />
          <ExprField label={`Update ${k + 1} value`} path={`${path}/${escapeToken(key)}`} value={value} readOnly={readOnly} onChange={(v) => apply({ type: 'set', path: `${path}/${escapeToken(key)}`, value: v }, { merge: `${path}/${key}` })} />
          {!readOnly && (
            <button type="button" aria-label={`Remove update ${key}`} onClick={() => write(entries.filter((_, i) => i !== k))}>
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={add}>
          Add update
        </button>
      )}
    </fieldset>
  );
}

type Roles = readonly { name: string; instances?: number | undefined }[];

/** An instance of a role as an expression: `TM` for a role with one, else `RM[1]`. */
/** A map's first key, written as an expression: an instance, false, an enum's first value, an int range's lowest. */
function firstKey(from: MapKeysJsonV2, roles: Roles): string {
  if (typeof from !== 'string') return 'int' in from ? String(from.int[0]) : JSON.stringify(from.enum[0] ?? '');
  return from === 'bool' && !roles.some((r) => r.name === 'bool') ? 'false' : instanceOf(from, roles);
}

function instanceOf(role: string, roles: Roles): string {
  return (roles.find((r) => r.name === role)?.instances ?? 1) > 1 ? `${role}[1]` : role;
}

/**
 * A first value for a new update of `key` (a var, or a map's entry) that already has its type, so adding it shows
 * no error before it is edited: a counter's step, `true`, an enum's first value, an instance.
 */
function firstValue(key: string, t: ScalarTypeJsonV2 | SetTypeJsonV2, roles: Roles): string {
  if (t === 'bool') return 'true';
  if ('set' in t) return `${key} + {}`;
  if ('int' in t) return `${key} + 1`;
  if ('enum' in t) return JSON.stringify(t.enum[0] ?? '');
  return instanceOf(t.id, roles);
}

/** A transition serving a call event: whether it replies (`ack`), with which outcome (`reply`), and the reply's data (`returns`). */
function ServeCallFields({ path, event, readOnly }: { path: string; event: EventJsonV2; readOnly: boolean }) {
  const returns = event.returns ?? [];
  return (
    <fieldset className="list-editor">
      <legend>Reply to the call {event.name}</legend>
      <BoundSelect
        label="Ack"
        path={`${path}/ack`}
        readOnly={readOnly}
        defaultValue="durable"
        choices={[
          { value: '', label: 'durable (default): the effect is persisted, then a later ack step sends the reply (a crash between loses only the reply)' },
          { value: 'best-effort', label: 'best-effort: replies before the effect is durable (a later flush persists it)' },
          { value: 'none', label: 'none: no reply' },
        ]}
      />
      <BoundSelect
        label="Reply"
        path={`${path}/reply`}
        readOnly={readOnly}
        defaultValue="ok"
        choices={[
          { value: '', label: 'ok (default)' },
          { value: 'error', label: 'error' },
        ]}
      />
      <ElementErrors path={`${path}/returns`} />
      {returns.map((f) => (
        <BoundExpr key={f.name} label={`Returns ${f.name}`} path={`${path}/returns/${escapeToken(f.name)}`} readOnly={readOnly} placeholder="evaluated before the step" />
      ))}
      {returns.length === 0 && <p className="hint">{event.name} returns no data (its “returns” fields, in the Role panel).</p>}
    </fieldset>
  );
}

/**
 * The call a transition makes (docs/format-v2.md §14): a call event of another role, the callee
 * instance (left out when that role has one), an expression per payload field, and attempts.
 */
function MakesCallFields({ role, index, path, call, readOnly }: { role: number; index: number; path: string; call: TransitionJsonV2['call']; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const missing = missingOutcomeTransitions(design, role, index);
  // What the last "Add outcome transitions" added, said once so the targets it chose are not silent.
  const [added, setAdded] = useState<string | null>(null);
  const addOutcomes = () => {
    apply({ type: 'batch', edits: missing.map((value): DesignEditV2 => ({ type: 'insert', path: `/roles/${role}/transitions`, value })) });
    const first = missing[0]!;
    const from = Array.isArray(first.from) ? first.from.join(', ') : first.from;
    setAdded(`Added ${missing.map((m) => m.event).join(', ')} from ${from}, each going back to ${first.to ?? from}: choose where each one goes (and what it does) on the canvas.`);
  };
  const targets = callTargets(design, role);
  const target = call ? callTargetOf(design, call.event) : undefined;
  const cpath = `${path}/call`;
  const choices: Choice[] = [{ value: '', label: '(makes no call)' }, ...targets.map((x): Choice => ({ value: x.event.name, label: `${x.role}.${x.event.name}` }))];
  const attempts = call?.retry?.maxAttempts;
  return (
    <fieldset className="list-editor">
      <legend>Makes a call</legend>
      <ElementErrors path={cpath} />
      <SelectField
        label="Calls"
        path={`${cpath}/event`}
        value={call?.event ?? ''}
        choices={choices}
        disabled={readOnly}
        onChange={(name) => {
          const next = targets.find((x) => x.event.name === name);
          apply({ type: 'set', path: cpath, value: next ? makeCall(next, design.roles, call) : undefined });
        }}
      />
      {!call && <p className="hint">{targets.length ? 'A call to a call event E of another role: its outcomes E.ok, E.error and E.timeout (ambiguous) become triggers of this role.' : 'No other role declares a call event: give one an event with source “call” in its Role panel.'}</p>}
      {call && (
        <>
          {((target?.instances ?? 1) > 1 || call.to !== undefined) && (
            <BoundExpr label="Call to instance" path={`${cpath}/to`} readOnly={readOnly} optional={(target?.instances ?? 1) <= 1} placeholder={target ? `${target.role}[1], a var of id type` : 'an instance'} />
          )}
          <ElementErrors path={`${cpath}/payload`} />
          {(target?.event.payload ?? []).map((f) => (
            <BoundExpr key={f.name} label={`Call payload ${f.name}`} path={`${cpath}/payload/${escapeToken(f.name)}`} readOnly={readOnly} placeholder="read before the step" />
          ))}
          <ElementErrors path={`${cpath}/retry`} />
          <NumberField
            label="Call attempts (1 = no retry)"
            path={`${cpath}/retry/maxAttempts`}
            value={attempts}
            readOnly={readOnly}
            placeholder="1 (default), up to 5"
            onChange={(n) => apply({ type: 'set', path: `${cpath}/retry`, value: n === undefined ? undefined : { maxAttempts: n } }, { merge: `${cpath}/retry` })}
          />
          <p className="hint">
            Outcomes, as triggers of this role: {call.event}.ok, {call.event}.error and {call.event}.timeout (ambiguous: the callee may or may not have done it).
          </p>
          {!readOnly && missing.length > 0 && (
            <button type="button" onClick={addOutcomes} title={`Adds a transition for each of ${missing.map((m) => m.event).join(', ')} (one undo step)`}>
              Add outcome transitions
            </button>
          )}
          {added && (
            <p className="hint" role="status">
              {added}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
