import { createContext, useContext } from 'react';
import type { DesignError } from '../../model/model';
import { useDesignState } from '../../store/useDesign';

/**
 * Where fields find the loader's errors and the undo history to end a merge run. Absent: the
 * version-1 design store (the default). The version-2 editor provides its own, so the same
 * fields bind to JSON Pointers in a version-2 design.
 */
export interface FieldSource {
  readonly errors: readonly DesignError[];
  readonly breakMerge: () => void;
}

export const FieldSourceContext = createContext<FieldSource | null>(null);

export function useFieldSource(): FieldSource | null {
  return useContext(FieldSourceContext);
}

/** Ends the current merge run of whichever design the field edits. */
export function useBreakMerge(): () => void {
  const source = useFieldSource();
  const v1 = useDesignState((s) => s.breakMerge);
  return source?.breakMerge ?? v1;
}
