import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * What Simulate and Check draw over the role canvases of a version-2 design. Written by the run
 * views (`src/ui/v2/run`), read by the canvases (`src/ui/v2/canvas`). Session data: never saved,
 * never in the design's history.
 */
export interface RoleOverlay {
  /** State name → the instances in it, as people read them (`RM[2]`, `TM`). */
  readonly instancesIn: ReadonlyMap<string, readonly string[]>;
  /** Index in the role's `transitions` of the last step's transition, if it was this role's. */
  readonly lastTransition?: number;
  /** Indexes in the role's `transitions` that some enabled step takes. */
  readonly enabledTransitions: ReadonlySet<number>;
  /** States and transitions (indexes) the last exhaustive check never reached. */
  readonly dimmedStates: readonly string[];
  readonly dimmedTransitions: readonly number[];
}

export interface RoleOverlayState {
  /** Role name → its overlay; a role without one is drawn plain. */
  readonly roles: ReadonlyMap<string, RoleOverlay>;
  /** When set, clicking a transition on a role canvas calls this instead of selecting it. */
  readonly onTransitionClick?: (role: string, transition: number) => void;
}

export type RoleOverlayStore = StoreApi<RoleOverlayState>;

export const emptyRoleOverlay: RoleOverlayState = { roles: new Map() };

export function createRoleOverlayStore(): RoleOverlayStore {
  return createStore<RoleOverlayState>()(() => emptyRoleOverlay);
}
