import { useId } from 'react';
import { fieldId } from './fieldId';
import { FieldError } from './FieldError';
import { useErrorsAt } from './useErrorsAt';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** One of a few values; the empty value (when offered) means "not given, use the default". */
export function SelectField({ label, path, value, choices, onChange, disabled = false }: {
  label: string;
  path: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const errors = useErrorsAt(path);
  const errorId = useId();
  const known = choices.some((c) => c.value === value);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        id={fieldId(path)}
        aria-label={label}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? errorId : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && <option value={value}>{value} (unknown)</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </label>
  );
}

/**
 * Choices from plain values, with an optional "default" entry for an absent key, labelled
 * `value (default)`: that value is then listed once, as the default, not a second time.
 */
export function choicesOf(values: readonly string[], defaultLabel?: string): Choice[] {
  const defaultValue = defaultLabel?.replace(/ \(default\)$/, '');
  return [...(defaultLabel ? [{ value: '', label: defaultLabel }] : []), ...values.filter((v) => v !== defaultValue).map((v) => ({ value: v, label: v }))];
}

/** The select's value for a key written out with its default value: shown as the default entry. */
export function orDefault(value: string | undefined, defaultValue: string): string {
  return value === undefined || value === defaultValue ? '' : value;
}
