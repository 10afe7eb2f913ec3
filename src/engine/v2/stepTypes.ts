/**
 * The moves of a version-2 configuration, as data (docs/format-v2.md, "Steps"). A `StepRef` is
 * filled in place by `StepRules` for every step it enumerates, so the explorer allocates nothing
 * per step; whoever keeps one copies it.
 */

export type StepKindV2 = 'event' | 'receive' | 'restart' | 'crash' | 'drop' | 'duplicate';

export interface StepRef {
  kind: StepKindV2;
  /** The instance that moves (global index); for drop/duplicate, the channel's receiver. */
  instance: number;
  /** The transition taken, or -1 (crash, drop, duplicate, an ignored message, a restart with none). */
  transition: number;
  /** The event (index in its role) or message kind; -1 when neither. */
  what: number;
  /** Payload index of the event or message. */
  payload: number;
  /** The sender (global instance) of a received, dropped or duplicated message; -1 otherwise. */
  sender: number;
  /** Channels model: the channel and the position in it; -1 otherwise. */
  channel: number;
  position: number;
}

/** `replay`: a call's replay check (format-v2.md §14), version 1's violation of that name. */
export type ViolationKindV2 = 'invariant' | 'out-of-range' | 'eval-error' | 'channel-full' | 'deadlock' | 'replay';

export interface ViolationV2 {
  readonly kind: ViolationKindV2;
  /** The invariant, `Role.var`, transition name, message kind or instance, per kind. */
  readonly name: string;
  readonly detail: string;
  /** Found while the step was computed: the step produced no configuration. */
  readonly step: boolean;
}

export function emptyStep(): StepRef {
  return { kind: 'event', instance: 0, transition: -1, what: -1, payload: 0, sender: -1, channel: -1, position: -1 };
}

export function copyStep(s: StepRef): StepRef {
  return { ...s };
}
