import type { Reply } from '../engine/configuration';
import type { SimulatorView } from '../engine/simulatorView';
import type { Actor, Channel, StepKind } from '../engine/step';
import type { Violation } from '../engine/violation';

/**
 * One step of a simulated run as the sequence diagram sees it: plain data, built from the
 * simulator's history by `simulationAdapter.ts`, so the layout is a pure function testable
 * without React. The step's words (kind, actor, channel, reply, violation) are the engine's own.
 */

export type { Actor, StepKind };

export interface RunEvent {
  /** 1-based position in the run: row `step N` of the diagram. */
  readonly index: number;
  /** The step's stable label, e.g. `deliver Charge#1`. */
  readonly label: string;
  readonly kind: StepKind;
  /** The request the step concerns (send, deliver, ack, persist, receive, timeout, drop/duplicate of a request or reply). */
  readonly request?: number;
  /** For drop/duplicate: which channel the message was on. */
  readonly channel?: Channel;
  /** The reply carried: an ack's reply, a received reply, a dropped/duplicated reply. */
  readonly reply?: Reply;
  /** For timeout: true when the client retried, false when it gave up (ambiguous). */
  readonly retried?: boolean;
  /** For deliver: how the machine answered, when the simulator can tell (`answered`: a dedupe hit or a rejection). */
  readonly note?: string;
  /** The machine's state (name) after the step, and its mode; the state it started from for a step that violates while computed. */
  readonly stateAfter: string;
  readonly modeAfter: SimulatorView['mode'];
  /**
   * Violations the step caused or the configuration it produced shows. When one of them is a
   * step violation (`step: true`) the step produced no configuration and the run ends on it.
   */
  readonly violations?: readonly Violation[];
}
