import { useEffect, useRef, useState } from 'react';
import {
  guessSource,
  type ImportNote,
  type ImportResult,
  type ImportSource,
  type ImportSummary,
} from '../../export/import';
import { useWorkspace } from '../../store/useWorkspace';
import { startImport, type RunningImport } from '../../worker/importClient';

const at = (n: ImportNote) => (n.line > 0 ? `Line ${n.line}: ${n.message}` : n.message);

/**
 * Paste or pick a Mermaid diagram or XState config. The import runs in a worker (the page stays
 * responsive; Cancel stops it). A refusal lists its reasons by line; a valid import shows its
 * summary (imported / approximated and how / dropped) and opens only when the user says so.
 */
export function ImportPanel({ onDone }: { onDone(): void }) {
  const create = useWorkspace((s) => s.create);
  const [text, setText] = useState('');
  const [source, setSource] = useState<ImportSource | 'auto'>('auto');
  const [machine, setMachine] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [running, setRunning] = useState<RunningImport | null>(null);
  const current = useRef<RunningImport | null>(null);
  useEffect(() => () => current.current?.cancel(), []);
  const run = async () => {
    const from = source === 'auto' ? guessSource(text) : source;
    const job = startImport({ text, from, options: machine.trim() ? { machine: machine.trim() } : {} });
    current.current = job;
    setRunning(job);
    setResult(null);
    const r = await job.result;
    if (current.current !== job) return;
    current.current = null;
    setRunning(null);
    setResult(r);
  };
  const open = async () => {
    if (!result?.ok) return;
    await create(result.design);
    onDone();
  };
  return (
    <section aria-label="Import">
      <label>
        Format{' '}
        <select
          value={source}
          onChange={(e) => setSource(e.target.value as ImportSource | 'auto')}
          aria-label="Import format"
        >
          <option value="auto">Detect</option>
          <option value="mermaid">Mermaid stateDiagram-v2</option>
          <option value="xstate">XState config</option>
        </select>
      </label>{' '}
      <label>
        Machine{' '}
        <input
          value={machine}
          onChange={(e) => setMachine(e.target.value)}
          aria-label="Machine name"
          placeholder="when a file defines several"
          size={24}
        />
      </label>{' '}
      <label>
        From a file{' '}
        <input
          type="file"
          accept=".mmd,.md,.mdx,.txt,.json,.js,.jsx,.mjs,.cjs,.ts,.tsx,.mts"
          aria-label="Import file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) {
              setText(await file.text());
              setResult(null);
            }
          }}
        />
      </label>
      <textarea
        aria-label="Text to import"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setResult(null);
        }}
        rows={12}
        style={{ width: '100%', fontFamily: 'monospace' }}
      />
      {result && !result.ok && (
        <ul role="alert" aria-label="Import errors">
          {result.errors.map((p, i) => (
            <li key={i}>{at(p)}</li>
          ))}
        </ul>
      )}
      {result?.ok && <SummaryList summary={result.summary} />}
      {running ? (
        <button type="button" onClick={() => running.cancel()}>
          Cancel import
        </button>
      ) : result?.ok ? (
        <button type="button" onClick={open}>
          Open as new document
        </button>
      ) : (
        <button type="button" onClick={run} disabled={text.trim() === ''}>
          Import
        </button>
      )}
    </section>
  );
}

function SummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <div aria-label="Import summary">
      <p>Imported: {summary.imported.join(', ')}.</p>
      {summary.approximated.length > 0 && (
        <>
          <p>Approximated (the meaning differs; check these):</p>
          <ul aria-label="Approximated">
            {summary.approximated.map((n, i) => (
              <li key={i}>{at(n)}</li>
            ))}
          </ul>
        </>
      )}
      {summary.dropped.length > 0 && (
        <>
          <p>Dropped (not part of a design):</p>
          <ul aria-label="Dropped">
            {summary.dropped.map((n, i) => (
              <li key={i}>{at(n)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
