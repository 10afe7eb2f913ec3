import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useEditorStores } from './editorContext';
import type { StoredDesign } from './storedRecord';
import { useWorkspace } from './useWorkspace';

const none = createStore(() => ({ design: null as StoredDesign | null }));

/** The open document's design, whichever format version it is (downloads, titles). */
export function useOpenDesign(): StoredDesign {
  const { designs, designsV2 } = useEditorStores();
  const version = useWorkspace((w) => w.version);
  const v1 = useStore(designs, (s) => s.design);
  const v2 = useStore(designsV2 ?? none, (s) => s.design);
  return version === 2 && v2 ? v2 : v1;
}
