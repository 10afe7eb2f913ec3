import { useEffect, useMemo } from 'react';
import type { ModelV2 } from '../../../model/v2/model';
import type { DesignV2 } from '../../../model/v2/schema';
import type { RoleOverlayStore } from '../../../store/v2/roleOverlay';
import { runKeyV2, sameDocumentV2 } from '../../../store/v2/runKey';
import { runStoresV2Of, type RunStoresV2 } from '../../../store/v2/runStores';

/**
 * The run stores of the editor around a run view of a design of participants, with the Simulate
 * run opened on its model (a new design of the same document replays the old run as far as it applies).
 */
export function useRunV2(design: DesignV2, model: ModelV2, documentId: string, overlay: RoleOverlayStore): { stores: RunStoresV2; runKey: string } {
  const stores = runStoresV2Of(overlay);
  const runKey = useMemo(() => runKeyV2(documentId, design), [documentId, design]);
  useEffect(() => {
    const sim = stores.simulation.getState();
    sim.open(model, runKey, sameDocumentV2(sim.runKey, runKey));
  }, [stores, model, runKey]);
  return { stores, runKey };
}
