import { useStore } from 'zustand';
import { useEditorStores } from './editorContext';
import type { WorkspaceState } from './workspace';

/** A slice of the documents workspace; throws when the editor was mounted without one. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const { workspace } = useEditorStores();
  if (!workspace) throw new Error('This component needs a workspace in <EditorProvider>.');
  return useStore(workspace, selector);
}
