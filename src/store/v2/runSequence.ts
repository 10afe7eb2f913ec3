import type { ModelV2 } from '../../model/v2/model';
import type { StepKindV2 } from '../../engine/v2/stepTypes';
import type { RunV2 } from './runValue';
import { networkMessages } from './runView';

/**
 * A version-2 run as the sequence diagram reads it: one row per step (row 0 is the start), and
 * every message as a life from the row that sent it to the rows that took it off the network.
 * Messages are followed through the run value alone: a channel is a queue (a receive or a drop
 * takes the message at the step's position, a duplicate appends a copy, sends append at the end);
 * the pool keeps a message once sent, so each receive of it is one more end.
 */

export type RowKindV2 = StepKindV2 | 'timeout' | 'start';

export interface SequenceRowV2 {
  readonly row: number;
  readonly label: string;
  readonly kind: RowKindV2;
  /** The instance that moves (drop/duplicate: the receiver of the message), global index; -1 on row 0. */
  readonly instance: number;
  /** The run stops here on a violation (a false invariant, or a step that violates while computed). */
  readonly violation: boolean;
  /** The step produced no configuration (the run's refused last row). */
  readonly refused: boolean;
}

export interface MessageEndV2 {
  readonly row: number;
  readonly how: 'received' | 'ignored' | 'dropped';
}

export interface SequenceMessageV2 {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly sentRow: number;
  /** Made by a duplicate step (its `sentRow` is that step). */
  readonly duplicate: boolean;
  /** Empty while it is still in the network at the run's last row. */
  readonly ends: MessageEndV2[];
}

export interface RunSequenceV2 {
  readonly lifelines: readonly string[];
  readonly rows: readonly SequenceRowV2[];
  readonly messages: readonly SequenceMessageV2[];
}

// Keyed by the points array: moving the cursor keeps it (the diagram is not rebuilt); every
// move that changes the rows, a refused last step included, makes a new one.
const sequenceOf = new WeakMap<RunV2['points'], RunSequenceV2>();

/** The whole run (rows after the cursor included), computed once per list of points. */
export function runSequenceV2(run: RunV2): RunSequenceV2 {
  let s = sequenceOf.get(run.points);
  if (!s) {
    s = compute(run);
    sequenceOf.set(run.points, s);
  }
  return s;
}

function compute(run: RunV2): RunSequenceV2 {
  const { model } = run;
  const rows: SequenceRowV2[] = [{ row: 0, label: 'start', kind: 'start', instance: -1, violation: run.points[0]!.violations.length > 0, refused: false }];
  const messages: SequenceMessageV2[] = [];
  const net = model.network;
  const queues: number[][] = net.model === 'channels' ? net.channels.map(() => []) : [];
  const poolSent = new Map<string, number>();
  const send = (text: string, from: number, to: number, row: number, duplicate: boolean): number => {
    messages.push({ text, from, to, sentRow: row, duplicate, ends: [] });
    return messages.length - 1;
  };
  for (let i = 1; i < run.points.length; i++) {
    const point = run.points[i]!;
    const step = point.step!;
    rows.push({ row: i, label: point.label!, kind: rowKind(model, step.kind, step.instance, step.what), instance: step.instance, violation: point.violations.length > 0, refused: false });
    if (net.model === 'channels') {
      const q = step.channel >= 0 ? queues[step.channel]! : null;
      if (q && (step.kind === 'receive' || step.kind === 'drop')) {
        const [id] = q.splice(step.position, 1);
        if (id !== undefined) messages[id]!.ends.push({ row: i, how: step.kind === 'drop' ? 'dropped' : step.transition < 0 ? 'ignored' : 'received' });
      } else if (q && step.kind === 'duplicate') {
        const original = messages[q[step.position]!];
        if (original) q.push(send(original.text, original.from, original.to, i, true));
      }
      // Whatever the channel holds beyond the messages followed so far was sent by this step.
      const now = networkMessages(model, point.vector);
      net.channels.forEach((_, c) => {
        const inChannel = now.filter((m) => m.channel === c);
        const queue = queues[c]!;
        while (queue.length < inChannel.length) {
          const m = inChannel[queue.length]!;
          queue.push(send(m.text, m.from, m.to, i, false));
        }
        queue.length = inChannel.length;
      });
    } else {
      if (step.kind === 'receive') {
        const id = poolSent.get(poolMessage(step.what, step.sender, step.instance, step.payload));
        if (id !== undefined) messages[id]!.ends.push({ row: i, how: step.transition < 0 ? 'ignored' : 'received' });
      }
      for (const m of networkMessages(model, point.vector)) {
        const key = poolMessage(m.message, m.from, m.to, m.payload);
        if (!poolSent.has(key)) poolSent.set(key, send(m.text, m.from, m.to, i, false));
      }
    }
  }
  if (run.refused) {
    const step = run.refused.step;
    rows.push({ row: run.points.length, label: run.refused.label, kind: rowKind(model, step.kind, step.instance, step.what), instance: step.instance, violation: true, refused: true });
  }
  return { lifelines: model.instances.map((i) => i.name), rows, messages };
}

/** A timer event is drawn as a timeout: the instance gave up waiting, not knowing what happened. */
function rowKind(model: ModelV2, kind: StepKindV2, instance: number, what: number): RowKindV2 {
  if (kind !== 'event') return kind;
  const role = model.roles[model.instances[instance]!.role]!;
  return role.events[what]?.source === 'timer' ? 'timeout' : 'event';
}

/** One pool message (kind, sender, receiver, payload): a key of its own, not its slot (a kind sent only to all keeps one slot for all its receivers). */
function poolMessage(message: number, sender: number, receiver: number, payload: number): string {
  return `${message} ${sender} ${receiver} ${payload}`;
}
