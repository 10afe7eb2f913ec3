import { useStore } from 'zustand';
import type { CheckStore } from '../../store/check';
import type { CheckResult, ViolationReport } from '../../engine/result';
import { replayMeaning } from './recheck';

interface Props {
  readonly result: CheckResult;
  readonly recheck: CheckStore;
  readonly onReplay: (v: ViolationReport) => void;
}

/**
 * Under a replay violation: what it means in the design's terms, and what the person's own
 * invariants say once the replay check is off ("also breaks: no double charge, at depth 5").
 */
export function RecheckSection({ result, recheck, onReplay }: Props) {
  const r = useStore(recheck);
  const replays = result.violations.filter((v) => v.kind === 'replay');
  const own = r.result?.violations.filter((v) => v.kind !== 'replay') ?? [];
  return (
    <section aria-label="Your invariants" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {replays.map((v) => (
        <p key={v.name} style={{ margin: 0 }}>
          {replayMeaning(v)}
        </p>
      ))}
      {r.status === 'running' && <p role="status">Checking your own invariants with the replay check off…</p>}
      {r.status === 'failed' && <p role="alert">The second check could not run: {r.error}</p>}
      {r.result && own.length > 0 && (
        <ul aria-label="also breaks" style={{ margin: 0, paddingLeft: 16 }}>
          {own.map((v, i) => (
            <li key={`${v.kind}-${v.name}-${i}`}>
              also breaks: <strong>{v.name}</strong>
              {v.kind === 'invariant' ? '' : ` (${v.kind})`}, at depth {v.depth}{' '}
              <button type="button" onClick={() => onReplay(v)} aria-label={`Replay ${v.kind} ${v.name} with the replay check off`}>
                Replay
              </button>
            </li>
          ))}
        </ul>
      )}
      {r.result && own.length === 0 && r.result.verdict !== 'incomplete' && (
        <p role="status">
          With the replay check off, every one of your own invariants holds: only the replay check sees this. Consider an invariant
          that states it (for example that what clients were told matches what happened).
        </p>
      )}
      {r.result && own.length === 0 && r.result.verdict === 'incomplete' && (
        <p role="status">With the replay check off, the search hit a limit before finding a broken invariant (not a pass).</p>
      )}
    </section>
  );
}
