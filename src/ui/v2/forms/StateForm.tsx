import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { CheckboxField } from '../../fields/CheckboxField';
import { choicesOf } from '../../fields/SelectField';
import { ElementErrors } from '../../inspector/ElementErrors';
import { BoundCheckbox, BoundSelect, BoundText } from './bound';
import { NameField } from './NameField';

/** The selected state of a role: name, initial (one per role, or several written in the JSON), final, storage, description. */
export function StateForm({ role, name, readOnly }: { role: number; name: string; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const r = design.roles[role];
  const index = r?.states.findIndex((s) => s.name === name) ?? -1;
  const s = r?.states[index];
  if (!r || !s) return null;
  const path = `/roles/${role}/states/${index}`;
  // Making a state initial makes the others not initial, in one undo step; in a role that already
  // has several initial states (docs/format-v2.md §2), the box changes this state only, so they are kept.
  const several = r.states.filter((x) => x.initial === true).length > 1;
  const setInitial = (initial: boolean) =>
    several
      ? apply({ type: 'set', path: `${path}/initial`, value: initial || undefined })
      : apply({ type: 'batch', edits: r.states.map((x, k) => ({ type: 'set' as const, path: `/roles/${role}/states/${k}/initial`, value: k === index ? initial || undefined : initial ? undefined : x.initial })) });
  return (
    <section className="panel" aria-label={`State ${r.name}.${s.name}`}>
      <h3>
        State <code>{r.name}.{s.name}</code>
      </h3>
      <ElementErrors path={path} />
      <NameField label="State name" path={`${path}/name`} value={s.name} readOnly={readOnly} rename={(next) => ({ type: 'renameState', role, state: index, name: next })} />
      <CheckboxField label="Initial state" path={`${path}/initial`} checked={s.initial === true} disabled={readOnly} onChange={setInitial} />
      <BoundCheckbox label="Final state" path={`${path}/final`} readOnly={readOnly} />
      <BoundSelect label="State storage" path={`${path}/storage`} readOnly={readOnly} choices={choicesOf(['durable', 'volatile'], 'durable (default)')} />
      <BoundText label="State description" path={`${path}/description`} readOnly={readOnly} optional multiline />
      {!readOnly && (
        <button type="button" className="danger" onClick={() => apply({ type: 'removeElements', role, states: [s.name], transitions: [] })}>
          Delete state {s.name}
        </button>
      )}
    </section>
  );
}
