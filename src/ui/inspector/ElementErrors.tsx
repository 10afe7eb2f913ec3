import { useErrorsAt } from '../fields/useErrorsAt';
import { FieldError } from '../fields/FieldError';

/** Errors about an element as a whole (e.g. a missing key), shown at the top of its editor. */
export function ElementErrors({ path }: { path: string }) {
  return <FieldError id={`${path}-errors`} errors={useErrorsAt(path)} />;
}
