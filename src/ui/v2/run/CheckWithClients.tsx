import { useEffect, useMemo } from 'react';
import type { AnyLoadResultV2 } from '../../../model/v2/load';
import { clientRunStoresOf } from '../../../store/v2/clientRunStores';
import { runKeyV2 } from '../../../store/v2/runKey';
import { CheckSession } from '../../check/CheckSession';
import { useOpenRun } from '../../simulate/useOpenRun';
import type { RunViewV2Props } from './props';

export type ClientsLoad = Extract<AnyLoadResultV2, { kind: 'clients' }>;

/**
 * Check of a version-2 design with clients (docs/format-v2.md §13): version 1's check of its
 * lowered model (the command line's `check` runs the same), with version 1's result: violations
 * with Replay, client outcomes with Replay of a shortest run to each, coverage (dimmed on the
 * role's canvas), and under a replay violation the check of the role's own invariants.
 */
export function CheckWithClients({ design, documentId, overlay, onShowSimulate, load }: RunViewV2Props & { readonly load: ClientsLoad }) {
  const stores = clientRunStoresOf(overlay);
  const runKey = useMemo(() => runKeyV2(documentId, design), [documentId, design]);
  // As for a design of participants, the canvas shows where Simulate's run stands beside the coverage.
  useOpenRun(stores.simulation, load.model, runKey);
  useEffect(() => stores.drawOn(load.role), [stores, load.role]);
  return <CheckSession stores={stores} model={load.model} runKey={runKey} onShowSimulate={onShowSimulate} />;
}
