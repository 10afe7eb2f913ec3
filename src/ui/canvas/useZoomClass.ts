import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

/** Below this zoom an 11 px label is under 5 px tall: unreadable, so only the event name stays. */
export const FAR_ZOOM = 0.45;

/**
 * Marks the canvas element `is-far` while zoomed out. One class on the container, set straight
 * on the DOM from a store subscription: no React render per frame and no per-edge zoom state.
 */
export function useZoomClass(ref: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  useEffect(() => {
    let far: boolean | null = null;
    const apply = (zoom: number) => {
      const next = zoom < FAR_ZOOM;
      if (next === far) return;
      far = next;
      ref.current?.classList.toggle('is-far', next);
    };
    apply(store.getState().transform[2]);
    return store.subscribe((s) => apply(s.transform[2]));
  }, [store, ref]);
}
