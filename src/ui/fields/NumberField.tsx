import { useEffect, useId, useState } from 'react';
import { fieldId } from './fieldId';
import { FieldError } from './FieldError';
import { useErrorsAt } from './useErrorsAt';

/** A number; empty means "not given" (the default applies). */
export function NumberField({ label, path, value, onChange, placeholder, readOnly = false }: {
  label: string;
  path: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  placeholder?: string;
  readOnly?: boolean;
}) {
  const errors = useErrorsAt(path);
  const errorId = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  useEffect(() => setDraft(value === undefined ? '' : String(value)), [value]);
  return (
    <label className="field field--number">
      <span>{label}</span>
      <input
        id={fieldId(path)}
        type="number"
        aria-label={label}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? errorId : undefined}
        value={draft}
        placeholder={placeholder}
        readOnly={readOnly}
        onChange={(e) => {
          setDraft(e.target.value);
          const text = e.target.value.trim();
          if (text === '') onChange(undefined);
          else if (Number.isFinite(Number(text))) onChange(Number(text));
        }}
      />
      <FieldError id={errorId} errors={errors} />
    </label>
  );
}
