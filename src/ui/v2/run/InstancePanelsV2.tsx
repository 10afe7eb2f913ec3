import type { CallLineV2, InstanceRowV2, RunViewV2, VarRowV2 } from '../../../store/v2/runView';

/** Each instance's memory beside its persisted record (the vars you wrote, and its calls in words), the network, the budgets and the violations. */
export function InstancePanelsV2({ view }: { view: RunViewV2 }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {view.violations.length ? (
        <div role="alert" aria-label="Violations" style={{ padding: 6, background: '#fee2e2', border: '1px solid #b91c1c', borderRadius: 4 }}>
          {view.refused ? <p style={{ margin: 0 }}>The run ends on step {view.refused.row}, {view.refused.label}: it violates while it is computed.</p> : null}
          {view.violations.map((v, i) => (
            <p key={i} style={{ margin: 0 }}>
              <strong>{v.kind}</strong> {v.name}: {v.detail}
            </p>
          ))}
        </div>
      ) : null}
      {view.invariants.length ? (
        <section aria-label="Invariants">
          <h4 style={{ margin: '0 0 4px' }}>Invariants</h4>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {view.invariants.map((inv) => (
              <li key={`${inv.scope} ${inv.name}`} style={{ color: inv.holds ? undefined : '#b91c1c', fontWeight: inv.holds ? 400 : 700 }}>
                {inv.name} <span style={{ color: '#64748b', fontWeight: 400 }}>({inv.scope})</span>: {inv.holds ? 'holds' : 'false'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="Instances" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 8 }}>
        {view.instances.map((inst) => (
          <InstanceCard key={inst.name} inst={inst} />
        ))}
      </section>
      <section aria-label="In flight">
        <h4 style={{ margin: '0 0 4px' }}>{view.networkModel === 'pool' ? 'Message pool' : 'In flight (channels)'}</h4>
        {view.network.length === 0 ? (
          <span style={{ color: '#94a3b8' }}>no messages</span>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {view.network.map((m, i) => (
              <li key={i}>
                {m.text} <span style={{ color: '#64748b' }}>{view.instances[m.from]!.name}→{view.instances[m.to]!.name}{m.position > 0 ? ` (#${m.position})` : ''}</span>
              </li>
            ))}
          </ul>
        )}
        {view.budgets.length ? (
          <p style={{ margin: '4px 0 0', color: '#64748b' }}>
            {view.budgets.map((b) => `${b.name} ${b.used}/${b.max}`).join(' · ')}
          </p>
        ) : null}
      </section>
    </div>
  );
}

function InstanceCard({ inst }: { inst: InstanceRowV2 }) {
  return (
    <section aria-label={`Instance ${inst.name}`} style={{ border: '1px solid #cbd5e1', borderRadius: 6, padding: 6, background: inst.up ? undefined : '#fef2f2' }}>
      <h4 style={{ margin: '0 0 4px' }}>
        {inst.name} <span data-testid={`state-${inst.name}`}>{inst.state}</span>
        {inst.up ? null : <span style={{ color: '#b91c1c' }} data-testid={`mode-${inst.name}`}>{inst.stopped ? ' (stopped: crashed, never restarts)' : ' (down)'}</span>}
      </h4>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}>
        <div aria-label={`${inst.name} memory`} role="group">
          <div style={{ fontSize: 11, color: '#64748b' }}>Memory</div>
          <Vars vars={inst.memory} />
          <Calls name={inst.name} lines={inst.calls} />
        </div>
        <div aria-label={`${inst.name} persisted record`} role="group">
          <div style={{ fontSize: 11, color: '#64748b' }}>Persisted record</div>
          <div>state {inst.persisted.state}</div>
          <Vars vars={inst.persisted.vars} />
          <Calls name={`${inst.name} persisted`} lines={inst.persisted.calls} />
        </div>
      </div>
    </section>
  );
}

/** A call's own vars read as the call (`engine/v2/callState.ts`): one line per call made or served. */
function Calls({ name, lines }: { name: string; lines: readonly CallLineV2[] }) {
  if (lines.length === 0) return null;
  return (
    <div role="group" aria-label={`${name} calls`} style={{ marginTop: 4 }}>
      <div style={{ fontSize: 11, color: '#64748b' }}>Calls</div>
      <ul style={{ margin: 0, paddingLeft: 14 }}>
        {lines.map((l) => (
          <li key={l.text} style={{ background: l.changed ? '#fef9c3' : undefined, wordBreak: 'break-word' }}>
            {l.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Vars({ vars }: { vars: readonly VarRowV2[] }) {
  if (vars.length === 0) return <div style={{ color: '#94a3b8' }}>no vars</div>;
  return (
    <dl style={{ margin: 0 }}>
      {vars.map((v) => (
        <div key={v.name} style={{ background: v.changed ? '#fef9c3' : undefined }}>
          <dt style={{ display: 'inline', fontWeight: 600 }}>{v.name}</dt>{' '}
          <dd style={{ display: 'inline', margin: 0, wordBreak: 'break-word' }}>
            {v.value}
            {v.storage === 'durable' ? null : <span style={{ color: '#94a3b8' }}> ({v.storage})</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
