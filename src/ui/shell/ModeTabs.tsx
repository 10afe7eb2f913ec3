export type Mode = 'design' | 'simulate' | 'check';

const MODES: readonly { id: Mode; label: string }[] = [
  { id: 'design', label: 'Design' },
  { id: 'simulate', label: 'Simulate' },
  { id: 'check', label: 'Check' },
];

/** Design | Simulate | Check, as tabs; arrow keys move between them. */
export function ModeTabs({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  return (
    <div role="tablist" aria-label="Mode" className="mode-tabs">
      {MODES.map((m, i) => (
        <button
          key={m.id}
          type="button"
          role="tab"
          aria-selected={mode === m.id}
          tabIndex={mode === m.id ? 0 : -1}
          onClick={() => onChange(m.id)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = MODES[(i + step + MODES.length) % MODES.length]!;
            onChange(next.id);
            (e.currentTarget.parentElement?.children[MODES.indexOf(next)] as HTMLElement | undefined)?.focus();
          }}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
