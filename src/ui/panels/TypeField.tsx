import type { ValueTypeJson } from '../../model/schema';
import { NumberField } from '../fields/NumberField';
import { SelectField, choicesOf } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from '../inspector/ElementErrors';

/** A value type: bool, int [lo, hi] or enum of names. */
export function TypeField({ label, path, value, onChange, readOnly }: {
  label: string;
  path: string;
  value: ValueTypeJson;
  onChange: (type: ValueTypeJson) => void;
  readOnly: boolean;
}) {
  const kind = value === 'bool' ? 'bool' : 'int' in value ? 'int' : 'enum';
  return (
    <div className="type-field">
      <ElementErrors path={path} />
      <SelectField
        label={`${label} type`}
        path={`${path}#kind`}
        value={kind}
        choices={choicesOf(['bool', 'int', 'enum'])}
        disabled={readOnly}
        onChange={(k) => onChange(k === 'bool' ? 'bool' : k === 'int' ? { int: [0, 1] } : { enum: ['a', 'b'] })}
      />
      {typeof value === 'object' && 'int' in value && (
        <div className="field-row">
          <NumberField label={`${label} lowest`} path={`${path}/int/0`} value={value.int[0]} readOnly={readOnly} onChange={(lo) => onChange({ int: [lo ?? 0, value.int[1]] })} />
          <NumberField label={`${label} highest`} path={`${path}/int/1`} value={value.int[1]} readOnly={readOnly} onChange={(hi) => onChange({ int: [value.int[0], hi ?? 0] })} />
        </div>
      )}
      {typeof value === 'object' && 'enum' in value && (
        <TextField
          label={`${label} values`}
          path={`${path}/enum`}
          value={value.enum.join(', ')}
          commit
          readOnly={readOnly}
          placeholder="a, b, c"
          onChange={(text) => onChange({ enum: text.split(',').map((v) => v.trim()).filter((v) => v !== '') })}
        />
      )}
    </div>
  );
}

/** A sensible initial value for a type (the lowest int, false, the first enum value). */
export function defaultValueOf(type: ValueTypeJson): number | boolean | string {
  if (type === 'bool') return false;
  if ('int' in type) return type.int[0];
  return type.enum[0] ?? '';
}

/**
 * The initial value kept across a type change: the same value when still allowed, the value at
 * the same position when an enum value was renamed in place, else the type's default.
 */
export function initialAfterTypeChange(before: ValueTypeJson, after: ValueTypeJson, initial: number | boolean | string): number | boolean | string {
  if (after === 'bool') return typeof initial === 'boolean' ? initial : false;
  if ('int' in after) return typeof initial === 'number' && initial >= after.int[0] && initial <= after.int[1] ? initial : after.int[0];
  if (typeof initial === 'string' && after.enum.includes(initial)) return initial;
  if (typeof before === 'object' && 'enum' in before && before.enum.length === after.enum.length && typeof initial === 'string') {
    const at = before.enum.indexOf(initial);
    if (at >= 0) return after.enum[at]!;
  }
  return defaultValueOf(after);
}
