import { useRef, useState, type ChangeEvent } from 'react';

/** The moves of a Simulate store of either format (`SimulationState`, `SimulationStateV2`). */
export interface RunMoves {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly reset: () => void;
  readonly happyPath: () => void;
  readonly randomRun: (seed: number) => void;
}

interface Props {
  readonly run: RunMoves;
  /** The row the run stands on and its last row (Undo and Redo are enabled between them). */
  readonly cursor: number;
  readonly length: number;
  /** What Happy path does, where the format says it. */
  readonly happyPathTitle?: string;
  /** Save trace / Load trace, where the format has trace files (version 1's runs). */
  readonly traces?: {
    readonly onSave: () => string | null;
    readonly onLoad: (text: string) => void;
    readonly fileName: string;
  };
}

/** Run controls of either format. Undo/Redo move through the simulation history only, never the design's. */
export function SimulateToolbar(p: Props) {
  const [seed, setSeed] = useState('1');
  const file = useRef<HTMLInputElement>(null);
  const traces = p.traces;
  const save = () => {
    if (!traces) return;
    const text = traces.onSave();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = traces.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) traces?.onLoad(await f.text());
  };
  const seedValue = Number.parseInt(seed, 10);
  return (
    <div role="toolbar" aria-label="simulation controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      <button type="button" onClick={p.run.undo} disabled={p.cursor === 0} aria-label="Undo step" aria-keyshortcuts="ArrowLeft Control+Z" title="Step back (← or Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={p.run.redo} disabled={p.cursor >= p.length} aria-label="Next step" aria-keyshortcuts="ArrowRight Control+Shift+Z" title="Step forward again (→ or Ctrl+Shift+Z); keys 1–9 take an enabled step">
        Redo / Next
      </button>
      <button type="button" onClick={p.run.reset}>
        Reset
      </button>
      <button type="button" onClick={p.run.happyPath} title={p.happyPathTitle}>
        Happy path
      </button>
      <label>
        seed{' '}
        <input aria-label="seed" value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" style={{ width: 60 }} />
      </label>
      <button type="button" onClick={() => p.run.randomRun(Number.isFinite(seedValue) ? seedValue : 1)}>
        Random run
      </button>
      {traces ? (
        <>
          <button type="button" onClick={save}>
            Save trace
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            Load trace
          </button>
          <input ref={file} type="file" accept=".json,application/json" aria-label="trace file" hidden onChange={(e) => void load(e)} />
        </>
      ) : null}
    </div>
  );
}
