import type { SimulatorView } from '../engine/simulatorView';
import type { Actor, RunEvent } from './simulationRunEvent';

/**
 * What the Simulate panels draw: the engine's own view of one configuration (`SimulatorView`:
 * display strings already decoded, never the explorer's packing), with the enabled steps turned
 * into buttons. `simulationAdapter.ts` builds it; the only display decisions it adds are the
 * step buttons' grouping and transitions, and the step violation the run ended on.
 */

export type { ClientStatus } from '../engine/configuration';
export type { ClientRow, DedupeRow, InvariantRow, VarRow } from '../engine/simulatorView';

export interface StepButton {
  readonly label: string;
  /** Who moves; drop and duplicate are listed under the network (the engine files them as faults). */
  readonly actor: Actor;
  /** The design transition the step would take, when known (canvas click → step). */
  readonly transition?: number;
}

export interface SimView extends Omit<SimulatorView, 'steps' | 'stepsByActor'> {
  readonly steps: readonly StepButton[];
  /**
   * Set when the cursor stands on a step that violates while computed (MODEL.md §6): its row and
   * label. The rest of the view is then the configuration it started from, `violations` the
   * step's own, and no step is enabled.
   */
  readonly violatingStep?: { readonly index: number; readonly label: string };
}

export type ReplayOutcome =
  /** `warning`: every step applied, but something deserves a word (e.g. the design changed since). */
  | { readonly ok: true; readonly steps: number; readonly warning?: string }
  | { readonly ok: false; readonly steps: number; readonly stale: string; readonly reason: string };

/**
 * A simulation session over one loaded design: a history of steps with a cursor. Taking a step
 * when the cursor is behind the end forks (drops the redo tail). A step that violates while it
 * is computed ends the run as its last row, whether taken by hand or chosen by a run.
 */
export interface SimSession {
  readonly view: () => SimView;
  /** Every step of the history (also those after the cursor), as diagram rows. */
  readonly events: () => readonly RunEvent[];
  readonly cursor: () => number;
  readonly length: () => number;
  /** Design transition taken by the step that led to the cursor, if any. */
  readonly lastTransition: () => number | undefined;
  readonly requests: () => readonly { readonly request: number; readonly label: string }[];
  readonly initialState: () => string;
  readonly take: (label: string) => boolean;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly jump: (index: number) => void;
  readonly reset: () => void;
  /** Runs from the start and ends at the first violation, like the explorer (see `Simulator.randomRun`). */
  readonly happyPath: () => void;
  readonly randomRun: (seed: number) => void;
  readonly exportTrace: () => string;
  /** Replays a trace from the start; stops at the first label that no longer applies. */
  readonly replay: (labels: readonly string[]) => ReplayOutcome;
  readonly importTrace: (text: string) => ReplayOutcome;
}
