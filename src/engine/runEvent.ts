import type { Answered } from './deliver';
import type { Reply } from './configuration';
import type { Run } from './run';
import type { SimulatorView } from './simulatorView';
import type { Actor, Channel, Step, StepKind } from './step';
import type { Violation } from './violation';

/**
 * One row of a simulated run as the sequence diagram sees it: plain data derived from the run
 * (`runEvents`), so the layout is a pure function testable without React. Every word of it
 * (kind, actor, channel, reply, whether a delivery was answered at once, violations) is the
 * engine's own.
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
  /** For deliver: the machine answered at once, from a dedupe table or by rejecting (`StepOutcome.answered`). */
  readonly note?: Answered;
  /** The machine's state (name) after the step, and its mode; the state it started from for a step that violates while computed. */
  readonly stateAfter: string;
  readonly modeAfter: SimulatorView['mode'];
  /**
   * Violations the step caused or the configuration it produced shows. When one of them is a
   * step violation (`step: true`) the step produced no configuration and the run ends on it.
   */
  readonly violations?: readonly Violation[];
}

/** Every row of the run (also those after the cursor), the refused step last. */
export function runEvents(run: Run): RunEvent[] {
  const ps = run.points;
  const out: RunEvent[] = [];
  for (let i = 1; i < ps.length; i++) out.push(runEvent(run, i, ps[i]!.step!, ps[i - 1]!.configuration, ps[i]!.configuration, ps[i]!.outcome?.answered, ps[i]!.violations));
  if (run.refused) {
    const at = ps.at(-1)!.configuration;
    out.push(runEvent(run, ps.length, run.refused.step, at, at, run.refused.outcome.answered, run.refused.outcome.violations));
  }
  return out;
}

function runEvent(
  run: Run,
  index: number,
  step: Step,
  before: Run['points'][number]['configuration'],
  after: Run['points'][number]['configuration'],
  answered: Answered | undefined,
  violations: readonly Violation[],
): RunEvent {
  const base = { index, label: step.label, kind: step.kind, stateAfter: run.model.states[after.state]!.name, modeAfter: after.mode.kind };
  const extra: Partial<Omit<RunEvent, 'index' | 'label' | 'kind'>> = {};
  switch (step.kind) {
    case 'send':
    case 'deliver':
    case 'persist':
      Object.assign(extra, { request: step.request });
      break;
    case 'ack':
      Object.assign(extra, { request: step.request }, before.mode.kind === 'busy' ? { reply: before.mode.reply } : {});
      break;
    case 'receive':
      Object.assign(extra, { request: step.request, reply: step.reply });
      break;
    case 'timeout':
      Object.assign(extra, { request: step.request, retried: step.retry });
      break;
    case 'drop':
    case 'duplicate':
      Object.assign(extra, { request: step.request, channel: step.channel }, step.reply ? { reply: step.reply } : {});
      break;
    case 'fire':
    case 'crash':
    case 'restart':
      break;
  }
  if (answered) Object.assign(extra, { note: answered });
  return { ...base, ...extra, ...(violations.length > 0 ? { violations } : {}) };
}
