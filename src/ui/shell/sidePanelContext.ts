import { createContext, useContext } from 'react';

export type SideTab = 'inspector' | 'design' | 'vars' | 'events' | 'invariants' | 'environment';

export const SIDE_TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'design', label: 'About' },
  { id: 'vars', label: 'Vars' },
  { id: 'events', label: 'Events' },
  { id: 'invariants', label: 'Invariants' },
  { id: 'environment', label: 'Environment' },
];

export interface SidePanelControl {
  readonly tab: SideTab;
  readonly setTab: (tab: SideTab) => void;
}

export const SidePanelContext = createContext<SidePanelControl>({ tab: 'inspector', setTab: () => {} });

export function useSidePanel(): SidePanelControl {
  return useContext(SidePanelContext);
}
