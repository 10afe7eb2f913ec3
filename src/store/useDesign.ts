import { useStore } from 'zustand';
import type { Design } from '../model/schema';
import type { DesignState } from './designStore';
import { useEditorStores } from './editorContext';

/** The open design; re-renders on every edit. */
export function useDesign(): Design {
  return useDesignState((s) => s.design);
}

/** Any slice of the design store (selection, history, actions). */
export function useDesignState<T>(selector: (state: DesignState) => T): T {
  return useStore(useEditorStores().designs, selector);
}
