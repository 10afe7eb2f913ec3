import type { ScalarTypeJsonV2, ValueTypeJsonV2 } from '../../../model/v2/schema';
import { NumberField } from '../../fields/NumberField';
import { SelectField, choicesOf } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { ElementErrors } from '../../inspector/ElementErrors';

type Kind = 'bool' | 'int' | 'enum' | 'id' | 'map';

function kindOf(type: ValueTypeJsonV2): Kind {
  if (type === 'bool') return 'bool';
  if ('int' in type) return 'int';
  if ('enum' in type) return 'enum';
  if ('id' in type) return 'id';
  return 'map';
}

/**
 * A version-2 value type: bool, int [lo, hi], enum, an instance id of a role, or (with `maps`)
 * a map from a role's instances to a scalar type. Payload fields and map values are scalar.
 */
export function TypeFieldV2({ label, path, value, roles, maps, readOnly, onChange }: {
  label: string;
  path: string;
  value: ValueTypeJsonV2;
  roles: readonly string[];
  maps: boolean;
  readOnly: boolean;
  onChange: (type: ValueTypeJsonV2) => void;
}) {
  const kind = kindOf(value);
  const firstRole = roles[0] ?? 'Role';
  const make = (k: Kind): ValueTypeJsonV2 =>
    k === 'bool' ? 'bool' : k === 'int' ? { int: [0, 1] } : k === 'enum' ? { enum: ['a', 'b'] } : k === 'id' ? { id: firstRole } : { map: { from: firstRole, to: 'bool' } };
  return (
    <div className="type-field">
      <ElementErrors path={path} />
      <SelectField label={`${label} type`} path={`${path}#kind`} value={kind} choices={choicesOf(maps ? ['bool', 'int', 'enum', 'id', 'map'] : ['bool', 'int', 'enum', 'id'])} disabled={readOnly} onChange={(k) => onChange(make(k as Kind))} />
      {typeof value === 'object' && 'int' in value && (
        <div className="field-row">
          <NumberField label={`${label} lowest`} path={`${path}/int/0`} value={value.int[0]} readOnly={readOnly} onChange={(lo) => onChange({ int: [lo ?? 0, value.int[1]] })} />
          <NumberField label={`${label} highest`} path={`${path}/int/1`} value={value.int[1]} readOnly={readOnly} onChange={(hi) => onChange({ int: [value.int[0], hi ?? 0] })} />
        </div>
      )}
      {typeof value === 'object' && 'enum' in value && (
        <TextField label={`${label} values`} path={`${path}/enum`} value={value.enum.join(', ')} commit readOnly={readOnly} placeholder="a, b, c" onChange={(text) => onChange({ enum: text.split(',').map((v) => v.trim()).filter((v) => v !== '') })} />
      )}
      {typeof value === 'object' && 'id' in value && (
        <SelectField label={`${label} instance of`} path={`${path}/id`} value={value.id} choices={choicesOf(roles)} disabled={readOnly} onChange={(id) => onChange({ id })} />
      )}
      {typeof value === 'object' && 'map' in value && (
        <>
          <SelectField label={`${label} one entry per instance of`} path={`${path}/map/from`} value={value.map.from} choices={choicesOf(roles)} disabled={readOnly} onChange={(from) => onChange({ map: { ...value.map, from } })} />
          <TypeFieldV2 label={`${label} entry`} path={`${path}/map/to`} value={value.map.to} roles={roles} maps={false} readOnly={readOnly} onChange={(to) => onChange({ map: { ...value.map, to: to as ScalarTypeJsonV2 } })} />
        </>
      )}
    </div>
  );
}

/** The initial value kept across a type change when still allowed, else the type's default. */
export function initialFor(type: ValueTypeJsonV2, before: unknown): number | boolean | string {
  const scalar = typeof type === 'object' && 'map' in type ? type.map.to : type;
  if (scalar === 'bool') return typeof before === 'boolean' ? before : false;
  if ('int' in scalar) return typeof before === 'number' && before >= scalar.int[0] && before <= scalar.int[1] ? before : scalar.int[0];
  if ('enum' in scalar) return typeof before === 'string' && scalar.enum.includes(before) ? before : (scalar.enum[0] ?? '');
  return typeof before === 'string' && before.startsWith(scalar.id) ? before : `${scalar.id}[1]`;
}
