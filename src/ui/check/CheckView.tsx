import { useStore } from 'zustand';
import type { CheckStore } from '../../store/check';
import type { ViolationReport } from '../../engine/result';
import type { ValidatedDesign } from '../../model/handoff';
import { CheckControls } from './CheckControls';
import { CheckResultPanel } from './CheckResultPanel';

interface Props {
  readonly store: CheckStore;
  /** The current design, validated, or null when it does not load (nothing to check). */
  readonly design: ValidatedDesign | null;
  readonly onReplay: (v: ViolationReport) => void;
  readonly onReplayLabels?: (labels: readonly string[]) => void;
}

/** Check mode: limits, Run/Cancel, progress while the worker explores, then the result. */
export function CheckView({ store, design, onReplay, onReplayLabels }: Props) {
  const result = useStore(store, (s) => s.result);
  const identity = useStore(store, (s) => s.identity);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10 }}>
      <CheckControls store={store} design={design} />
      {result ? (
        <CheckResultPanel result={result} stale={identity !== design?.identity} onReplay={onReplay} {...(onReplayLabels ? { onReplayLabels } : {})} />
      ) : null}
    </div>
  );
}
