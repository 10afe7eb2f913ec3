import type { DesignError } from '../../model/model';

/** The errors of one field, beside it; `id` lets the control point at them (aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors: readonly DesignError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field-error" id={id}>
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  );
}
