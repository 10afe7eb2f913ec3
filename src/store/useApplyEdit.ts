import type { DesignEdit } from './designEdits';
import type { ApplyOptions } from './designStore';
import { useDesignState } from './useDesign';

/** The action every panel edits the design through: one typed edit, one undo step (or a merged one). */
export function useApplyEdit(): (edit: DesignEdit, options?: ApplyOptions) => void {
  return useDesignState((s) => s.apply);
}
