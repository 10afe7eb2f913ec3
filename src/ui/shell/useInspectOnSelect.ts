import { useEffect } from 'react';
import { useEditorStores } from '../../store/editorContext';
import type { SideTab } from './sidePanelContext';

/**
 * Selecting something on the canvas (mouse or keyboard) opens it in the inspector, whatever panel
 * was showing: the selection is what the person is now working on. Clearing it changes nothing.
 */
export function useInspectOnSelect(setTab: (tab: SideTab) => void): void {
  const { designs } = useEditorStores();
  useEffect(
    () =>
      designs.subscribe((state, previous) => {
        const { selection } = state;
        if (selection.states.length === 0 && selection.transitions.length === 0) return;
        if (sameItems(selection.states, previous.selection.states) && sameItems(selection.transitions, previous.selection.transitions)) return;
        setTab('inspector');
      }),
    [designs, setTab],
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
