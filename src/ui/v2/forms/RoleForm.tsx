import type { EventJsonV2, VarJsonV2 } from '../../../model/v2/schema';
import { nextName } from '../../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { eventWithSource, type EventSource } from '../../../store/v2/callEditsV2';
import { choicesOf, SelectField, type Choice } from '../../fields/SelectField';
import { BoundNumber, BoundSelect, BoundText } from './bound';
import { CrashField } from './CrashField';
import { InitialValuesField } from './InitialValuesField';
import { InvariantList } from './InvariantList';
import { ListOf } from './ListOf';
import { NameField } from './NameField';
import { PayloadFields } from './PayloadFields';
import { initialFor, TypeFieldV2 } from './TypeFieldV2';

const SOURCES: readonly Choice[] = [
  { value: 'internal', label: 'internal' },
  { value: 'timer', label: 'timer' },
  { value: 'call', label: 'call (another role calls it)' },
  { value: 'client', label: 'client' },
];

/**
 * One role: name, instances, which instances may crash, description, vars, events (internal, timer or call, with payloads;
 * a call event with its reply data, idempotency, unhandled requests and calls), role invariants.
 */
export function RoleForm({ role, readOnly }: { role: number; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const r = design.roles[role];
  if (!r) return null;
  const path = `/roles/${role}`;
  const roles = design.roles.map((x) => x.name);
  const label = `Role ${r.name}`;
  return (
    <section className="panel" aria-label={`Role ${r.name} details`}>
      <NameField label="Role name" path={`${path}/name`} value={r.name} readOnly={readOnly} rename={(name) => ({ type: 'renameRole', role, name })} />
      <BoundNumber label="Instances" path={`${path}/instances`} readOnly={readOnly} placeholder="1 (default)" />
      <CrashField role={role} label={`${label} crashes`} readOnly={readOnly} />
      <BoundText label="Role description" path={`${path}/description`} readOnly={readOnly} optional multiline />
      <fieldset className="list-editor">
        <legend>Vars</legend>
        <ListOf
          path={`${path}/vars`}
          items={r.vars ?? []}
          noun="var"
          readOnly={readOnly}
          hint="No vars yet. A var is memory each instance keeps: durable, volatile (lost in a crash) or ghost. Types include an instance id, a set and a map (from a role's instances, an enum, bool or an int range)."
          legend={(v, i) => v.name || `var ${i + 1}`}
          make={(): VarJsonV2 => ({ name: nextName('v', (r.vars ?? []).map((v) => v.name)), type: { int: [0, 3] }, initial: 0 })}
          render={(v, p, i) => (
            <>
              <NameField label={`${label} var ${i + 1} name`} path={`${p}/name`} value={v.name} readOnly={readOnly} rename={(name) => ({ type: 'renameVar', role, var: i, name })} />
              <TypeFieldV2 label={`${label} var ${i + 1}`} path={`${p}/type`} value={v.type} roles={roles} maps readOnly={readOnly} onChange={(type) => apply({ type: 'set', path: p, value: { ...v, type, initial: initialFor(type, v.initial) } })} />
              <InitialValuesField label={`${label} var ${i + 1} initial value`} role={role} index={i} v={v} readOnly={readOnly} />
              <BoundSelect label={`${label} var ${i + 1} storage`} path={`${p}/storage`} readOnly={readOnly} choices={choicesOf(['durable', 'volatile', 'ghost'], 'durable (default)')} />
            </>
          )}
        />
      </fieldset>
      <fieldset className="list-editor">
        <legend>Events</legend>
        <ListOf
          path={`${path}/events`}
          items={r.events ?? []}
          noun="event"
          readOnly={readOnly}
          hint="No events yet. An event is the role's own move: internal (a decision, a step of work) or a timer; a payload is chosen among all its values."
          legend={(e, i) => e.name || `event ${i + 1}`}
          make={(): EventJsonV2 => ({ name: nextName('Step', (r.events ?? []).map((e) => e.name)), source: 'internal' })}
          render={(e, p, i) => (
            <>
              <NameField label={`${label} event ${i + 1} name`} path={`${p}/name`} value={e.name} readOnly={readOnly} rename={(name) => ({ type: 'renameEvent', role, event: i, name })} />
              <SelectField
                label={`${label} event ${i + 1} source`}
                path={`${p}/source`}
                value={e.source}
                choices={SOURCES.filter((s) => s.value !== 'client' || e.source === 'client')}
                disabled={readOnly}
                onChange={(source) => apply({ type: 'set', path: p, value: eventWithSource(e, source as EventSource) })}
              />
              {e.source === 'timer' && <BoundNumber label={`${label} event ${i + 1} after (ms)`} path={`${p}/afterMs`} readOnly={readOnly} />}
              <PayloadFields path={`${p}/payload`} owner={{ role, event: i }} fields={e.payload ?? []} roles={roles} readOnly={readOnly} label={`${label} event ${e.name}`} />
              {e.source === 'call' && <CallEventFields e={e} p={p} role={role} index={i} label={`${label} event ${e.name}`} roles={roles} readOnly={readOnly} />}
            </>
          )}
        />
      </fieldset>
      <fieldset className="list-editor">
        <legend>Role invariants (checked for every instance)</legend>
        <InvariantList path={`${path}/invariants`} items={r.invariants ?? []} readOnly={readOnly} label={`${label} invariant`} />
      </fieldset>
    </section>
  );
}

/**
 * What a call event adds (docs/format-v2.md §14): the reply's typed data (`returns`), the dedupe
 * table (`idempotency`), what a request no transition takes gets (`unhandled`), and how many
 * calls each caller instance makes (`calls`, the request ids).
 */
function CallEventFields({ e, p, role, index, label, roles, readOnly }: { e: EventJsonV2; p: string; role: number; index: number; label: string; roles: readonly string[]; readOnly: boolean }) {
  return (
    <>
      <p className="hint">Another role calls {e.name || 'it'} from a transition (“Makes a call”); this role’s transitions on it serve the call and say what it replies.</p>
      <PayloadFields path={`${p}/returns`} owner={{ role, event: index, returns: true }} fields={e.returns ?? []} roles={roles} readOnly={readOnly} label={label} list="returns" />
      <BoundSelect
        label={`${label} idempotency`}
        path={`${p}/idempotency`}
        readOnly={readOnly}
        defaultValue="none"
        choices={[
          { value: '', label: 'none (default): no dedupe table' },
          { value: 'durable', label: 'durable: answers a retried request id with its first reply, across crashes' },
          { value: 'volatile', label: 'volatile: a dedupe table lost in a crash' },
        ]}
      />
      <BoundSelect
        label={`${label} unhandled`}
        path={`${p}/unhandled`}
        readOnly={readOnly}
        defaultValue="reject"
        choices={[
          { value: '', label: 'reject (default): answered error' },
          { value: 'ignore', label: 'ignore: no reply' },
        ]}
      />
      <BoundNumber label={`${label} calls per caller`} path={`${p}/calls`} readOnly={readOnly} placeholder="2 (default), 1 to 4" />
    </>
  );
}
