import { useMemo } from 'react';
import { useStore } from 'zustand';
import { selectCursor, selectLength, selectView, type SimulationStore } from '../../store/simulation';
import { stepsInOrder } from './StepList';
import { useRunKeys } from './useRunKeys';

/** The Simulate keys (`useRunKeys`) on a version-1 run: digits take the steps in the order `StepList` shows them. */
export function useSimulateKeys(store: SimulationStore): void {
  const ready = useStore(store, (s) => s.run !== null);
  const actions = useMemo(
    () =>
      ready
        ? {
            position: () => {
              const s = store.getState();
              return s.run ? { cursor: selectCursor(s), length: selectLength(s) } : null;
            },
            undo: () => store.getState().undo(),
            redo: () => store.getState().redo(),
            takeAt: (n: number) => {
              const s = store.getState();
              const step = stepsInOrder(selectView(s)?.steps ?? [])[n];
              if (step) void s.take(step.label);
              return step !== undefined;
            },
          }
        : null,
    [store, ready],
  );
  useRunKeys(actions);
}
