import type { FieldJsonV2 } from '../../../model/v2/schema';
import { nextName, type FieldOwner } from '../../../store/v2/designEditsV2';
import { useBound } from './bound';
import { ListOf } from './ListOf';
import { NameField } from './NameField';
import { TypeFieldV2 } from './TypeFieldV2';

/**
 * The typed payload fields of a message kind or an event (`owner`), at `path` (`…/payload`), or
 * with `list: 'returns'` the reply data of a call event (`…/returns`). A field's name commits on
 * Enter or blur and renames what reads it (sends, calls, `event.F`, a reply's `returns`).
 */
export function PayloadFields({ path, owner, fields, roles, readOnly, label, list = 'payload' }: { path: string; owner: FieldOwner; fields: readonly FieldJsonV2[]; roles: readonly string[]; readOnly: boolean; label: string; list?: 'payload' | 'returns' }) {
  return (
    <fieldset className="list-editor">
      <legend>
        {label} {list}
      </legend>
      <ListOf
        path={path}
        items={fields}
        noun={`${list} field`}
        readOnly={readOnly}
        legend={(f, i) => f.name || `field ${i + 1}`}
        make={(): FieldJsonV2 => ({ name: nextName(list === 'returns' ? 'r' : 'f', fields.map((f) => f.name)), type: { int: [0, 1] } })}
        render={(f, p, i) => (
          <>
            <NameField label={`${label} ${list} field ${i + 1} name`} path={`${p}/name`} value={f.name} readOnly={readOnly} rename={(name) => ({ type: 'renameField', owner, field: i, name })} />
            <FieldType path={`${p}/type`} label={`${label} ${list} field ${i + 1}`} roles={roles} readOnly={readOnly} />
          </>
        )}
      />
    </fieldset>
  );
}

function FieldType({ path, label, roles, readOnly }: { path: string; label: string; roles: readonly string[]; readOnly: boolean }) {
  const [type, set] = useBound<FieldJsonV2['type']>(path);
  if (type === undefined) return null;
  return <TypeFieldV2 label={label} path={path} value={type} roles={roles} maps={false} readOnly={readOnly} onChange={(t) => set(t as FieldJsonV2['type'])} />;
}
