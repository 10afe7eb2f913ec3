import { useDeferredValue } from 'react';
import { useStore } from 'zustand';
import type { AnyLoadResultV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { useEditorStores } from '../editorContext';
import type { DesignStateV2, DesignStoreV2 } from './designStoreV2';
import { loadResultOfV2 } from './loadResultV2';

/** The editor's version-2 design store (App makes one beside the version-1 store). */
export function useDesignStoreV2(): DesignStoreV2 {
  const store = useEditorStores().designsV2;
  if (!store) throw new Error('This editor has no version-2 design store.');
  return store;
}

/** Any slice of the version-2 design store. */
export function useDesignStateV2<T>(selector: (state: DesignStateV2) => T): T {
  return useStore(useDesignStoreV2(), selector);
}

/** The open version-2 design; re-renders on every edit. */
export function useDesignV2(): DesignV2 {
  return useDesignStateV2((s) => s.design);
}

/**
 * The version-2 loader's verdict on the open design (cached per design object), one deferred
 * render behind an edit: the keystroke or drag that made the design is drawn first, and the
 * design is checked again (every expression compiled) in the low-priority render that follows,
 * which React drops when the next keystroke comes first.
 */
export function useLoadResultV2(): AnyLoadResultV2 {
  return loadResultOfV2(useDeferredValue(useDesignV2()));
}
