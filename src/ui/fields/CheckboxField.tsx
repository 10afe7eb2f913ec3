import { fieldId } from './fieldId';
import { FieldError } from './FieldError';
import { useErrorsAt } from './useErrorsAt';

export function CheckboxField({ label, path, checked, onChange, disabled = false }: {
  label: string;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const errors = useErrorsAt(path);
  return (
    <label className="field field--checkbox">
      <input id={fieldId(path)} type="checkbox" aria-label={label} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
      <FieldError id={`${fieldId(path)}-errors`} errors={errors} />
    </label>
  );
}
