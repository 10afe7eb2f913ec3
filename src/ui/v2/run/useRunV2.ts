import { useEffect, useMemo } from 'react';
import { loadDesignValueV2 } from '../../../model/v2/load';
import type { LoadResultV2 } from '../../../model/v2/model';
import type { DesignV2 } from '../../../model/v2/schema';
import type { RoleOverlayStore } from '../../../store/v2/roleOverlay';
import { runKeyV2, sameDocumentV2 } from '../../../store/v2/runKey';
import { runStoresV2Of, type RunStoresV2 } from '../../../store/v2/runStores';

// Designs are immutable values: each is compiled once, whichever mode asks first.
const loaded = new WeakMap<DesignV2, LoadResultV2>();
export function modelOf(design: DesignV2): LoadResultV2 {
  let r = loaded.get(design);
  if (!r) {
    r = loadDesignValueV2(design);
    loaded.set(design, r);
  }
  return r;
}

/**
 * The run stores of the editor around a run view, with the Simulate run opened on the current
 * design (a new design of the same document replays the old run as far as it applies).
 */
export function useRunV2(design: DesignV2, documentId: string, overlay: RoleOverlayStore): { stores: RunStoresV2; load: LoadResultV2; runKey: string } {
  const stores = runStoresV2Of(overlay);
  const load = modelOf(design);
  const runKey = useMemo(() => runKeyV2(documentId, design), [documentId, design]);
  useEffect(() => {
    if (!load.ok) return;
    const sim = stores.simulation.getState();
    sim.open(load.model, runKey, sameDocumentV2(sim.runKey, runKey));
  }, [stores, load, runKey]);
  return { stores, load, runKey };
}
