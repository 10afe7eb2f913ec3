import { Inspector } from '../inspector/Inspector';
import { DesignPanel } from '../panels/DesignPanel';
import { EnvironmentPanel } from '../panels/EnvironmentPanel';
import { EventsPanel } from '../panels/EventsPanel';
import { InvariantsPanel } from '../panels/InvariantsPanel';
import { VarsPanel } from '../panels/VarsPanel';
import { ErrorList } from './ErrorList';
import { SIDE_TABS, useSidePanel, type SideTab } from './sidePanelContext';
import { useInspectOnSelect } from './useInspectOnSelect';

/** Design mode's side panel: the inspector and one panel per part of the design, then the problems. */
export function SidePanel() {
  const { tab, setTab } = useSidePanel();
  useInspectOnSelect(setTab);
  return (
    <aside className="side-panel" aria-label="Editor panels">
      <div role="tablist" aria-label="Panels" className="side-tabs">
        {SIDE_TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`side-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="side-tabpanel" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-panel__body" role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${tab}`}>
        <PanelFor tab={tab} />
      </div>
      <ErrorList />
    </aside>
  );
}

function PanelFor({ tab }: { tab: SideTab }) {
  switch (tab) {
    case 'inspector':
      return <Inspector readOnly={false} />;
    case 'design':
      return <DesignPanel readOnly={false} />;
    case 'vars':
      return <VarsPanel readOnly={false} />;
    case 'events':
      return <EventsPanel readOnly={false} />;
    case 'invariants':
      return <InvariantsPanel readOnly={false} />;
    case 'environment':
      return <EnvironmentPanel readOnly={false} />;
  }
}
