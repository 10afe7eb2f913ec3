import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DesignV2 } from '../../model/v2/schema';
import * as H from '../history';
import { undoActions, type UndoActions } from '../undoable';
import { applyEditV2, type DesignEditV2 } from './designEditsV2';

/** What is selected: elements of one role's canvas (session state, never saved, never undone). */
export interface SelectionV2 {
  /** Index of the role whose canvas holds the selection, or null. */
  readonly role: number | null;
  readonly states: readonly string[];
  readonly transitions: readonly number[];
}

export const noSelectionV2: SelectionV2 = { role: null, states: [], transitions: [] };

export interface DesignStateV2 extends UndoActions<DesignEditV2> {
  readonly design: DesignV2;
  readonly history: H.History<DesignV2>;
  readonly selection: SelectionV2;
  /** Loads another document: its design, an empty history, nothing selected. */
  readonly reset: (design: DesignV2) => void;
  readonly select: (selection: SelectionV2) => void;
  /** Removes the selected states and transitions of the selected role (one undo step). */
  readonly deleteSelection: () => boolean;
}

export type DesignStoreV2 = StoreApi<DesignStateV2>;

/** One per editor (made beside the version-1 store); the workspace puts a version-2 document in it. */
export function createDesignStoreV2(initial: DesignV2): DesignStoreV2 {
  return createStore<DesignStateV2>()((set, get) => ({
    design: initial,
    history: H.emptyHistory,
    selection: noSelectionV2,
    ...undoActions<DesignV2, DesignEditV2, SelectionV2>(set, get, {
      applyEdit: applyEditV2,
      keepSelection,
      afterEdit: (selection, edit, before, after) => keepSelection(followRenames(selection, edit, before, after), after),
    }),
    reset: (design) => set({ design, history: H.emptyHistory, selection: noSelectionV2 }),
    select: (selection) => set({ selection }),
    deleteSelection: () => {
      const { selection, apply } = get();
      if (selection.role === null || (selection.states.length === 0 && selection.transitions.length === 0)) return false;
      apply({ type: 'removeElements', role: selection.role, states: selection.states, transitions: selection.transitions });
      set({ selection: { ...selection, states: [], transitions: [] } });
      return true;
    },
  }));
}

/** A selected state renamed stays selected under its new name (the inspector stays on it). */
function followRenames(selection: SelectionV2, edit: DesignEditV2, before: DesignV2, after: DesignV2): SelectionV2 {
  if (edit.type === 'batch') return edit.edits.reduce((sel, e) => followRenames(sel, e, before, after), selection);
  if (edit.type !== 'renameState' || edit.role !== selection.role) return selection;
  const old = before.roles[edit.role]?.states[edit.state]?.name;
  const renamed = after.roles[edit.role]?.states[edit.state]?.name;
  // Onto a taken name the selection would point at the other state: it is dropped instead.
  const unique = after.roles[edit.role]?.states.filter((st) => st.name === renamed).length === 1;
  if (old === undefined || renamed !== edit.name || !unique || !selection.states.includes(old)) return selection;
  return { ...selection, states: selection.states.map((n) => (n === old ? renamed : n)) };
}

/** Drops a selection whose role, states or transitions no longer exist. */
function keepSelection(selection: SelectionV2, design: DesignV2): SelectionV2 {
  if (selection.role === null) return selection;
  const role = design.roles[selection.role];
  if (!role) return noSelectionV2;
  const names = new Set(role.states.map((s) => s.name));
  const states = selection.states.filter((n) => names.has(n));
  const transitions = selection.transitions.filter((i) => i < role.transitions.length);
  return states.length === selection.states.length && transitions.length === selection.transitions.length ? selection : { role: selection.role, states, transitions };
}
