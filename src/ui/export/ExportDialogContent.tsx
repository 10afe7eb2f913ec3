import { useMemo, useState } from 'react';
import { exportFileName, TARGET_INFO, TARGETS, type Target } from '../../export';
import { exportDesignWithClients } from '../../export/v2/clients';
import type { LoadResult } from '../../model/model';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import { useLoadResult } from '../../store/useLoadResult';
import { useOpenDesign } from '../../store/useOpenDesign';
import { ExportV2Panel } from './ExportV2Panel';
import { CodePreview } from './CodePreview';
import { ImportPanel } from './ImportPanel';
import { useExportText, type Exporter } from './useExportText';

function download(text: string, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The dialog's body (lazy-loaded): an Export tab with target, options and preview, and an Import tab. */
export default function ExportDialogContent({ onClose }: { onClose(): void }) {
  // Whichever format version is open: a version-2 document lives in its own store, not in `useDesign()`'s.
  const design = useOpenDesign() as { version?: unknown; name?: unknown };
  const [tab, setTab] = useState<'export' | 'import'>('export');
  return (
    <div className="export-dialog">
      <div role="tablist" aria-label="Export or import">
        <button type="button" role="tab" aria-selected={tab === 'export'} onClick={() => setTab('export')}>
          Export
        </button>
        <button type="button" role="tab" aria-selected={tab === 'import'} onClick={() => setTab('import')}>
          Import
        </button>
      </div>
      {tab === 'export' && design.version === 2 ? (
        <ExportVersion2 design={design} />
      ) : tab === 'export' ? (
        <ExportOpenV1Panel />
      ) : (
        <ImportPanel onDone={onClose} />
      )}
      <p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
    </div>
  );
}

/**
 * A version-2 document: a design with clients (docs/format-v2.md §13) exports as the command line
 * exports it, with version 1's targets over its lowered model; a design of participants has its own.
 */
export function ExportVersion2({ design }: { design: { name?: unknown } }) {
  const loaded = useMemo(() => loadAnyDesignValueV2(design), [design]);
  if (loaded.ok && loaded.kind === 'clients') return <ExportClientsPanel loaded={loaded} />;
  return <ExportV2Panel design={design} designName={typeof design.name === 'string' ? design.name : 'design'} />;
}

function ExportClientsPanel({ loaded }: { loaded: Parameters<typeof exportDesignWithClients>[0] }) {
  const lowered = useMemo<LoadResult>(() => ({ ok: true, model: loaded.model, warnings: [] }), [loaded]);
  const exporter = useMemo<Exporter>(() => (_model, target, options) => exportDesignWithClients(loaded, target, options), [loaded]);
  return <ExportV1Panel loaded={lowered} exporter={exporter} />;
}

function ExportOpenV1Panel() {
  return <ExportV1Panel loaded={useLoadResult()} />;
}

/** The Export tab over version 1's exporters: target, TS option (zod), preview, Copy and Download. */
function ExportV1Panel({ loaded, exporter }: { loaded: LoadResult; exporter?: Exporter }) {
  const [target, setTarget] = useState<Target>('ts');
  const [zod, setZod] = useState(false);
  const [copied, setCopied] = useState(false);
  const result = useExportText(loaded, target, zod, exporter);
  const language = target === 'ts' || target === 'xstate' || target === 'harness' || target === 'monitor' ? 'typescript' : target === 'json' ? 'json' : 'plain';
  return (
    <section aria-label="Export">
      <label>
        Target{' '}
        <select aria-label="Export target" value={target} onChange={(e) => setTarget(e.target.value as Target)}>
          {TARGETS.map((t) => (
            <option key={t} value={t}>
              {TARGET_INFO[t].label}
            </option>
          ))}
        </select>
      </label>{' '}
      {target === 'ts' && (
        <label>
          <input type="checkbox" checked={zod} onChange={(e) => setZod(e.target.checked)} /> Parse requests with zod
        </label>
      )}
      {result.status === 'pending' && <p role="status">Generating…</p>}
      {result.status === 'invalid' && <p role="alert">{result.message}</p>}
      {result.status === 'ready' && (
        <>
          <CodePreview text={result.text} language={language} label={`${TARGET_INFO[target].label} preview`} />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(result.text);
              setCopied(true);
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button
            type="button"
            onClick={() => loaded.ok && download(result.text, exportFileName(loaded.model, target), TARGET_INFO[target].mime)}
          >
            Download
          </button>
        </>
      )}
    </section>
  );
}
