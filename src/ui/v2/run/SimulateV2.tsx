import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ModelV2 } from '../../../model/v2/model';
import { loadResultOfV2 } from '../../../store/v2/loadResultV2';
import { runSequenceV2 } from '../../../store/v2/runSequence';
import { currentPointV2, enabledV2, runLengthV2, standingOnRefusedV2 } from '../../../store/v2/runValue';
import { roleTransition, runViewV2, stepsInOrderV2 } from '../../../store/v2/runView';
import { EnabledSteps, RunNotice } from '../../simulate/RunStatus';
import { SimulateToolbar } from '../../simulate/SimulateToolbar';
import type { RunViewV2Props } from './props';
import { InitialPickerV2 } from './InitialPickerV2';
import { InstancePanelsV2 } from './InstancePanelsV2';
import { SequenceDiagramV2 } from './SequenceDiagramV2';
import { SimulateWithClients } from './SimulateWithClients';
import { StepGroupsV2 } from './StepGroupsV2';
import { useRunV2 } from './useRunV2';
import { useSimulateKeysV2 } from './useSimulateKeysV2';

/**
 * Simulate for a version-2 design: every instance's state and vars (memory beside the persisted
 * record), the network, the enabled steps by actor and instance, time travel and fork, and the
 * sequence diagram. While mounted, clicking a transition on a role canvas takes it. A design with
 * clients (docs/format-v2.md §13) runs as its version-1 model (`SimulateWithClients`).
 */
export function SimulateV2(props: RunViewV2Props) {
  const load = loadResultOfV2(props.design);
  if (!load.ok) return <p role="alert">The design has errors: fix them in Design mode to simulate it.</p>;
  if (load.kind === 'clients') return <SimulateWithClients {...props} load={load} />;
  return <SimulateParticipants {...props} model={load.model} />;
}

function SimulateParticipants({ design, model, documentId, overlay }: RunViewV2Props & { readonly model: ModelV2 }) {
  const { stores } = useRunV2(design, model, documentId, overlay);
  const sim = stores.simulation;
  const s = useStore(sim);
  const run = s.run;
  const view = run ? runViewV2(run) : null;
  const instances = useMemo(() => model.instances.map((i) => i.name), [model]);
  const ordered = useMemo(() => (view ? stepsInOrderV2(view, instances) : []), [view, instances]);
  useSimulateKeysV2(sim, ordered);
  useEffect(() => {
    // Click-to-step: the first enabled step that takes this transition (instances in role order).
    overlay.setState({
      onTransitionClick: (roleName, transition) => {
        const r = sim.getState().run;
        if (!r) return;
        const step = enabledV2(r).find((e) => {
          const at = roleTransition(r.model, e.step.transition);
          return at.index === transition && r.model.roles[at.role]?.name === roleName;
        });
        if (step) sim.getState().take(step.label);
      },
    });
    return () => overlay.setState({ onTransitionClick: undefined });
  }, [overlay, sim]);
  if (!run || !view) return <p>Loading the simulator…</p>;
  const length = runLengthV2(run);
  const cursor = run.cursor;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10, minWidth: 0 }}>
      <SimulateToolbar
        run={s}
        cursor={cursor}
        length={length}
        happyPathTitle="From the start, no fault: deliveries first, then each instance's own steps"
      />
      <InitialPickerV2 model={model} start={run.start} onStart={s.startFrom} />
      <RunNotice notice={s.notice} onDismiss={s.dismissNotice} />
      <p style={{ margin: 0 }} aria-live="polite">
        Step {cursor} of {length}
        {cursor > 0 ? <> · last: {standingOnRefusedV2(run)?.label ?? currentPointV2(run).label}</> : null}
      </p>
      <EnabledSteps cursor={cursor} length={length}>
        {view.refused ? (
          <p role="status">The run ends on this step: it violates while it is computed. Undo steps back before it.</p>
        ) : ordered.length === 0 ? (
          <p role="status">No step is enabled: the run has ended here.</p>
        ) : (
          <StepGroupsV2 steps={ordered} instances={instances} onTake={(label) => void s.take(label)} />
        )}
      </EnabledSteps>
      <InstancePanelsV2 view={view} />
      <section aria-label="Run" style={{ border: '1px solid #cbd5e1', borderRadius: 6 }}>
        <SequenceDiagramV2 sequence={runSequenceV2(run)} cursor={cursor} onJump={s.jump} />
      </section>
    </div>
  );
}
