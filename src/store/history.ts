import type { Design } from '../model/schema';

/**
 * Undo history of design snapshots. Designs are immutable and edits share structure, so a
 * snapshot costs only the arrays an edit replaced. Consecutive edits with the same merge key (one
 * drag, typing in one field) collapse into one step, as CodeMirror merges typing; any other edit
 * or an explicit `breakMerge` ends the run.
 */
export interface History {
  readonly past: readonly Design[];
  readonly future: readonly Design[];
  /** The merge key of the last recorded edit, or null when the next edit starts a new step. */
  readonly mergeKey: string | null;
}

/** Steps kept; older ones fall off (the documents themselves are saved whole). */
export const HISTORY_LIMIT = 300;

export const emptyHistory: History = { past: [], future: [], mergeKey: null };

/** Records that `before` was replaced by an edit; returns the new history. */
export function record(history: History, before: Design, mergeKey: string | null = null): History {
  if (mergeKey !== null && mergeKey === history.mergeKey) return { ...history, future: [] };
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], mergeKey };
}

export function breakMerge(history: History): History {
  return history.mergeKey === null ? history : { ...history, mergeKey: null };
}

/** Steps back; null when there is nothing to undo. */
export function undo(history: History, current: Design): { history: History; design: Design } | null {
  const design = history.past[history.past.length - 1];
  if (!design) return null;
  return { design, history: { past: history.past.slice(0, -1), future: [current, ...history.future], mergeKey: null } };
}

/** Steps forward again; null when there is nothing to redo. */
export function redo(history: History, current: Design): { history: History; design: Design } | null {
  const design = history.future[0];
  if (!design) return null;
  return { design, history: { past: [...history.past, current], future: history.future.slice(1), mergeKey: null } };
}
