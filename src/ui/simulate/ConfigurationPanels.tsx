import type { ReactNode } from 'react';
import type { ClientStatus } from '../../engine/configuration';
import type { RunView } from '../../engine/runView';
import type { DedupeRow, InvariantRow } from '../../engine/simulatorView';

const VALUE_TEXT = { true: 'holds', false: 'FALSE', error: 'ERROR' } as const;

const STATUS_COLOUR: Record<ClientStatus, string> = {
  unsent: '#64748b',
  pending: '#b45309',
  ok: '#15803d',
  error: '#b91c1c',
  ambiguous: '#7c3aed',
};

function Box({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ border: '1px solid #cbd5e1', borderRadius: 6, padding: 8, minWidth: 0 }}>
      <h4 style={{ margin: '0 0 6px' }}>{title}</h4>
      {children}
    </section>
  );
}

function DedupeTable({ rows, label }: { rows: readonly DedupeRow[]; label: string }) {
  if (rows.length === 0) return <p style={{ margin: 0, color: '#64748b' }}>{label}: empty</p>;
  return (
    <table aria-label={label}>
      <caption style={{ textAlign: 'left' }}>{label}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.request}>
            <td>{r.request}</td>
            <td>→ {r.reply}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Everything about one configuration: invariants first (a false one is an alert), then memory
 * beside the persisted record so a crash's loss is plain to see, the dedupe tables, the
 * messages in flight, and each client request's status.
 */
export function ConfigurationPanels({ view }: { view: RunView }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 8 }}>
      <Box title="Invariants">
        <ViolationAlert view={view} />
        <ul aria-label="invariant list" style={{ margin: 0, paddingLeft: 16 }}>
          {view.invariants.map((i) => (
            <li key={i.name} style={{ color: i.value === true ? '#15803d' : '#b91c1c', fontWeight: i.value === true ? 400 : 700 }}>
              {i.name}: {VALUE_TEXT[String(i.value) as keyof typeof VALUE_TEXT]}
            </li>
          ))}
        </ul>
      </Box>
      <Box title="Memory">
        <p style={{ margin: '0 0 4px' }}>
          state <strong>{view.state}</strong> · mode <span>{view.modeText}</span>
        </p>
        <table aria-label="vars">
          <tbody>
            {view.vars.map((v) => (
              <tr key={v.name} data-changed={v.changed ? 'true' : undefined}>
                <td>{v.name}</td>
                <td style={{ fontWeight: v.changed ? 700 : 400, background: v.changed ? '#fef9c3' : undefined }}>
                  {v.value}
                  {v.changed ? ' (changed)' : ''}
                </td>
                <td style={{ color: '#64748b' }}>{v.storage}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <DedupeTable rows={view.dedupe} label="volatile dedupe table" />
      </Box>
      <Box title="Persisted record">
        <p style={{ margin: '0 0 4px' }}>
          state <strong>{view.persisted.state}</strong>
        </p>
        <table aria-label="persisted vars">
          <tbody>
            {view.persisted.vars.map((v) => (
              <tr key={v.name}>
                <td>{v.name}</td>
                <td>{v.value}</td>
                <td style={{ color: '#b45309' }}>{v.differs ? 'memory differs' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <DedupeTable rows={view.persisted.dedupe} label="durable dedupe table" />
        <p style={{ margin: '4px 0 0', fontSize: 12, color: '#64748b' }}>A crash keeps this and ghost vars; volatile vars and the volatile table are lost.</p>
      </Box>
      <Box title="In flight">
        <p style={{ margin: 0 }}>to machine: {view.toMachine.length > 0 ? view.toMachine.join(', ') : 'none'}</p>
        <p style={{ margin: 0 }}>to client: {view.toClient.length > 0 ? view.toClient.join(', ') : 'none'}</p>
        {view.budgets.map((b) => (
          <p key={b.name} style={{ margin: 0, fontSize: 12, color: '#64748b' }}>
            {b.name}: {b.used}/{b.max} used
          </p>
        ))}
      </Box>
      <Box title="Clients">
        <table aria-label="client requests">
          <tbody>
            {view.clients.map((c) => (
              <tr key={c.request} data-testid={`client-${c.request}`}>
                <td>{c.label}</td>
                <td style={{ color: STATUS_COLOUR[c.status], fontWeight: 700 }}>{c.status}</td>
                <td>
                  attempt {c.attempts}/{c.maxAttempts}
                </td>
                <td style={{ color: '#64748b' }}>{c.payload}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </div>
  );
}

/**
 * What broke here, loud: each false invariant and each violation with its kind, name and detail.
 * On a step that violates while computed it first names that step: the run ends on it.
 */
function ViolationAlert({ view }: { view: RunView }) {
  const broken = view.invariants.filter((i) => i.value !== true && !named(view, i));
  if (broken.length === 0 && view.violations.length === 0 && !view.violatingStep) return null;
  return (
    <div role="alert" style={{ color: '#fff', background: '#b91c1c', padding: 6, borderRadius: 4, fontWeight: 700 }}>
      {view.violatingStep ? (
        <div style={{ marginBottom: 4 }}>
          Step {view.violatingStep.index}, {view.violatingStep.label}, violates while it is computed: it produces no
          configuration, so the run ends on it (shown on the configuration it started from).
        </div>
      ) : null}
      {broken.map((i) => (
        <div key={i.name}>
          VIOLATED: {i.name}
          {i.detail ? ` (${i.detail})` : ''}
        </div>
      ))}
      {view.violations.map((v, k) => (
        <div key={`${v.kind}-${v.name}-${k}`}>
          VIOLATION: {v.kind} {v.name}: <span style={{ fontWeight: 400 }}>{v.detail}</span>
        </div>
      ))}
    </div>
  );
}

/** A broken invariant the violations already list (with its detail) is said once. */
function named(view: RunView, invariant: InvariantRow): boolean {
  return view.violations.some((v) => (v.kind === 'invariant' || v.kind === 'eval-error') && !v.step && v.name === invariant.name);
}
