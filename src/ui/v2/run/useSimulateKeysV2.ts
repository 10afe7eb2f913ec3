import { useMemo } from 'react';
import type { SimulationStoreV2 } from '../../../store/v2/runSimulation';
import { runLengthV2 } from '../../../store/v2/runValue';
import type { StepChoiceV2 } from '../../../store/v2/runView';
import { useRunKeys } from '../../simulate/useRunKeys';

/** The Simulate keys (`useRunKeys`, as version 1) on a version-2 run: digits take `ordered`, the steps as shown. */
export function useSimulateKeysV2(store: SimulationStoreV2, ordered: readonly StepChoiceV2[]): void {
  const actions = useMemo(
    () => ({
      position: () => {
        const run = store.getState().run;
        return run ? { cursor: run.cursor, length: runLengthV2(run) } : null;
      },
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      takeAt: (n: number) => {
        const step = ordered[n];
        if (step) store.getState().take(step.label);
        return step !== undefined;
      },
    }),
    [store, ordered],
  );
  useRunKeys(actions);
}
