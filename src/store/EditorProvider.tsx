import type { ReactNode } from 'react';
import { EditorContext, type EditorStores } from './editorContext';

/** Makes one editor's stores available below it; the caller creates them (once, e.g. in useState). */
export function EditorProvider({ stores, children }: { stores: EditorStores; children: ReactNode }) {
  return <EditorContext.Provider value={stores}>{children}</EditorContext.Provider>;
}
