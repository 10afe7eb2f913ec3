import { useDesign, useDesignState } from '../../store/useDesign';
import { CheckboxField } from '../fields/CheckboxField';
import { SelectField, choicesOf, orDefault } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from './ElementErrors';

export function StateInspector({ index, readOnly }: { index: number; readOnly: boolean }) {
  const state = useDesign().states[index];
  const apply = useDesignState((s) => s.apply);
  const deleteSelection = useDesignState((s) => s.deleteSelection);
  if (!state) return null;
  const path = `/states/${index}`;
  const patch = (p: Parameters<typeof apply>[0] extends infer E ? (E extends { type: 'updateState'; patch: infer P } ? P : never) : never, merge?: string) =>
    apply({ type: 'updateState', index, patch: p }, merge ? { merge } : {});
  return (
    <section className="inspector" aria-label={`State ${state.name}`}>
      <h2>State</h2>
      <ElementErrors path={path} />
      <TextField label="State name" path={`${path}/name`} value={state.name} commit readOnly={readOnly} onChange={(name) => patch({ name })} />
      <CheckboxField label="Initial state" path={`${path}/initial`} checked={state.initial === true} disabled={readOnly} onChange={(v) => patch({ initial: v || undefined })} />
      <CheckboxField label="Final state" path={`${path}/final`} checked={state.final === true} disabled={readOnly} onChange={(v) => patch({ final: v || undefined })} />
      <SelectField
        label="State storage"
        path={`${path}/storage`}
        value={orDefault(state.storage, 'durable')}
        choices={choicesOf(['durable', 'volatile'], 'durable (default)')}
        disabled={readOnly}
        onChange={(v) => patch({ storage: v === '' ? undefined : (v as 'durable' | 'volatile') })}
      />
      <TextField label="State description" path={`${path}/description`} value={state.description ?? ''} multiline readOnly={readOnly} onChange={(v) => patch({ description: v || undefined }, `${path}/description`)} />
      {!readOnly && (
        <button type="button" className="danger" onClick={deleteSelection}>
          Delete state
        </button>
      )}
    </section>
  );
}
