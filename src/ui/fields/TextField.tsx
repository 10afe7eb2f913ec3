import { useEffect, useId, useState } from 'react';
import { fieldId } from './fieldId';
import { useBreakMerge } from './fieldSource';
import { FieldError } from './FieldError';
import { useErrorsAt } from './useErrorsAt';

interface TextFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  /** Called with the text; typing in one field merges into one undo step. */
  readonly onChange: (value: string) => void;
  /** Names commit on Enter or blur, not per key: a half-typed name must not rename references. */
  readonly commit?: boolean;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly readOnly?: boolean;
}

export function TextField({ label, path, value, onChange, commit = false, multiline = false, placeholder, readOnly = false }: TextFieldProps) {
  const errors = useErrorsAt(path);
  const breakMerge = useBreakMerge();
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  // A committed field shows its draft until it commits; an undo elsewhere resets the draft.
  useEffect(() => setDraft(value), [value]);
  const shown = commit ? draft : value;
  const done = () => {
    if (commit && draft !== value) onChange(draft);
    breakMerge();
  };
  const common = {
    id: fieldId(path),
    'aria-label': label,
    'aria-invalid': errors.length > 0,
    'aria-describedby': errors.length ? errorId : undefined,
    value: shown,
    placeholder,
    readOnly,
    onBlur: done,
    onChange: (e: { target: { value: string } }) => (commit ? setDraft(e.target.value) : onChange(e.target.value)),
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          type="text"
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') done();
            if (e.key === 'Escape' && commit) setDraft(value);
          }}
        />
      )}
      <FieldError id={errorId} errors={errors} />
    </label>
  );
}
