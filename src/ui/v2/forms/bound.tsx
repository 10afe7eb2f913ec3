import { useCallback } from 'react';
import { valueAt } from '../../../store/v2/designEditsV2';
import { useDesignStateV2 } from '../../../store/v2/useDesignV2';
import { CheckboxField } from '../../fields/CheckboxField';
import { ExprField } from '../../fields/ExprField';
import { NumberField } from '../../fields/NumberField';
import { orDefault, SelectField, type Choice } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';

/**
 * The version-1 fields bound to a JSON Pointer in the open version-2 design: each reads its
 * value there and writes it back with a `set` edit (typing in one field is one undo step), so
 * a form is a list of pointers. A new key of the format (calls) is a new field, not a new edit.
 */
export function useBound<T>(path: string): [T | undefined, (value: T | undefined, merge?: boolean) => void] {
  const value = useDesignStateV2((s) => valueAt(s.design, path)) as T | undefined;
  const apply = useDesignStateV2((s) => s.apply);
  const set = useCallback((next: T | undefined, merge = false) => apply({ type: 'set', path, value: next }, merge ? { merge: path } : {}), [apply, path]);
  return [value, set];
}

interface BoundProps {
  readonly label: string;
  readonly path: string;
  readonly readOnly: boolean;
}

/** Text; empty clears an optional key when `optional`. */
export function BoundText({ label, path, readOnly, optional = false, multiline = false, placeholder }: BoundProps & { optional?: boolean; multiline?: boolean; placeholder?: string }) {
  const [value, set] = useBound<string>(path);
  return <TextField label={label} path={path} value={value ?? ''} readOnly={readOnly} multiline={multiline} placeholder={placeholder} onChange={(v) => set(optional && v === '' ? undefined : v, true)} />;
}

/** An expression (guard, update, invariant, send target or payload), in CodeMirror. */
export function BoundExpr({ label, path, readOnly, optional = false, placeholder }: BoundProps & { optional?: boolean; placeholder?: string }) {
  const [value, set] = useBound<string>(path);
  return <ExprField label={label} path={path} value={value ?? ''} readOnly={readOnly} placeholder={placeholder} onChange={(v) => set(optional && v.trim() === '' ? undefined : v, true)} />;
}

/** A number; empty removes the key (its default applies). */
export function BoundNumber({ label, path, readOnly, placeholder }: BoundProps & { placeholder?: string }) {
  const [value, set] = useBound<number>(path);
  return <NumberField label={label} path={path} value={typeof value === 'number' ? value : undefined} readOnly={readOnly} placeholder={placeholder} onChange={(v) => set(v, true)} />;
}

/**
 * One of `choices`; the empty value removes the key. With `defaultValue` (the choices made by
 * `choicesOf(values, 'x (default)')`), a key written out with its default shows as the default.
 */
export function BoundSelect({ label, path, readOnly, choices, defaultValue }: BoundProps & { choices: readonly Choice[]; defaultValue?: string }) {
  const [value, set] = useBound<string>(path);
  const shown = defaultValue === undefined ? (value ?? '') : orDefault(value, defaultValue);
  return <SelectField label={label} path={path} value={shown} choices={choices} disabled={readOnly} onChange={(v) => set(v === '' ? undefined : v)} />;
}

/** A flag written only when it differs from its default (the key is removed otherwise). */
export function BoundCheckbox({ label, path, readOnly, defaultValue = false }: BoundProps & { defaultValue?: boolean }) {
  const [value, set] = useBound<boolean>(path);
  return <CheckboxField label={label} path={path} checked={value ?? defaultValue} disabled={readOnly} onChange={(v) => set(v === defaultValue ? undefined : v)} />;
}
