import type { CheckResult, ViolationReport } from '../../engine/result';
import { verdictText } from './verdictText';

const VERDICT_COLOUR = { ok: '#15803d', violation: '#b91c1c', incomplete: '#b45309' } as const;

interface Props {
  readonly result: CheckResult;
  readonly stale: boolean;
  readonly onReplay: (v: ViolationReport) => void;
}

/** The verdict, each violation with a Replay button, client outcomes and coverage. */
export function CheckResultPanel({ result, stale, onReplay }: Props) {
  const r = result;
  return (
    <section aria-label="Check result" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <p
        data-testid="verdict"
        role={r.verdict === 'violation' ? 'alert' : 'status'}
        style={{ margin: 0, fontWeight: 700, color: VERDICT_COLOUR[r.verdict] }}
      >
        {verdictText(r)}
      </p>
      {stale ? <p style={{ margin: 0, color: '#b45309' }}>The design changed since this check ran: run it again.</p> : null}
      <p style={{ margin: 0 }}>
        {r.states.toLocaleString('en-US')} states · {r.transitions.toLocaleString('en-US')} transitions · depth {r.depth}
      </p>
      {r.violations.length > 0 ? (
        <ul aria-label="violations" style={{ margin: 0, paddingLeft: 16 }}>
          {r.violations.map((v, i) => (
            <li key={`${v.kind}-${v.name}-${i}`} style={{ marginBottom: 4 }}>
              <strong>{v.kind}</strong> <span>{v.name}</span> at depth {v.depth}
              {v.detail ? <span> ({v.detail})</span> : null}{' '}
              <button type="button" onClick={() => onReplay(v)} aria-label={`Replay ${v.kind} ${v.name}`}>
                Replay
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-label="Client outcomes">
        <h4 style={{ margin: '0 0 2px' }}>Client outcomes in quiescent configurations</h4>
        <p style={{ margin: 0 }}>
          ok {r.outcomes.ok} · error {r.outcomes.error} · <strong>ambiguous {r.outcomes.ambiguous}</strong>
          {r.outcomes.ambiguous > 0 ? ' (the client ends not knowing whether its request happened)' : ''}
        </p>
      </section>
      <section aria-label="Coverage">
        <h4 style={{ margin: '0 0 2px' }}>Coverage</h4>
        <p style={{ margin: 0 }}>
          states reached {r.coverage.states.reached.length}/{r.coverage.states.reached.length + r.coverage.states.unreached.length} ·
          transitions reached {r.coverage.transitions.reached.length}/
          {r.coverage.transitions.reached.length + r.coverage.transitions.unreached.length}
        </p>
        {r.coverage.states.unreached.length > 0 ? (
          <p style={{ margin: 0 }}>Unreached states: {r.coverage.states.unreached.join(', ')}</p>
        ) : null}
        {r.coverage.transitions.unreached.length > 0 ? (
          <p style={{ margin: 0 }}>Unreached transitions: {r.coverage.transitions.unreached.join(', ')}</p>
        ) : null}
      </section>
    </section>
  );
}
