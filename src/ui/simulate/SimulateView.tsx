import { useStore } from 'zustand';
import { selectCursor, selectEvents, selectLength, selectView, type SimulationStore } from '../../store/simulation';
import { runRequests } from '../../engine/runView';
import { ConfigurationPanels } from './ConfigurationPanels';
import { EnabledSteps, RunNotice } from './RunStatus';
import { SequenceDiagram } from './SequenceDiagram';
import { SimulateToolbar } from './SimulateToolbar';
import { StepList } from './StepList';
import { useSimulateKeys } from './useSimulateKeys';

/** The Simulate mode over a running session: controls, enabled steps, panels, sequence diagram. */
export function SimulateView({ store, designName }: { store: SimulationStore; designName: string }) {
  const s = useStore(store);
  useSimulateKeys(store);
  const view = useStore(store, selectView);
  const events = useStore(store, selectEvents);
  const cursor = useStore(store, selectCursor);
  const length = useStore(store, selectLength);
  if (!view || !s.run) return <p>Loading the simulator…</p>;
  const requests = runRequests(s.run);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10, minWidth: 0 }}>
      <SimulateToolbar
        run={s}
        cursor={cursor}
        length={length}
        traces={{
          onSave: s.saveTrace,
          onLoad: (text) => void s.loadTrace(text),
          fileName: `${designName.replace(/[^A-Za-z0-9_-]+/g, '-') || 'design'}.trace.json`,
        }}
      />
      <RunNotice notice={s.notice} onDismiss={s.dismissNotice} />
      <p style={{ margin: 0 }} aria-live="polite">
        Step {cursor} of {length} · state <strong data-testid="sim-state">{view.state}</strong> · {view.modeText}
      </p>
      <EnabledSteps cursor={cursor} length={length}>
        <StepList
          steps={view.steps}
          violated={view.violations.length > 0}
          violatingStep={view.violatingStep}
          onTake={(label) => void s.take(label)}
        />
      </EnabledSteps>
      <ConfigurationPanels view={view} />
      <section aria-label="Run" style={{ overflow: 'auto', border: '1px solid #cbd5e1', borderRadius: 6 }}>
        <SequenceDiagram
          start={{
            requests: requests.map((r) => r.request),
            requestLabel: (r) => requests.find((x) => x.request === r)?.label ?? `request ${r}`,
            initialState: s.run.model.states[s.run.model.initialState]!.name,
          }}
          events={events}
          cursor={cursor}
          onJump={s.jump}
        />
      </section>
    </div>
  );
}
