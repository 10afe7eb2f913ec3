import { initialStateEdit } from '../../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { CheckboxField } from '../../fields/CheckboxField';
import { choicesOf } from '../../fields/SelectField';
import { ElementErrors } from '../../inspector/ElementErrors';
import { BoundCheckbox, BoundSelect, BoundText } from './bound';
import { NameField } from './NameField';

/** The selected state of a role: name, initial (one per role, or several: "Also an initial state"), final, storage, description. */
export function StateForm({ role, name, readOnly }: { role: number; name: string; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const r = design.roles[role];
  const index = r?.states.findIndex((s) => s.name === name) ?? -1;
  const s = r?.states[index];
  if (!r || !s) return null;
  const path = `/roles/${role}/states/${index}`;
  // "Initial state" moves the mark here; "Also an initial state" adds a start beside the others.
  const setInitial = (initial: boolean) => apply(initialStateEdit(design, role, index, initial, 'only'));
  const canAlso = s.initial !== true && r.states.some((x) => x.initial === true);
  return (
    <section className="panel" aria-label={`State ${r.name}.${s.name}`}>
      <h3>
        State <code>{r.name}.{s.name}</code>
      </h3>
      <ElementErrors path={path} />
      <NameField label="State name" path={`${path}/name`} value={s.name} readOnly={readOnly} rename={(next) => ({ type: 'renameState', role, state: index, name: next })} />
      <CheckboxField label="Initial state" path={`${path}/initial`} checked={s.initial === true} disabled={readOnly} onChange={setInitial} />
      {canAlso && !readOnly ? (
        <button type="button" onClick={() => apply(initialStateEdit(design, role, index, true, 'also'))} title="Instances may start here or in the other initial states: each combination is an initial configuration (docs/format-v2.md §2)">
          Also an initial state
        </button>
      ) : null}
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
