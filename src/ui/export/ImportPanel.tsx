import { useState } from 'react';
import { guessSource, importDesign, type ImportProblem, type ImportSource } from '../../export/import';
import { useWorkspace } from '../../store/useWorkspace';

/** Paste or pick a Mermaid diagram or XState config; a valid import opens as a new document. */
export function ImportPanel({ onDone }: { onDone(): void }) {
  const create = useWorkspace((s) => s.create);
  const [text, setText] = useState('');
  const [source, setSource] = useState<ImportSource | 'auto'>('auto');
  const [problems, setProblems] = useState<readonly ImportProblem[]>([]);
  const run = async () => {
    const from = source === 'auto' ? guessSource(text) : source;
    const result = importDesign(text, from);
    if (!result.ok) {
      setProblems(result.errors);
      return;
    }
    setProblems([]);
    await create(result.design);
    onDone();
  };
  return (
    <section aria-label="Import">
      <label>
        Format{' '}
        <select value={source} onChange={(e) => setSource(e.target.value as ImportSource | 'auto')} aria-label="Import format">
          <option value="auto">Detect</option>
          <option value="mermaid">Mermaid stateDiagram-v2</option>
          <option value="xstate">XState config</option>
        </select>
      </label>{' '}
      <label>
        From a file{' '}
        <input
          type="file"
          accept=".mmd,.md,.txt,.json,.js,.ts"
          aria-label="Import file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
      </label>
      <textarea aria-label="Text to import" value={text} onChange={(e) => setText(e.target.value)} rows={12} style={{ width: '100%', fontFamily: 'monospace' }} />
      {problems.length > 0 && (
        <ul role="alert" aria-label="Import errors">
          {problems.map((p, i) => (
            <li key={i}>{p.line > 0 ? `Line ${p.line}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={run} disabled={text.trim() === ''}>
        Import as new document
      </button>
    </section>
  );
}
