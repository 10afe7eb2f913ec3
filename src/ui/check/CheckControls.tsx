import { useStore } from 'zustand';
import type { CheckStore } from '../../store/check';
import { CheckProgressBar } from './CheckProgressBar';
import { unansweredCancelText } from './verdictText';

interface Props<D extends { readonly identity: string }, R> {
  readonly store: CheckStore<D, R>;
  /** What a check of the current design is started with, or null when the design does not load (nothing to check). */
  readonly design: D | null;
}

/**
 * Check's controls for either format: the search's limits, Run check / Cancel, and what the run
 * says before its result (the design has errors, progress while the worker explores, a failure,
 * a cancel the worker did not answer). The result is drawn by the format's own panel below.
 */
export function CheckControls<D extends { readonly identity: string }, R>({ store, design }: Props<D, R>) {
  const s = useStore(store);
  const running = s.status === 'running';
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <LimitField label="max states" width={110} value={s.limits.maxStates} disabled={running} onChange={(maxStates) => s.setLimits({ maxStates })} />
        <LimitField label="max seconds" width={70} value={s.limits.maxSeconds} disabled={running} onChange={(maxSeconds) => s.setLimits({ maxSeconds })} />
        <button type="button" disabled={running || design === null} onClick={() => design !== null && void s.start(design)}>
          Run check
        </button>
        <button type="button" disabled={!running} onClick={s.cancel}>
          Cancel
        </button>
      </div>
      {design === null ? <p role="status">The design has errors: fix them in Design mode to check it.</p> : null}
      {running ? <CheckProgressBar progress={s.progress} limits={s.limits} /> : null}
      {s.status === 'failed' ? <p role="alert">The check could not run: {s.error}</p> : null}
      {s.status === 'cancelled' ? (
        <p role="status" data-testid="verdict">
          {unansweredCancelText(s.progress)}
        </p>
      ) : null}
    </>
  );
}

/** A positive whole-number limit of the search (never below 1, so a typo cannot mean "no limit"). */
function LimitField(props: { label: string; width: number; value: number; disabled: boolean; onChange: (value: number) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min={1}
        aria-label={props.label}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Math.max(1, Number(e.target.value) || 1))}
        style={{ width: props.width }}
      />
    </label>
  );
}
