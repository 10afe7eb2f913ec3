import { useId, useMemo, useState } from 'react';
import type { ModelV2 } from '../../../model/v2/model';
import { initialDescriber } from '../../../engine/v2/initialChoices';

/** A list of choices up to this many; past it, a number field (a design may have 262,144). */
const LISTED = 64;

/**
 * Where a simulation starts, for a design with several initial configurations
 * (docs/format-v2.md §8): each told by what sets it apart. Choosing one starts the run over from it.
 */
export function InitialPickerV2({ model, start, onStart }: { model: ModelV2; start: number; onStart: (start: number) => void }) {
  const id = useId();
  const count = model.initials.length;
  const describe = initialDescriber(model);
  const options = useMemo(() => (count <= LISTED ? model.initials.map((_, i) => describe(i)) : null), [model, count, describe]);
  const [typed, setTyped] = useState<string | null>(null);
  if (count < 2) return null;
  const go = (i: number) => {
    if (Number.isInteger(i) && i >= 0 && i < count && i !== start) onStart(i);
  };
  return (
    <div role="group" aria-label="Initial configuration" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', fontSize: 13 }}>
      <label htmlFor={id}>Starts from initial configuration</label>
      {options ? (
        <select id={id} value={start} onChange={(e) => go(Number(e.target.value))} style={{ minWidth: 0, flex: '1 1 160px', maxWidth: 420 }}>
          {options.map((text, i) => (
            <option key={i} value={i}>
              {i + 1}: {text}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="number"
          min={1}
          max={count}
          value={typed ?? String(start + 1)}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={() => {
            if (typed !== null) go(Number(typed) - 1);
            setTyped(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && typed !== null) {
              go(Number(typed) - 1);
              setTyped(null);
            }
          }}
          style={{ width: 80 }}
        />
      )}
      <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
        of {count.toLocaleString('en-US')}
        <button type="button" onClick={() => go(start - 1)} disabled={start === 0} aria-label="Previous initial configuration">
          ‹
        </button>
        <button type="button" onClick={() => go(start + 1)} disabled={start === count - 1} aria-label="Next initial configuration">
          ›
        </button>
      </span>
      {options ? null : <span data-testid="initial-description">{describe(start)}</span>}
    </div>
  );
}
