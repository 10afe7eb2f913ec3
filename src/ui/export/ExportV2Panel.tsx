import { useState } from 'react';
import { joinSections, TARGET_INFO_V2, TARGETS_V2, type TargetV2 } from '../../export/v2/index';
import { CodePreview } from './CodePreview';
import { useExportFilesV2 } from './useExportFilesV2';

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function languageOf(name: string): 'typescript' | 'json' | 'plain' {
  return name.endsWith('.ts') ? 'typescript' : name.endsWith('.json') ? 'json' : 'plain';
}

/**
 * The Export tab for a version-2 design (docs/format-v2.md, "Exports"): the version-2 targets,
 * the files a target makes (a module per role…), a preview of the chosen file, Copy and Download
 * of that file, and "Download all" (every file in one text, a header line per file, as
 * `export` prints them without `-o`).
 */
export function ExportV2Panel({ design, designName }: { design: unknown; designName: string }) {
  const [target, setTarget] = useState<TargetV2>('ts');
  const [fileIndex, setFileIndex] = useState(0);
  const [copied, setCopied] = useState(false);
  const state = useExportFilesV2(design, target);
  const files = state.status === 'ready' ? state.files : [];
  const file = files[Math.min(fileIndex, files.length - 1)];
  const base = designName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'design';
  return (
    <section aria-label="Export">
      <label>
        Target{' '}
        <select
          aria-label="Export target"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value as TargetV2);
            setFileIndex(0);
            setCopied(false);
          }}
        >
          {TARGETS_V2.map((t) => (
            <option key={t} value={t}>
              {TARGET_INFO_V2[t].label}
            </option>
          ))}
        </select>
      </label>{' '}
      {state.status === 'pending' && <p role="status">Generating…</p>}
      {state.status === 'invalid' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && file && (
        <>
          {files.length > 1 && (
            <label>
              File{' '}
              <select aria-label="Exported file" value={fileIndex} onChange={(e) => setFileIndex(Number(e.target.value))}>
                {files.map((f, i) => (
                  <option key={f.name} value={i}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <CodePreview text={file.text} language={languageOf(file.name)} label={`${file.name} preview`} />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(file.text);
              setCopied(true);
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button type="button" onClick={() => download(file.text, target === 'json' ? `${base}.protocol.json` : file.name)}>
            Download
          </button>{' '}
          {files.length > 1 && (
            <button type="button" onClick={() => download(joinSections(files, target), `${base}-${target}.txt`)}>
              Download all
            </button>
          )}
        </>
      )}
    </section>
  );
}
