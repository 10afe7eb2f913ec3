import type { CheckProgress } from '../../engine/result';
import type { EditorLimits } from '../../store/checkTypes';
import { formatCount } from './formatCount';

const fmt = formatCount;

/** States, depth and rate of a running check; the bar fills toward the state or time limit, whichever is nearer. */
export function CheckProgressBar({ progress, limits }: { progress: CheckProgress | null; limits: EditorLimits }) {
  const p = progress ?? { states: 0, transitions: 0, depth: 0, statesPerSecond: 0, elapsedMs: 0 };
  const fraction = Math.min(1, Math.max(p.states / limits.maxStates, p.elapsedMs / 1000 / limits.maxSeconds));
  return (
    <div>
      <progress aria-label="check progress" max={1} value={fraction} style={{ width: '100%' }} />
      <p role="status" style={{ margin: 0 }}>
        {fmt(p.states)} states · depth {p.depth} · {fmt(p.statesPerSecond)} states/s · {(p.elapsedMs / 1000).toFixed(1)} s
      </p>
    </div>
  );
}
