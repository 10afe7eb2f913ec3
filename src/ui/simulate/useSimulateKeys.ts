import { useEffect } from 'react';
import { useStore } from 'zustand';
import { selectCursor, selectLength, selectView, type SimulationStore } from '../../store/simulation';
import { isTextField } from '../commands/useCommandKeys';
import { stepsInOrder } from './StepList';

/**
 * Keys of the Simulate mode, outside text fields: ← or Ctrl+Z steps back (undo), → or
 * Ctrl+Shift+Z / Ctrl+Y steps forward again (redo), 1–9 take the enabled step shown at that place.
 * Arrows keep their meaning inside tab lists.
 */
export function useSimulateKeys(store: SimulationStore): void {
  const ready = useStore(store, (s) => s.run !== null);
  useEffect(() => {
    if (!ready) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.defaultPrevented || isTextField(event.target)) return;
      // Arrow keys inside a tab list move between its tabs.
      const arrows = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
      if (arrows && event.target instanceof Element && event.target.closest('[role="tablist"]')) return;
      const s = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let done = false;
      if ((!mod && event.key === 'ArrowLeft') || (mod && !event.shiftKey && key === 'z')) {
        if (selectCursor(s) > 0) s.undo();
        done = true;
      } else if ((!mod && event.key === 'ArrowRight') || (mod && event.shiftKey && key === 'z') || (mod && key === 'y')) {
        if (selectCursor(s) < selectLength(s)) s.redo();
        done = true;
      } else if (!mod && /^[1-9]$/.test(event.key) && s.run) {
        const step = stepsInOrder(selectView(s)?.steps ?? [])[Number(event.key) - 1];
        if (step) void s.take(step.label);
        done = step !== undefined;
      }
      if (done) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, ready]);
}
