import { createContext, useContext } from 'react';
import type { CanvasOverlayStore } from './canvasOverlay';
import type { DesignStore } from './designStore';
import type { DesignStoreV2 } from './v2/designStoreV2';
import type { WorkspaceStore } from './workspace';

/** The stores of one editor, handed down by `EditorProvider` (as xyflow hands down its store). */
export interface EditorStores {
  readonly designs: DesignStore;
  readonly overlay: CanvasOverlayStore;
  /** The open version-2 document's design (the workspace's `version` says which store is shown). */
  readonly designsV2?: DesignStoreV2;
  /** Absent in tests that mount a panel without documents. */
  readonly workspace?: WorkspaceStore;
}

export const EditorContext = createContext<EditorStores | null>(null);

export function useEditorStores(): EditorStores {
  const stores = useContext(EditorContext);
  if (!stores) throw new Error('useEditorStores must be used inside <EditorProvider>.');
  return stores;
}
