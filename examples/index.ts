/**
 * The teaching designs shown in the gallery, each a small protocol with one lesson. The files
 * are plain design documents; `src/model/examples.test.ts` proves that each one loads.
 */
import type { Design } from '../src/model/schema';
import ackBeforeWrite from './ack-before-write.protocol.json';
import leaderEpoch from './leader-epoch.protocol.json';
import paymentIdempotent from './payment-idempotent.protocol.json';
import paymentRetried from './payment-retried.protocol.json';

export interface Example {
  readonly slug: string;
  readonly title: string;
  /** One line for the gallery card; the design's `description` tells the whole lesson. */
  readonly lesson: string;
  /** Where to look on the canvas, and what to try, shown under the lesson banner. */
  readonly look: string;
  readonly tryThis: readonly string[];
  readonly design: Design;
}

// JSON imports type their strings as `string`, wider than the schema's literals; the test named
// above checks every file against the real schema.
export const examples: readonly Example[] = [
  {
    slug: 'payment-retried',
    title: 'Payment retried without an idempotency key',
    lesson: 'A retried request without a dedupe key is processed twice: the client hears a failure for a charge that happened.',
    look: 'Under Charge: "retry ×2" and an orange "no dedupe". In the legend, charges is a ghost var: it counts what the bank really did. The dashed ↻ loop is recovery after a crash.',
    tryThis: [
      'Simulate: send Charge#1, then let it time out before any reply: the retry is the same request sent again.',
      'Check: the replay check finds the retry processed a second time; Replay walks through it step by step.',
      'Fix: in Events, give Charge a durable idempotency key, and check again.',
    ],
    design: paymentRetried as unknown as Design,
  },
  {
    slug: 'payment-idempotent',
    title: 'Payment with a durable idempotency key',
    lesson: 'Recording request ids durably with the effect makes retries, duplicates and crashes harmless.',
    look: 'Under Charge: "dedupe ▣", request ids kept durably in the same write as the charge. Everything else is the retried payment.',
    tryThis: [
      'Check: OK, with retries, a drop, a duplicate and a crash all allowed.',
      'Set the idempotency to volatile and check again: a crash forgets the ids, and the retry after it charges again.',
    ],
    design: paymentIdempotent as unknown as Design,
  },
  {
    slug: 'ack-before-write',
    title: 'Ack sent before the write is durable',
    lesson: 'A best-effort ack followed by a crash leaves the client holding an ok for a write that is gone.',
    look: 'The Put transition carries "~ best-effort": the client hears ok before the write is on disk. The invariant "acked implies stored" says what the client may rely on.',
    tryThis: [
      'Check: the shortest trace acks, then crashes before the persist.',
      'Set the ack of put to durable (Inspector) and check again: the ok now waits for the disk.',
    ],
    design: ackBeforeWrite as unknown as Design,
  },
  {
    slug: 'leader-epoch',
    title: 'Leader epoch kept in memory',
    lesson: 'An epoch that must only grow has to survive crashes: a volatile one goes back to 0.',
    look: 'In the legend, epoch is volatile: a crash resets it to its initial value. "epochs never go back" is a step invariant (it reads epoch\' after a step).',
    tryThis: [
      'Check: elect, then crash: the epoch goes back to 0.',
      'Make epoch durable in the Vars panel and check again.',
    ],
    design: leaderEpoch as unknown as Design,
  },
];
