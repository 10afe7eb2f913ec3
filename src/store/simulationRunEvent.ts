/**
 * One step of a simulated run as the sequence diagram sees it: plain data, built from the
 * simulator's history by `runEvents.ts`, so the layout is a pure function testable without React.
 */

export type StepKind =
  | 'send'
  | 'deliver'
  | 'ack'
  | 'persist'
  | 'receive'
  | 'drop'
  | 'duplicate'
  | 'timeout'
  | 'fire'
  | 'crash'
  | 'restart';

/** Which side of the world a step belongs to (MODEL.md §4), used to group the step buttons. */
export type Actor = 'client' | 'network' | 'machine' | 'fault';

export type ReplyValue = 'ok' | 'error';

export interface RunEvent {
  /** 1-based position in the run: row `step N` of the diagram. */
  readonly index: number;
  /** The step's stable label, e.g. `deliver Charge#1`. */
  readonly label: string;
  readonly kind: StepKind;
  /** The request the step concerns (send, deliver, ack, persist, receive, timeout, drop/duplicate of a request or reply). */
  readonly request?: number;
  /** For drop/duplicate: which channel the message was on. */
  readonly channel?: 'toMachine' | 'toClient';
  /** The reply carried: an ack's reply, a received reply, a dropped/duplicated reply. */
  readonly reply?: ReplyValue;
  /** For timeout: true when the client retried, false when it gave up (ambiguous). */
  readonly retried?: boolean;
  /** For deliver: how the machine answered, when the simulator says (`dedupe` = served from a table). */
  readonly note?: string;
  /** The machine's state (name) after the step, and its mode. */
  readonly stateAfter: string;
  readonly modeAfter: 'up' | 'busy' | 'recovering';
  /** Names of violations the step caused or the configuration it produced shows. */
  readonly violations?: readonly string[];
}
