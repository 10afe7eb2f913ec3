import { mapLevels, type ScalarTypeJsonV2, type ValueTypeJsonV2, type VarJsonV2 } from '../../../model/v2/schema';
import { NumberField } from '../../fields/NumberField';
import { SelectField, choicesOf } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { ElementErrors } from '../../inspector/ElementErrors';

type Kind = 'bool' | 'int' | 'enum' | 'id' | 'map' | 'other';

function kindOf(type: ValueTypeJsonV2): Kind {
  if (type === 'bool') return 'bool';
  if ('int' in type) return 'int';
  if ('enum' in type) return 'enum';
  if ('id' in type) return 'id';
  // A set, a map keyed by values, a map to sets or a nested map (docs/format-v2.md §2): edited as JSON here.
  if ('set' in type || typeof type.map.from !== 'string' || (typeof type.map.to === 'object' && ('set' in type.map.to || 'map' in type.map.to))) return 'other';
  return 'map';
}

/** A type this form has no fields for, as its JSON: a new text that parses replaces it; one that does not is left for the person to fix. */
function JsonTypeField({ label, path, value, readOnly, onChange }: { label: string; path: string; value: ValueTypeJsonV2; readOnly: boolean; onChange: (type: ValueTypeJsonV2) => void }) {
  return (
    <TextField
      label={`${label} (JSON)`}
      path={`${path}#json`}
      value={JSON.stringify(value)}
      commit
      readOnly={readOnly}
      onChange={(text) => {
        try {
          onChange(JSON.parse(text) as ValueTypeJsonV2);
        } catch {
          // Not JSON: the type stays as it was.
        }
      }}
    />
  );
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
      <SelectField label={`${label} type`} path={`${path}#kind`} value={kind} choices={choicesOf([...(maps ? ['bool', 'int', 'enum', 'id', 'map'] : ['bool', 'int', 'enum', 'id']), ...(kind === 'other' ? ['other'] : [])])} disabled={readOnly} onChange={(k) => k !== 'other' && onChange(make(k as Kind))} />
      {kind === 'other' && <JsonTypeField label={label} path={path} value={value} readOnly={readOnly} onChange={onChange} />}
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
      {kind === 'map' && typeof value === 'object' && 'map' in value && typeof value.map.from === 'string' && !(typeof value.map.to === 'object' && ('set' in value.map.to || 'map' in value.map.to)) && (
        // Keyed by a role's instances, to a scalar (the other maps are edited as JSON above).
        <MapFields label={label} path={path} value={{ map: { from: value.map.from, to: value.map.to } }} roles={roles} readOnly={readOnly} onChange={onChange} />
      )}
    </div>
  );
}

/** A map keyed by a role's instances: the role and the entry's type. */
function MapFields({ label, path, value, roles, readOnly, onChange }: { label: string; path: string; value: { map: { from: string; to: ScalarTypeJsonV2 } }; roles: readonly string[]; readOnly: boolean; onChange: (type: ValueTypeJsonV2) => void }) {
  return (
    <>
      <SelectField label={`${label} one entry per instance of`} path={`${path}/map/from`} value={value.map.from} choices={choicesOf(roles)} disabled={readOnly} onChange={(from) => onChange({ map: { ...value.map, from } })} />
      <TypeFieldV2 label={`${label} entry`} path={`${path}/map/to`} value={value.map.to} roles={roles} maps={false} readOnly={readOnly} onChange={(to) => onChange({ map: { ...value.map, to: to as ScalarTypeJsonV2 } })} />
    </>
  );
}

/** The initial value kept across a type change when still allowed, else the type's default. */
export function initialFor(type: ValueTypeJsonV2, before: unknown): VarJsonV2['initial'] {
  const scalar = mapLevels(type).leaf;
  // A set starts empty (a list of its elements, docs/format-v2.md §2).
  if (typeof scalar === 'object' && 'set' in scalar) return Array.isArray(before) ? before : [];
  if (scalar === 'bool') return typeof before === 'boolean' ? before : false;
  if ('int' in scalar) return typeof before === 'number' && before >= scalar.int[0] && before <= scalar.int[1] ? before : scalar.int[0];
  if ('enum' in scalar) return typeof before === 'string' && scalar.enum.includes(before) ? before : (scalar.enum[0] ?? '');
  return typeof before === 'string' && before.startsWith(scalar.id) ? before : `${scalar.id}[1]`;
}
