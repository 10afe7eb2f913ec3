import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useEditorStores } from '../../store/editorContext';

// An editor mounted without documents (some tests) has one unnamed document.
const noWorkspace: StoreApi<{ currentId: string | null }> = createStore(() => ({ currentId: null }));

/** The id of the open document ('' when the editor has no workspace). */
export function useDocumentId(): string {
  const { workspace } = useEditorStores();
  return useStore((workspace ?? noWorkspace) as StoreApi<{ currentId: string | null }>, (w) => w.currentId ?? '');
}
