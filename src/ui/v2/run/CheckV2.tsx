import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { CallOutcomesV2, CheckResultV2, ViolationReportV2 } from '../../../engine/v2/result';
import type { ModelV2 } from '../../../model/v2/model';
import { traceRowsV2 } from '../../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../../engine/v2/view';
import { loadResultOfV2 } from '../../../store/v2/loadResultV2';
import { coverageByRole } from '../../../store/v2/roleOverlay';
import { identityOfRunKey } from '../../../store/v2/runKey';
import { CheckControls } from '../../check/CheckControls';
import { formatCount } from '../../check/formatCount';
import { verdictText } from '../../check/verdictText';
import { CheckWithClients } from './CheckWithClients';
import type { RunViewV2Props } from './props';
import { useRunV2 } from './useRunV2';

const VERDICT_COLOUR = { ok: '#15803d', violation: '#b91c1c', incomplete: '#b45309' } as const;

/**
 * Check for a version-2 design: the explorer runs in its own Web Worker (progress, cancel,
 * limits as version 1); the result's shortest traces replay in Simulate (every canvas and the
 * sequence diagram follow the run), and its coverage dims what was never reached on each role's canvas.
 * A design with clients (docs/format-v2.md §13) is checked as its version-1 model (`CheckWithClients`).
 */
export function CheckV2(props: RunViewV2Props) {
  const load = loadResultOfV2(props.design);
  if (!load.ok) return <p role="status">The design has errors: fix them in Design mode to check it.</p>;
  if (load.kind === 'clients') return <CheckWithClients {...props} load={load} />;
  return <CheckParticipants {...props} model={load.model} />;
}

function CheckParticipants({ design, model, documentId, overlay, onShowSimulate }: RunViewV2Props & { readonly model: ModelV2 }) {
  const { stores, runKey } = useRunV2(design, model, documentId, overlay);
  const s = useStore(stores.check);
  const identity = identityOfRunKey(runKey);
  const validated = useMemo(() => ({ design: model.design, identity }), [model, identity]);
  // A trace replays from the initial configuration it starts from (a design may have several).
  const replayLabels = (labels: readonly string[], start?: number) => {
    stores.simulation.getState().loadAtStart(labels, start);
    onShowSimulate?.();
  };
  const replay = (v: ViolationReportV2) => replayLabels(v.trace.map((t) => t.label), v.start);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10 }}>
      <CheckControls store={stores.check} design={validated} />
      {s.result ? <ResultV2 result={s.result} model={model} stale={s.identity !== identity} onReplay={replay} onReplayLabels={replayLabels} /> : null}
    </div>
  );
}

interface ResultV2Props {
  readonly result: CheckResultV2;
  readonly model: ModelV2;
  readonly stale: boolean;
  readonly onReplay: (v: ViolationReportV2) => void;
  readonly onReplayLabels: (labels: readonly string[], start?: number) => void;
}

