import { useEffect } from 'react';
import { isTextField } from '../commands/useCommandKeys';

/** What the Simulate keys do to a run of either format, read when a key is pressed. */
export interface RunKeyActions {
  /** Where the run stands, or null while there is no run. */
  readonly position: () => { readonly cursor: number; readonly length: number } | null;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Takes the enabled step shown at place `n` (0 first); false when there is none. */
  readonly takeAt: (n: number) => boolean;
}

/**
 * Keys of the Simulate mode (both formats), outside text fields: ← or Ctrl+Z steps back (undo),
 * → or Ctrl+Shift+Z / Ctrl+Y steps forward again (redo), 1–9 take the enabled step shown at that
 * place. Arrows keep their meaning inside tab lists. `actions` should keep its identity between renders.
 */
export function useRunKeys(actions: RunKeyActions | null): void {
  useEffect(() => {
    if (!actions) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.defaultPrevented || isTextField(event.target)) return;
      // Arrow keys inside a tab list move between its tabs.
      const arrows = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
      if (arrows && event.target instanceof Element && event.target.closest('[role="tablist"]')) return;
      const at = actions.position();
      if (!at) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let done = false;
      if ((!mod && event.key === 'ArrowLeft') || (mod && !event.shiftKey && key === 'z')) {
        if (at.cursor > 0) actions.undo();
        done = true;
      } else if ((!mod && event.key === 'ArrowRight') || (mod && event.shiftKey && key === 'z') || (mod && key === 'y')) {
        if (at.cursor < at.length) actions.redo();
        done = true;
      } else if (!mod && /^[1-9]$/.test(event.key)) {
        done = actions.takeAt(Number(event.key) - 1);
      }
      if (done) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
