import * as H from './history';

export interface ApplyOptions {
  /** Edits with the same key in a row are one undo step (a drag, typing in one field). */
  readonly merge?: string;
  /** Applied without an undo step (automatic layout of a design that arrived without one). */
  readonly silent?: boolean;
}

/** The actions of an editor store that edits its design with undo (either format version). */
export interface UndoActions<E> {
  readonly apply: (edit: E, options?: ApplyOptions) => void;
  readonly undo: () => boolean;
  readonly redo: () => boolean;
  /** Ends a merge run (a field lost focus): the next edit starts a new undo step. */
  readonly breakMerge: () => void;
}

/** How one format edits its design and keeps its canvas selection valid. */
export interface UndoRules<D, E, S> {
  readonly applyEdit: (design: D, edit: E) => D;
  /** The selection after the design changed under it (undo, redo): dropped where gone. */
  readonly keepSelection: (selection: S, design: D) => S;
  /** The selection after an edit (e.g. following a rename, then kept); without it an edit leaves the selection as is. */
  readonly afterEdit?: (selection: S, edit: E, before: D, after: D) => S;
}

interface Undone<D, S> {
  readonly design: D;
  readonly history: H.History<D>;
  readonly selection: S;
}

/**
 * apply/undo/redo/breakMerge of a zustand store holding `design`, `history` and `selection`:
 * one statement of how an edit becomes an undo step, for version 1's and version 2's editors.
 */
export function undoActions<D, E, S>(set: (partial: Partial<Undone<D, S>>) => void, get: () => Undone<D, S>, rules: UndoRules<D, E, S>): UndoActions<E> {
  const travel = (r: { design: D; history: H.History<D> } | null): boolean => {
    if (!r) return false;
    set({ design: r.design, history: r.history, selection: rules.keepSelection(get().selection, r.design) });
    return true;
  };
  return {
    apply: (edit, options = {}) => {
      const { design, history, selection } = get();
      const next = rules.applyEdit(design, edit);
      if (next === design) return;
      const history2 = options.silent ? history : H.record(history, design, options.merge ?? null);
      set(rules.afterEdit ? { design: next, history: history2, selection: rules.afterEdit(selection, edit, design, next) } : { design: next, history: history2 });
    },
    undo: () => travel(H.undo(get().history, get().design)),
    redo: () => travel(H.redo(get().history, get().design)),
    breakMerge: () => set({ history: H.breakMerge(get().history) }),
  };
}
