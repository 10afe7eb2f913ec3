import type { CanvasOverlayStore } from './canvasOverlay';
import { startCheck, type CheckRunner } from '../worker/checkClient';
import { createCheckStore, type CheckStore } from './check';
import type { EditorStores } from './editorContext';
import { createSimulationStore, type OverlaySink, type SimulationStore } from './simulation';

/**
 * The Simulate and Check stores of one editor. They are session data (never saved, never in the
 * design's history) and are shared by both modes (Check's Replay loads the Simulate run), so
 * they hang off the editor's own stores: one pair per editor, made on first use, no singleton.
 */
export interface RunStores {
  readonly simulation: SimulationStore;
  readonly check: CheckStore;
  /** A second check of the same design with the replay check off: do the person's own invariants break too? */
  readonly recheck: CheckStore;
}

const byEditor = new WeakMap<EditorStores, RunStores>();

/** Lets tests (and the e2e hook) run checks without a worker. */
let runnerOverride: CheckRunner | null = null;
export function setCheckRunnerForTests(runner: CheckRunner | null): void {
  runnerOverride = runner;
}

export function runStoresOf(editor: EditorStores): RunStores {
  let stores = byEditor.get(editor);
  if (!stores) {
    stores = createRunStores(overlaySink(editor.overlay));
    byEditor.set(editor, stores);
  }
  return stores;
}

/** A Simulate store (drawing on `overlay` when given) and two Check stores on version 1's worker. */
export function createRunStores(overlay?: OverlaySink): RunStores {
  return {
    simulation: createSimulationStore(overlay),
    check: createCheckStore((design, limits) => (runnerOverride ?? startCheck)(design, limits)),
    recheck: createCheckStore((design, limits) => (runnerOverride ?? startCheck)(design, limits)),
  };
}

/** Simulate's highlight on the canvas: the current state and the transition just taken. */
export function overlaySink(overlay: CanvasOverlayStore): OverlaySink {
  return {
    show: (state, transition) => {
      const next: { activeState?: string; activeTransition?: number } = {};
      if (state !== null) next.activeState = state;
      if (transition !== null) next.activeTransition = transition;
      overlay.setState({ activeState: undefined, activeTransition: undefined, ...next });
    },
  };
}
