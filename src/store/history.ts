import type { Design } from '../model/schema';

/**
 * Undo history of design snapshots. Designs are immutable and edits share structure, so a
 * snapshot costs only the arrays an edit replaced. Consecutive edits with the same merge key (one
 * drag, typing in one field) collapse into one step, as CodeMirror merges typing; any other edit
 * or an explicit `breakMerge` ends the run. Generic over the design's format version (v1 `Design`
 * by default, `DesignV2` for `src/store/v2`).
 */
export interface History<D = Design> {
  readonly past: readonly D[];
  readonly future: readonly D[];
  /** The merge key of the last recorded edit, or null when the next edit starts a new step. */
  readonly mergeKey: string | null;
}

/** Steps kept; older ones fall off (the documents themselves are saved whole). */
export const HISTORY_LIMIT = 300;

export const emptyHistory: History<never> = { past: [], future: [], mergeKey: null };

/** Records that `before` was replaced by an edit; returns the new history. */
export function record<D>(history: History<D>, before: D, mergeKey: string | null = null): History<D> {
  if (mergeKey !== null && mergeKey === history.mergeKey) return { ...history, future: [] };
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], mergeKey };
}

export function breakMerge<D>(history: History<D>): History<D> {
  return history.mergeKey === null ? history : { ...history, mergeKey: null };
}

/** Steps back; null when there is nothing to undo. */
export function undo<D>(history: History<D>, current: D): { history: History<D>; design: D } | null {
  const design = history.past[history.past.length - 1];
  if (!design) return null;
  return { design, history: { past: history.past.slice(0, -1), future: [current, ...history.future], mergeKey: null } };
}

/** Steps forward again; null when there is nothing to redo. */
export function redo<D>(history: History<D>, current: D): { history: History<D>; design: D } | null {
  const design = history.future[0];
  if (!design) return null;
  return { design, history: { past: [...history.past, current], future: history.future.slice(1), mergeKey: null } };
}
