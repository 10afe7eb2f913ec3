import type { SimulatorView } from '../engine/simulatorView';
import type { Actor, RunEvent } from './simulationRunEvent';

/**
 * What the Simulate panels draw: one configuration of MODEL.md §3 with display strings already
 * decoded, plus the enabled steps. Built from the engine's own view by `simulationAdapter.ts`, so
 * the panels never depend on the engine's packing.
 */

// The rows that carry no display decisions are the engine's own types, not copies.
import type { ClientStatus } from '../engine/configuration';
import type { VarRow } from '../engine/simulatorView';
export type { ClientStatus, VarRow };
export type Mode = SimulatorView['mode'];

export interface DedupeRow {
  /** e.g. `Charge#1`. */
  readonly request: string;
  readonly reply: string;
}

export interface ClientRow {
  readonly request: number;
  /** e.g. `Charge#1`, or `#2` while unsent. */
  readonly label: string;
  readonly status: ClientStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
}

export interface InvariantRow {
  readonly name: string;
  readonly holds: boolean;
  readonly detail?: string;
}

export interface StepButton {
  readonly label: string;
  readonly actor: Actor;
  /** The design transition the step would take, when known (canvas click → step). */
  readonly transition?: number;
}

/** The engine's view where it needs no translation; the rest decoded for the panels. */
export interface SimView extends Pick<SimulatorView, 'mode' | 'modeText' | 'state' | 'vars' | 'toMachine' | 'toClient'> {
  readonly persisted: {
    readonly state: string;
    readonly vars: readonly { readonly name: string; readonly value: string }[];
    readonly dedupe: readonly DedupeRow[];
  };
  readonly dedupe: readonly DedupeRow[];
  readonly clients: readonly ClientRow[];
  readonly invariants: readonly InvariantRow[];
  /** Violations of the last step or of this configuration, as `kind name: detail`. */
  readonly violations: readonly string[];
  readonly steps: readonly StepButton[];
  readonly budgets: readonly { readonly name: string; readonly used: number; readonly max: number }[];
}

export type ReplayOutcome =
  /** `warning`: every step applied, but something deserves a word (e.g. the design changed since). */
  | { readonly ok: true; readonly steps: number; readonly warning?: string }
  | { readonly ok: false; readonly steps: number; readonly stale: string; readonly reason: string };

/**
 * A simulation session over one loaded design: a history of steps with a cursor. Taking a step
 * when the cursor is behind the end forks (drops the redo tail).
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
  readonly happyPath: () => void;
  readonly randomRun: (seed: number) => void;
  readonly exportTrace: () => string;
  /** Replays a trace from the start; stops at the first label that no longer applies. */
  readonly replay: (labels: readonly string[]) => ReplayOutcome;
  readonly importTrace: (text: string) => ReplayOutcome;
}
