import { createContext, useContext } from 'react';
import type { PanelV2 } from './errorPlaces';

/** Which side panel is shown in the version-2 editor, and which role the Role panel edits. */
export interface PanelStateV2 {
  readonly panel: PanelV2;
  readonly setPanel: (panel: PanelV2) => void;
  readonly role: number;
  readonly setRole: (role: number) => void;
}

export const PanelContextV2 = createContext<PanelStateV2>({ panel: 'inspector', setPanel: () => {}, role: 0, setRole: () => {} });

export function usePanelV2(): PanelStateV2 {
  return useContext(PanelContextV2);
}
