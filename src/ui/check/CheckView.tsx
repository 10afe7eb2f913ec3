import { useStore } from 'zustand';
import type { CheckStore } from '../../store/check';
import type { ViolationReport } from '../../engine/result';
import type { ValidatedDesign } from '../../model/handoff';
import { CheckProgressBar } from './CheckProgressBar';
import { CheckResultPanel } from './CheckResultPanel';

interface Props {
  readonly store: CheckStore;
  /** The current design, validated, or null when it does not load (nothing to check). */
  readonly design: ValidatedDesign | null;
  readonly onReplay: (v: ViolationReport) => void;
}

/** Check mode: limits, Run/Cancel, progress while the worker explores, then the result. */
export function CheckView({ store, design, onReplay }: Props) {
  const s = useStore(store);
  const running = s.status === 'running';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <LimitField
          label="max states"
          width={110}
          value={s.limits.maxStates}
          disabled={running}
          onChange={(maxStates) => s.setLimits({ maxStates })}
        />
        <LimitField
          label="max seconds"
          width={70}
          value={s.limits.maxSeconds}
          disabled={running}
          onChange={(maxSeconds) => s.setLimits({ maxSeconds })}
        />
        <button
          type="button"
          disabled={running || design === null}
          onClick={() => design !== null && void s.start(design)}
        >
          Run check
        </button>
        <button type="button" disabled={!running} onClick={s.cancel}>
          Cancel
        </button>
      </div>
      {design === null ? (
        <p role="status">The design has errors: fix them in Design mode to check it.</p>
      ) : null}
      {running ? <CheckProgressBar progress={s.progress} limits={s.limits} /> : null}
      {s.status === 'failed' ? <p role="alert">The check could not run: {s.error}</p> : null}
      {s.status === 'cancelled' ? (
        <p role="status" data-testid="verdict">
          Cancelled: the worker did not report its result in time; it had explored {(s.progress?.states ?? 0).toLocaleString('en-US')} states to
          depth {s.progress?.depth ?? 0} (this is not a pass).
        </p>
      ) : null}
      {s.status === 'cancelled' ? (
        <p role="status" data-testid="verdict">
          Cancelled: the worker did not report its result in time; it had explored {s.progress?.states.toLocaleString('en-US') ?? 0} states to depth{' '}
          {s.progress?.depth ?? 0} (not a pass).
        </p>
      ) : null}
      {s.result ? (
        <CheckResultPanel
          result={s.result}
          stale={s.identity !== design?.identity}
          onReplay={onReplay}
        />
      ) : null}
    </div>
  );
}

/** A positive whole-number limit of the search (never below 1, so a typo cannot mean "no limit"). */
function LimitField(props: {
  label: string;
  width: number;
  value: number;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
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
