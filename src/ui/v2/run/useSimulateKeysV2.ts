import { useEffect } from 'react';
import { isTextField } from '../../commands/useCommandKeys';
import type { SimulationStoreV2 } from '../../../store/v2/runSimulation';
import { runLengthV2 } from '../../../store/v2/runValue';
import type { StepChoiceV2 } from '../../../store/v2/runView';

/**
 * Keys of Simulate for a version-2 design, outside text fields (as version 1): ← or Ctrl+Z steps
 * back, → or Ctrl+Shift+Z / Ctrl+Y forward again, 1–9 take the enabled step shown at that place.
 */
export function useSimulateKeysV2(store: SimulationStoreV2, ordered: readonly StepChoiceV2[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.defaultPrevented || isTextField(event.target)) return;
      const arrows = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
      if (arrows && event.target instanceof Element && event.target.closest('[role="tablist"]')) return;
      const s = store.getState();
      if (!s.run) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let done = false;
      if ((!mod && event.key === 'ArrowLeft') || (mod && !event.shiftKey && key === 'z')) {
        if (s.run.cursor > 0) s.undo();
        done = true;
      } else if ((!mod && event.key === 'ArrowRight') || (mod && event.shiftKey && key === 'z') || (mod && key === 'y')) {
        if (s.run.cursor < runLengthV2(s.run)) s.redo();
        done = true;
      } else if (!mod && /^[1-9]$/.test(event.key)) {
        const step = ordered[Number(event.key) - 1];
        if (step) s.take(step.label);
        done = step !== undefined;
      }
      if (done) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, ordered]);
}