function ResultV2({ result: r, model, stale, onReplay, onReplayLabels }: ResultV2Props) {
  const coverage = coverageByRole(model, r.coverage.states.unreached, r.coverage.transitions.unreached);
  return (
    <section aria-label="Check result" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <p data-testid="verdict" role={r.verdict === 'violation' ? 'alert' : 'status'} style={{ margin: 0, fontWeight: 700, color: VERDICT_COLOUR[r.verdict] }}>
        {verdictText(r)}
      </p>
      {stale ? <p style={{ margin: 0, color: '#b45309' }}>The design changed since this check ran: run it again.</p> : null}
      <p style={{ margin: 0 }}>
        {formatCount(r.states)} {r.symmetry ? 'symmetry classes of configurations' : 'configurations'} · {formatCount(r.transitions)} steps · depth {r.depth} · {r.seconds} s
      </p>
      {r.violations.length > 0 ? (
        <ul aria-label="violations" style={{ margin: 0, paddingLeft: 16 }}>
          {r.violations.map((v, i) => (
            <li key={`${v.kind}-${v.name}-${i}`} style={{ marginBottom: 6 }}>
              <strong>{v.kind}</strong> <span>{v.name}</span> at depth {v.depth} <span>({v.detail})</span>{' '}
              <button type="button" disabled={stale} onClick={() => onReplay(v)} aria-label={`Replay ${v.kind} ${v.name}`}>
                Replay
              </button>
              <TraceTable violation={v} model={model} />
            </li>
          ))}
        </ul>
      ) : null}
      {r.outcomes?.length ? <CallOutcomesTable outcomes={r.outcomes} partial={r.verdict !== 'ok'} stale={stale} onReplay={onReplayLabels} /> : null}
      <section aria-label="Coverage">
        <h4 style={{ margin: '0 0 2px' }}>Coverage per role</h4>
        <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', paddingRight: 12 }}>role</th>
              <th style={{ textAlign: 'left', paddingRight: 12 }}>states reached</th>
              <th style={{ textAlign: 'left', paddingRight: 12 }}>transitions reached</th>
              <th style={{ textAlign: 'left' }}>never reached (dimmed on the canvas)</th>
            </tr>
          </thead>
          <tbody>
            {model.roles.map((role, ri) => {
              const c = coverage.get(role.name)!;
              // The role's own transitions (a call's machinery, appended after them, is listed per call site below).
              const own = model.design.roles[ri]?.transitions.length ?? role.transitions.length;
              const never = [...c.dimmedStates.map((x) => `state ${x}`), ...c.dimmedTransitions.map((t) => `transition ${role.transitions[t]!.name}`)];
              return (
                <tr key={role.name} aria-label={`coverage of ${role.name}`}>
                  <td style={{ paddingRight: 12, fontWeight: 600 }}>{role.name}</td>
                  <td style={{ paddingRight: 12 }}>
                    {role.states.length - c.dimmedStates.length}/{role.states.length}
                  </td>
                  <td style={{ paddingRight: 12 }}>
                    {own - c.dimmedTransitions.length}/{own}
                  </td>
                  <td>{never.length ? never.join(', ') : 'none'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {r.coverage.calls?.length ? (
          <ul aria-label="Call machinery" style={{ margin: '4px 0 0', paddingLeft: 16, fontSize: 12 }}>
            {r.coverage.calls.map((c) => (
              <li key={c.site}>
                <strong>{c.site}</strong>: {c.machinery.map((m) => m.means).join('; ')}
              </li>
            ))}
          </ul>
        ) : null}
        {r.verdict !== 'ok' ? <p style={{ margin: '2px 0 0', fontSize: 12, color: '#64748b' }}>The search stopped early, so coverage is partial.</p> : null}
      </section>
    </section>
  );
}

const OUTCOME_COLUMNS = [
  { key: 'ok', head: 'ok', what: 'succeeded' },
  { key: 'error', head: 'error', what: 'failed' },
  { key: 'timeout', head: 'timeout (ambiguous)', what: 'timed out' },
] as const;

/**
 * Client outcomes per call site (docs/format-v2.md §14): per call, the quiescent configurations
 * in which some caller's last call ended ok, error or timeout, each with a Replay of a shortest
 * run there. A timeout is the ambiguous third outcome: neither success nor failure.
 */
function CallOutcomesTable({ outcomes, partial, stale, onReplay }: { outcomes: readonly CallOutcomesV2[]; partial: boolean; stale: boolean; onReplay: (labels: readonly string[], start?: number) => void }) {
  const cell = { textAlign: 'right', paddingRight: 12 } as const;
  return (
    <section aria-label="Client outcomes per call site">
      <h4 style={{ margin: '0 0 2px' }}>Client outcomes per call site</h4>
      <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left', paddingRight: 12 }}>call site</th>
            {OUTCOME_COLUMNS.map((c) => (
              <th key={c.key} style={cell}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.site} aria-label={`outcomes of ${o.site}`}>
              <td style={{ paddingRight: 12, fontWeight: 600 }} title={`made by ${o.transitions.join(', ')}`}>
                {o.site}
              </td>
              {OUTCOME_COLUMNS.map((c) => {
                const labels = o.traces[c.key];
                return (
                  <td key={c.key} style={{ ...cell, fontWeight: c.key === 'timeout' && o.timeout > 0 ? 700 : undefined }}>
                    {formatCount(o[c.key])}
                    {labels ? (
                      <>
                        {' '}
                        <button type="button" disabled={stale} onClick={() => onReplay(labels, o.starts?.[c.key])} aria-label={`Replay a shortest run where ${o.site} ${c.what}`} title={`${labels.length} steps`}>
                          Replay
                        </button>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ margin: '2px 0 0', fontSize: 12, color: '#64748b' }}>
        Configurations where nothing is left to do but faults, with some caller whose last call ended so. A timeout is the ambiguous third outcome,
        neither success nor failure: the caller cannot tell whether the call happened.
        {partial ? ' The search stopped early, so these count what was explored.' : ''}
      </p>
    </section>
  );
}

/**
 * A shortest trace with one column per instance (its state, the vars of yours a step changed,
 * its calls in words) and the network: the command line's table (`traceRowsV2`), nothing restated.
 */
function TraceTable({ violation: v, model }: { violation: ViolationReportV2; model: ModelV2 }) {
  const { header, rows } = useMemo(() => traceRowsV2(model, v, v.initial ?? viewConfigurationV2(model, model.initial)), [model, v]);
  // A column per instance outgrows the side panel: the table scrolls sideways on its own (by
  // keyboard too), where the panel would clip the last instances.
  return (
    <div tabIndex={0} role="region" aria-label={`trace of ${v.name}, scrolls sideways`} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <table aria-label={`trace of ${v.name}`} style={{ borderCollapse: 'collapse', fontSize: 12, color: '#475569', marginTop: 2 }}>
        <thead>
          <tr>
            {header.map((h, k) => (
              <th key={k} style={{ textAlign: 'left', paddingRight: 8, verticalAlign: 'bottom' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, k) => (
            <tr key={k} style={{ color: k === rows.length - 1 && v.trace.at(-1)?.violation ? '#b91c1c' : undefined }}>
              {row.map((cell, c) => (
                <td key={c} style={{ paddingRight: 8, verticalAlign: 'top', minWidth: c > 1 ? 120 : undefined }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
