import type { DesignEditV2 } from '../../../store/v2/designEditsV2';
import { useDesignStateV2 } from '../../../store/v2/useDesignV2';
import { TextField } from '../../fields/TextField';

/**
 * A name that others refer to (role, state, message kind, event): it commits on Enter or blur
 * and renames through `rename`, which rewrites the references in the same undo step.
 */
export function NameField({ label, path, value, readOnly, rename }: { label: string; path: string; value: string; readOnly: boolean; rename: (name: string) => DesignEditV2 }) {
  const apply = useDesignStateV2((s) => s.apply);
  return <TextField label={label} path={path} value={value} commit readOnly={readOnly} onChange={(name) => apply(rename(name.trim()))} />;
}
