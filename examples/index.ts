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
  readonly design: Design;
}

// JSON imports type their strings as `string`, wider than the schema's literals; the test named
// above checks every file against the real schema.
export const examples: readonly Example[] = [
  {
    slug: 'payment-retried',
    title: 'Payment retried without an idempotency key',
    lesson: 'A retried request without a dedupe key is processed twice: the client hears a failure for a charge that happened.',
    design: paymentRetried as unknown as Design,
  },
  {
    slug: 'payment-idempotent',
    title: 'Payment with a durable idempotency key',
    lesson: 'Recording request ids durably with the effect makes retries, duplicates and crashes harmless.',
    design: paymentIdempotent as unknown as Design,
  },
  {
    slug: 'ack-before-write',
    title: 'Ack sent before the write is durable',
    lesson: 'A best-effort ack followed by a crash leaves the client holding an ok for a write that is gone.',
    design: ackBeforeWrite as unknown as Design,
  },
  {
    slug: 'leader-epoch',
    title: 'Leader epoch kept in memory',
    lesson: 'An epoch that must only grow has to survive crashes: a volatile one goes back to 0.',
    design: leaderEpoch as unknown as Design,
  },
];
