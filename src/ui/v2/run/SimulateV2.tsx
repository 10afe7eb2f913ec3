import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { runSequenceV2 } from '../../../store/v2/runSequence';
import { currentPointV2, enabledV2, runLengthV2, standingOnRefusedV2 } from '../../../store/v2/runValue';
import { roleTransition, runViewV2, stepsInOrderV2 } from '../../../store/v2/runView';
import type { RunViewV2Props } from './props';
import { InstancePanelsV2 } from './InstancePanelsV2';
import { SequenceDiagramV2 } from './SequenceDiagramV2';
import { StepGroupsV2 } from './StepGroupsV2';
import { useRunV2 } from './useRunV2';
import { useSimulateKeysV2 } from './useSimulateKeysV2';

/**
 * Simulate for a version-2 design: every instance's state and vars (memory beside the persisted
 * record), the network, the enabled steps by actor and instance, time travel and fork, and the
 * sequence diagram. While mounted, clicking a transition on a role canvas takes it.
 */
export function SimulateV2({ design, documentId, overlay }: RunViewV2Props) {
  const { stores, load } = useRunV2(design, documentId, overlay);
  const sim = stores.simulation;
  const s = useStore(sim);
  const run = s.run;
  const view = run ? runViewV2(run) : null;
  const instances = useMemo(() => (load.ok ? load.model.instances.map((i) => i.name) : []), [load]);
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
  const [seed, setSeed] = useState(1);
  if (!load.ok) return <p role="alert">The design has errors: fix them in Design mode to simulate it.</p>;
  if (!run || !view) return <p>Loading the simulator…</p>;
  const length = runLengthV2(run);
  const cursor = run.cursor;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, padding: 10, minWidth: 0 }}>
      <div role="toolbar" aria-label="Simulation" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <button type="button" onClick={s.undo} disabled={cursor === 0} aria-keyshortcuts="ArrowLeft Control+Z">
          Undo
        </button>
        <button type="button" onClick={s.redo} disabled={cursor >= length} aria-keyshortcuts="ArrowRight Control+Shift+Z">
          Redo / Next
        </button>
        <button type="button" onClick={s.reset} disabled={length === 0}>
          Reset
        </button>
        <button type="button" onClick={s.happyPath} title="From the start, no fault: deliveries first, then each instance's own steps">
          Happy path
        </button>
        <button type="button" onClick={() => s.randomRun(seed)}>
          Random run
        </button>
        <label>
          seed{' '}
          <input type="number" aria-label="seed" value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} style={{ width: 64 }} />
        </label>
      </div>
      {s.notice ? (
        <p role="status" style={{ margin: 0, padding: 6, background: '#fef3c7', border: '1px solid #f59e0b', borderRadius: 4 }}>
          {s.notice}{' '}
          <button type="button" onClick={s.dismissNotice} aria-label="Dismiss notice">
            ×
          </button>
        </p>
      ) : null}
      <p style={{ margin: 0 }} aria-live="polite">
        Step {cursor} of {length}
        {cursor > 0 ? <> · last: {standingOnRefusedV2(run)?.label ?? currentPointV2(run).label}</> : null}
      </p>
      <section aria-label="Enabled steps">
        <h3 style={{ margin: '0 0 4px' }}>Enabled steps</h3>
        {cursor < length ? (
          <p style={{ margin: '0 0 4px', fontSize: 12, color: '#64748b' }}>
            You are back at step {cursor}: taking a step here forks the run (the later steps are dropped).
          </p>
        ) : null}
        {view.refused ? (
          <p role="status">The run ends on this step: it violates while it is computed. Undo steps back before it.</p>
        ) : ordered.length === 0 ? (
          <p role="status">No step is enabled: the run has ended here.</p>
        ) : (
          <StepGroupsV2 steps={ordered} instances={instances} onTake={(label) => void s.take(label)} />
        )}
      </section>
      <InstancePanelsV2 view={view} />
      <section aria-label="Run" style={{ border: '1px solid #cbd5e1', borderRadius: 6 }}>
        <SequenceDiagramV2 sequence={runSequenceV2(run)} cursor={cursor} onJump={s.jump} />
      </section>
    </div>
  );
}
