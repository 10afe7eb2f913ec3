import type { PayloadFieldJson } from '../../model/schema';
import { nextName } from '../../store/designEdits';
import { useDesign, useDesignState } from '../../store/useDesign';
import { TextField } from '../fields/TextField';
import { ElementErrors } from '../inspector/ElementErrors';
import { TypeField } from './TypeField';

/** A client event's payload fields, each a name and a type. */
export function PayloadEditor({ index, readOnly }: { index: number; readOnly: boolean }) {
  const event = useDesign().events[index];
  const apply = useDesignState((s) => s.apply);
  if (!event) return null;
  const fields = event.payload ?? [];
  const path = `/events/${index}/payload`;
  const set = (next: PayloadFieldJson[]) => apply({ type: 'updateEvent', index, patch: { payload: next.length ? next : undefined } });
  return (
    <fieldset className="list-editor">
      <legend>Payload</legend>
      <ElementErrors path={path} />
      {fields.map((f, k) => (
        <div className="list-item list-item--column" key={k}>
          <TextField label={`Payload field ${k + 1} name`} path={`${path}/${k}/name`} value={f.name} commit readOnly={readOnly} onChange={(name) => set(fields.map((x, i) => (i === k ? { ...x, name } : x)))} />
          <TypeField label={`Payload field ${k + 1}`} path={`${path}/${k}/type`} value={f.type} readOnly={readOnly} onChange={(type) => set(fields.map((x, i) => (i === k ? { ...x, type } : x)))} />
          {!readOnly && (
            <button type="button" aria-label={`Remove payload field ${k + 1}`} onClick={() => set(fields.filter((_, i) => i !== k))}>
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => set([...fields, { name: nextName('f', fields.map((f) => f.name)), type: { int: [1, 2] } }])}>
          Add payload field
        </button>
      )}
    </fieldset>
  );
}
