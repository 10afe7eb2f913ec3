import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Design } from '../model/schema';
import { applyEdit, copyFragment, paste, type DesignEdit, type Fragment, type Point } from './designEdits';
import * as H from './history';
import { undoActions, type UndoActions } from './undoable';

export type { ApplyOptions } from './undoable';

/** What is selected on the canvas: session state, never saved, never undone. */
export interface Selection {
  readonly states: readonly string[];
  readonly transitions: readonly number[];
}

export const noSelection: Selection = { states: [], transitions: [] };

export interface DesignState extends UndoActions<DesignEdit> {
  readonly design: Design;
  readonly history: H.History;
  readonly selection: Selection;
  /** States copied with Ctrl+C, with the transitions among them. */
  readonly clipboard: Fragment | null;
  /** The state being renamed in place on the canvas (F2 or double-click). */
  readonly renaming: string | null;
  readonly setRenaming: (name: string | null) => void;
  /** The new-transition dialog, opened by a drag between states or from the keyboard (session only). */
  readonly transitionPrompt: TransitionPrompt | null;
  readonly setTransitionPrompt: (prompt: TransitionPrompt | null) => void;
  /** Loads another document: its design, an empty history, nothing selected. */
  readonly reset: (design: Design) => void;
  readonly select: (selection: Selection) => void;
  readonly copy: () => boolean;
  readonly paste: (offset?: Point) => boolean;
  readonly deleteSelection: () => boolean;
}

export type DesignStore = StoreApi<DesignState>;

/** Ends of a transition being added: fixed by a drag, or chosen in the dialog (`choose`). */
export interface TransitionPrompt {
  readonly from: string;
  readonly to: string;
  readonly choose?: boolean;
}

/** A store per editor (made by the provider, or by a test): never a module singleton. */
export function createDesignStore(initial: Design): DesignStore {
  return createStore<DesignState>()((set, get) => ({
    design: initial,
    history: H.emptyHistory,
    selection: noSelection,
    clipboard: null,
    renaming: null,
    setRenaming: (renaming) => set({ renaming }),
    transitionPrompt: null,
    setTransitionPrompt: (transitionPrompt) => set({ transitionPrompt }),
    ...undoActions<Design, DesignEdit, Selection>(set, get, { applyEdit, keepSelection }),
    reset: (design) => set({ design, history: H.emptyHistory, selection: noSelection }),
    select: (selection) => set({ selection }),
    copy: () => {
      const { selection, design } = get();
      if (selection.states.length === 0) return false;
      set({ clipboard: copyFragment(design, selection.states) });
      return true;
    },
    paste: (offset = { x: 40, y: 40 }) => {
      const { clipboard, design, history } = get();
      if (!clipboard || clipboard.states.length === 0) return false;
      const r = paste(design, clipboard, offset);
      // The clipboard moves on, so pasting twice does not stack copies on one spot.
      const moved: Fragment = {
        ...clipboard,
        positions: Object.fromEntries(Object.entries(clipboard.positions).map(([k, p]) => [k, { x: p.x + offset.x, y: p.y + offset.y }])),
      };
      set({ design: r.design, history: H.record(history, design), selection: { states: r.names, transitions: [] }, clipboard: moved });
      return true;
    },
    deleteSelection: () => {
      const { selection, apply } = get();
      if (selection.states.length === 0 && selection.transitions.length === 0) return false;
      apply({ type: 'removeSelection', states: selection.states, transitions: selection.transitions });
      set({ selection: noSelection });
      return true;
    },
  }));
}

/** Drops selected names and indices that no longer exist after an undo or redo. */
function keepSelection(selection: Selection, design: Design): Selection {
  const names = new Set(design.states.map((s) => s.name));
  return {
    states: selection.states.filter((n) => names.has(n)),
    transitions: selection.transitions.filter((i) => i < design.transitions.length),
  };
}
