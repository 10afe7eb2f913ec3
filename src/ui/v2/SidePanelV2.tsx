import { useEffect } from 'react';
import { useDesignStateV2, useDesignV2 } from '../../store/v2/useDesignV2';
import { SelectField } from '../fields/SelectField';
import { ErrorListV2 } from './ErrorListV2';
import type { PanelV2 } from './errorPlaces';
import { DesignForm, EnvironmentForm } from './forms/DesignForm';
import { MessagesForm } from './forms/MessagesForm';
import { RoleForm } from './forms/RoleForm';
import { StateForm } from './forms/StateForm';
import { TransitionForm } from './forms/TransitionForm';
import { usePanelV2 } from './panelContext';

const PANELS: readonly { id: PanelV2; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'role', label: 'Role' },
  { id: 'messages', label: 'Messages' },
  { id: 'design', label: 'Design' },
  { id: 'environment', label: 'Environment' },
];

/** Design mode's side panel for a version-2 design: the selection, the role, messages, design, environment; then the errors. */
export function SidePanelV2() {
  const { panel, setPanel } = usePanelV2();
  const selection = useDesignStateV2((s) => s.selection);
  // Selecting on a canvas opens the inspector.
  useEffect(() => {
    if (selection.states.length || selection.transitions.length) setPanel('inspector');
  }, [selection, setPanel]);
  return (
    <aside className="side-panel" aria-label="Editor panels">
      <div role="tablist" aria-label="Panels" className="side-tabs">
        {PANELS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`side-tab-${t.id}`} aria-selected={panel === t.id} aria-controls="side-tabpanel" onClick={() => setPanel(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-panel__body" role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${panel}`}>
        <PanelFor panel={panel} />
      </div>
      <ErrorListV2 />
    </aside>
  );
}

function PanelFor({ panel }: { panel: PanelV2 }) {
  const selection = useDesignStateV2((s) => s.selection);
  switch (panel) {
    case 'inspector':
      if (selection.role !== null && selection.states.length === 1) return <StateForm role={selection.role} name={selection.states[0]!} readOnly={false} />;
      if (selection.role !== null && selection.transitions.length === 1) return <TransitionForm role={selection.role} index={selection.transitions[0]!} readOnly={false} />;
      return <p className="hint">Select a state or a transition on a role’s canvas (click it, or Tab to it and press Enter), or add one with the lane’s buttons.</p>;
    case 'role':
      return <RolePanel />;
    case 'messages':
      return <MessagesForm readOnly={false} />;
    case 'design':
      return <DesignForm readOnly={false} />;
    case 'environment':
      return <EnvironmentForm readOnly={false} />;
  }
}

function RolePanel() {
  const design = useDesignV2();
  const { role, setRole } = usePanelV2();
  const index = Math.min(role, design.roles.length - 1);
  return (
    <>
      <SelectField label="Role shown" path="#role" value={String(index)} choices={design.roles.map((r, i) => ({ value: String(i), label: r.name || `Role ${i + 1}` }))} onChange={(v) => setRole(Number(v))} />
      {index >= 0 && <RoleForm role={index} readOnly={false} />}
    </>
  );
}
