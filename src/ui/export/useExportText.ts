import { useEffect, useState } from 'react';
import { exportDesign, type ExportOptions, type Target } from '../../export';
import type { LoadResult, Model } from '../../model/model';

/** Makes a target's text from a loaded version-1 model (a design with clients swaps in its own, for `json`). */
export type Exporter = (model: Model, target: Target, options: ExportOptions) => Promise<string>;

export type ExportText = { readonly status: 'pending' } | { readonly status: 'ready'; readonly text: string } | { readonly status: 'invalid'; readonly message: string };

/** The export of the loaded design for a target, recomputed when the design, options or exporter change. */
export function useExportText(loaded: LoadResult, target: Target, zod: boolean, exporter: Exporter = exportDesign): ExportText {
  const [result, setResult] = useState<ExportText>({ status: 'pending' });
  useEffect(() => {
    let live = true;
    if (!loaded.ok) {
      setResult({ status: 'invalid', message: `The design has ${loaded.errors.length} error(s); fix them to export.` });
      return;
    }
    setResult({ status: 'pending' });
    exporter(loaded.model, target, { zod }).then(
      (text) => live && setResult({ status: 'ready', text }),
      (e: unknown) => live && setResult({ status: 'invalid', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [loaded, target, zod, exporter]);
  return result;
}
