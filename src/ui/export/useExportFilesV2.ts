import { useEffect, useMemo, useState } from 'react';
import { exportDesignV2, type ExportFiles, type TargetV2 } from '../../export/v2/index';
import { loadAnyDesignValueV2 } from '../../model/v2/load';

export type ExportFilesState =
  | { readonly status: 'pending' }
  | { readonly status: 'ready'; readonly files: ExportFiles }
  | { readonly status: 'invalid'; readonly message: string };

/** The files of a version-2 design's export for a target, recomputed when the design or target changes. */
export function useExportFilesV2(design: unknown, target: TargetV2): ExportFilesState {
  const loaded = useMemo(() => loadAnyDesignValueV2(design), [design]);
  const [state, setState] = useState<ExportFilesState>({ status: 'pending' });
  useEffect(() => {
    let live = true;
    if (!loaded.ok) {
      setState({ status: 'invalid', message: `The design has ${loaded.errors.length} error(s); fix them to export.` });
      return;
    }
    if (loaded.kind === 'clients') {
      // docs/format-v2.md §13: it exports as the version-1 design it stands for, from the command line.
      setState({ status: 'invalid', message: "A design with clients exports with version 1's targets from the command line (export FILE --to ts, xstate, mermaid…)." });
      return;
    }
    setState({ status: 'pending' });
    // The Mermaid sequence diagram's check stays small in the page (20,000 configurations at most).
    exportDesignV2(loaded.model, target, 20_000).then(
      (files) => live && setState({ status: 'ready', files }),
      (e: unknown) => live && setState({ status: 'invalid', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [loaded, target]);
  return state;
}
