import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { clientRunStoresOf } from '../../../store/v2/clientRunStores';
import { runKeyV2 } from '../../../store/v2/runKey';
import { SimulateView } from '../../simulate/SimulateView';
import { takeTransition, useOpenRun } from '../../simulate/useOpenRun';
import type { ClientsLoad } from './CheckWithClients';
import type { RunViewV2Props } from './props';

/**
 * Simulate of a version-2 design with clients (docs/format-v2.md §13): version 1's simulator on
 * its lowered model (steps of clients, network, machine and faults; time travel and fork; the
 * clients' outcomes; the sequence diagram with a lifeline per client), drawn on the role's
 * canvas, where a click on a transition takes it.
 */
export function SimulateWithClients({ design, documentId, overlay, load }: RunViewV2Props & { readonly load: ClientsLoad }) {
  const stores = clientRunStoresOf(overlay);
  const runKey = useMemo(() => runKeyV2(documentId, design), [documentId, design]);
  const hasRun = useStore(stores.simulation, (s) => s.run !== null);
  useOpenRun(stores.simulation, load.model, runKey);
  useEffect(() => stores.drawOn(load.role), [stores, load.role]);
  useEffect(() => {
    const role = load.role;
    overlay.setState({
      onTransitionClick: (roleName, index) => {
        if (roleName === role) takeTransition(stores.simulation, index);
      },
    });
    return () => overlay.setState({ onTransitionClick: undefined });
  }, [overlay, stores, load.role]);
  return hasRun ? <SimulateView store={stores.simulation} designName={design.name} /> : <p>Loading the simulator…</p>;
}
