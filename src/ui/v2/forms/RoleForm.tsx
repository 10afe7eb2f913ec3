import type { EventJsonV2, VarJsonV2 } from '../../../model/v2/schema';
import { nextName } from '../../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { choicesOf, SelectField } from '../../fields/SelectField';
import { BoundNumber, BoundSelect, BoundText, useBound } from './bound';
import { InvariantList } from './InvariantList';
import { ListOf } from './ListOf';
import { NameField } from './NameField';
import { PayloadFields } from './PayloadFields';
import { initialFor, TypeFieldV2 } from './TypeFieldV2';

/** One role: name, instances, description, vars, events (internal or timer, with payloads), role invariants. */
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
      <BoundText label="Role description" path={`${path}/description`} readOnly={readOnly} optional multiline />
      <fieldset className="list-editor">
        <legend>Vars</legend>
        <ListOf
          path={`${path}/vars`}
          items={r.vars ?? []}
          noun="var"
          readOnly={readOnly}
          hint="No vars yet. A var is memory each instance keeps: durable, volatile (lost in a crash) or ghost. Types include an instance id and a map from a role's instances."
          legend={(v, i) => v.name || `var ${i + 1}`}
          make={(): VarJsonV2 => ({ name: nextName('v', (r.vars ?? []).map((v) => v.name)), type: { int: [0, 3] }, initial: 0 })}
          render={(v, p, i) => (
            <>
              <BoundText label={`${label} var ${i + 1} name`} path={`${p}/name`} readOnly={readOnly} />
              <TypeFieldV2 label={`${label} var ${i + 1}`} path={`${p}/type`} value={v.type} roles={roles} maps readOnly={readOnly} onChange={(type) => apply({ type: 'set', path: p, value: { ...v, type, initial: initialFor(type, v.initial) } })} />
              <InitialField label={`${label} var ${i + 1} initial value`} path={`${p}/initial`} v={v} readOnly={readOnly} />
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
              <BoundSelect label={`${label} event ${i + 1} source`} path={`${p}/source`} readOnly={readOnly} choices={choicesOf(['internal', 'timer'])} />
              {e.source === 'timer' && <BoundNumber label={`${label} event ${i + 1} after (ms)`} path={`${p}/afterMs`} readOnly={readOnly} />}
              <PayloadFields path={`${p}/payload`} owner={{ role, event: i }} fields={e.payload ?? []} roles={roles} readOnly={readOnly} label={`${label} event ${e.name}`} />
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

function InitialField({ label, path, v, readOnly }: { label: string; path: string; v: VarJsonV2; readOnly: boolean }) {
  const [, set] = useBound<VarJsonV2['initial']>(path);
  const scalar = typeof v.type === 'object' && 'map' in v.type ? v.type.map.to : v.type;
  if (scalar === 'bool') return <BoundSelectValue label={label} path={path} value={String(v.initial)} values={['false', 'true']} readOnly={readOnly} onChange={(s) => set(s === 'true')} />;
  if (typeof scalar === 'object' && 'enum' in scalar) return <BoundSelectValue label={label} path={path} value={String(v.initial)} values={scalar.enum} readOnly={readOnly} onChange={set} />;
  if (typeof scalar === 'object' && 'int' in scalar) return <BoundNumber label={label} path={path} readOnly={readOnly} />;
  return <BoundText label={label} path={path} readOnly={readOnly} placeholder={`${scalar.id}[1]`} />;
}

function BoundSelectValue({ label, path, value, values, readOnly, onChange }: { label: string; path: string; value: string; values: readonly string[]; readOnly: boolean; onChange: (v: string) => void }) {
  return <SelectField label={label} path={path} value={value} choices={choicesOf(values)} disabled={readOnly} onChange={onChange} />;
}
