import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * What other modes draw over the canvas: Simulate's current state and last transition, Check's
 * unreached elements. Session data: never saved, never in the design's history.
 */
export interface CanvasOverlay {
  readonly activeState?: string;
  /** Index in design.transitions. */
  readonly activeTransition?: number;
  readonly dimmedStates: readonly string[];
  readonly dimmedTransitions: readonly number[];
  /** When set, clicking an edge's event label calls this instead of selecting the transition. */
  readonly onTransitionClick?: (index: number) => void;
}

export type CanvasOverlayStore = StoreApi<CanvasOverlay>;

export const emptyOverlay: CanvasOverlay = { dimmedStates: [], dimmedTransitions: [] };

export function createCanvasOverlayStore(): CanvasOverlayStore {
  return createStore<CanvasOverlay>()(() => emptyOverlay);
}

/** Clears every highlight (a mode calls this when it closes). */
export function clearOverlay(store: CanvasOverlayStore): void {
  store.setState(emptyOverlay, true);
}
