/**
 * The teaching designs shown in the gallery, each a small protocol with one lesson. The files
 * are plain design documents; `src/model/examples.test.ts` proves that each one loads.
 */
import type { Design } from '../src/model/schema';
import type { DesignV2 } from '../src/model/v2/schema';
import ackBeforeWrite from './ack-before-write.protocol.json';
import leaderEpoch from './leader-epoch.protocol.json';
import paymentIdempotent from './payment-idempotent.protocol.json';
import paymentRetried from './payment-retried.protocol.json';
import leaseCallsBestEffort from './v2/lease-calls-best-effort.protocol.json';
import leaseCallsBroken from './v2/lease-calls-broken.protocol.json';
import leaseCallsFixed from './v2/lease-calls-fixed.protocol.json';
import leaseServiceRetriesBroken from './v2/lease-service-retries-broken.protocol.json';
import leaseServiceRetriesFixed from './v2/lease-service-retries-fixed.protocol.json';
import leaseWithFencing from './v2/lease-with-fencing.protocol.json';
import leaseWithoutFencing from './v2/lease-without-fencing.protocol.json';
import primaryBackupBroken from './v2/primary-backup-broken.protocol.json';
import primaryBackupFixed from './v2/primary-backup-fixed.protocol.json';
import raftDurableVote from './v2/raft-election-durable-vote.protocol.json';
import raftVolatileVote from './v2/raft-election-volatile-vote.protocol.json';
import sagaChargeTimeoutBroken from './v2/saga-charge-timeout-broken.protocol.json';
import sagaChargeTimeoutFixed from './v2/saga-charge-timeout-fixed.protocol.json';
import tlaTCommit from './v2/tla-tcommit.protocol.json';
import tlaTwoPhase from './v2/tla-two-phase.protocol.json';
import twoPhaseBroken from './v2/two-phase-commit-broken.protocol.json';
import twoPhaseCoordinatorStops from './v2/two-phase-commit-coordinator-stops.protocol.json';
import twoPhaseTerminationBroken from './v2/two-phase-commit-termination-broken.protocol.json';
import twoPhaseTerminationFixed from './v2/two-phase-commit-termination-fixed.protocol.json';
import twoPhaseFixed from './v2/two-phase-commit-fixed.protocol.json';

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

/**
 * Format-version-2 designs (several participants, docs/format-v2.md; the lease-service-retries
 * pair is a participant with version 1's clients, §13), each broken/fixed pair one lesson, and
 * the two published specifications. The command line checks them; the
 * documents dialog lists them under "Multi-participant examples". `src/engine/v2/examples.test.ts` pins each result.
 */
export interface ExampleV2 {
  readonly slug: string;
  readonly title: string;
  readonly lesson: string;
  readonly design: DesignV2;
}

export const examplesV2: readonly ExampleV2[] = [
  {
    slug: 'two-phase-commit-broken',
    title: 'Two-phase commit: COMMIT before the log',
    lesson: 'A coordinator that sends COMMIT before logging its decision presumes abort after a crash: one participant commits, another aborts.',
    design: twoPhaseBroken as unknown as DesignV2,
  },
  {
    slug: 'two-phase-commit-fixed',
    title: 'Two-phase commit: log, then COMMIT',
    lesson: 'Logging the decision before the first COMMIT leaves makes every crash point safe.',
    design: twoPhaseFixed as unknown as DesignV2,
  },
  {
    slug: 'two-phase-commit-coordinator-stops',
    title: 'Two-phase commit: the coordinator fails for good',
    lesson: 'A coordinator that crashes and never restarts leaves every participant that voted yes waiting forever, even one that sees it failed: two-phase commit blocks (a deadlock at depth 3).',
    design: twoPhaseCoordinatorStops as unknown as DesignV2,
  },
  {
    slug: 'two-phase-commit-termination-broken',
    title: 'Two-phase commit: a participant gives up alone',
    lesson: 'A participant that voted yes and aborts when the coordinator fails disagrees with one that already received COMMIT (depth 8).',
    design: twoPhaseTerminationBroken as unknown as DesignV2,
  },
  {
    slug: 'two-phase-commit-termination-fixed',
    title: 'Two-phase commit: uncertain participants ask their peers',
    lesson: 'Cooperative termination: ask the other participants (a send to all but itself) and adopt what one knows; never decide alone. Safe, though it still blocks when no one knows.',
    design: twoPhaseTerminationFixed as unknown as DesignV2,
  },
  {
    slug: 'lease-without-fencing',
    title: 'Lease without fencing tokens',
    lesson: 'A client paused past its lease writes after the next holder: a lease alone does not protect the storage.',
    design: leaseWithoutFencing as unknown as DesignV2,
  },
  {
    slug: 'lease-with-fencing',
    title: 'Lease with fencing tokens',
    lesson: 'The storage refusing tokens older than the newest it accepted is what makes the lease safe.',
    design: leaseWithFencing as unknown as DesignV2,
  },
  {
    slug: 'primary-backup-broken',
    title: 'Primary/backup: ack before the backup persisted',
    lesson: 'A backup that answers from memory lets the client hold an ack for a write two crashes erase.',
    design: primaryBackupBroken as unknown as DesignV2,
  },
  {
    slug: 'primary-backup-fixed',
    title: 'Primary/backup: ack after the backup persisted',
    lesson: 'Persist on the backup, then answer: an ack means a durable copy exists.',
    design: primaryBackupFixed as unknown as DesignV2,
  },
  {
    slug: 'raft-election-volatile-vote',
    title: 'Raft election: the vote kept in memory',
    lesson: 'A node that forgets its vote in a crash votes twice in one term: two leaders of term 1 at depth 8.',
    design: raftVolatileVote as unknown as DesignV2,
  },
  {
    slug: 'raft-election-durable-vote',
    title: 'Raft election: the vote kept durably',
    lesson: 'Persist the term and the vote before the vote leaves: at most one leader per term, whatever crashes, losses and duplicates.',
    design: raftDurableVote as unknown as DesignV2,
  },
  {
    slug: 'saga-charge-timeout-broken',
    title: 'Order saga: a charge timeout taken for no charge',
    lesson: 'A charge that timed out may still happen: cancelling without a refund leaves the customer charged for nothing (depth 4).',
    design: sagaChargeTimeoutBroken as unknown as DesignV2,
  },
  {
    slug: 'saga-charge-timeout-fixed',
    title: 'Order saga: a charge timeout compensated',
    lesson: 'Compensate every ambiguous step as if it happened, with idempotent refunds: never charged without the item or a refund.',
    design: sagaChargeTimeoutFixed as unknown as DesignV2,
  },
  {
    slug: 'lease-calls-broken',
    title: 'Lease service called with retries, no idempotency key',
    lesson: 'A retried call is processed again instead of answered from a table: the replay check flags it at depth 5 (turn it off and, once the first reply is lost, the client is told no for the lease it holds).',
    design: leaseCallsBroken as unknown as DesignV2,
  },
  {
    slug: 'lease-calls-fixed',
    title: 'Lease service called with retries, durable idempotency key',
    lesson: 'Recording every answer with its request id, durably, makes a retry get the first reply and the same fencing token.',
    design: leaseCallsFixed as unknown as DesignV2,
  },
  {
    slug: 'lease-calls-best-effort',
    title: 'Lease service that answers before it writes (best-effort ack)',
    lesson: 'The grant is acked before it is on disk: a crash before the flush loses it although the client was told ok, and the lease is granted again to the other client (two holders at depth 8). "ack": "durable" keeps it.',
    design: leaseCallsBestEffort as unknown as DesignV2,
  },
  {
    slug: 'lease-service-retries-broken',
    title: 'Lease service with clients: dedupe table in memory',
    lesson: 'A crash wipes the answered request ids: the retry of an acquire already granted is processed again and the client is told no for the lease it holds.',
    design: leaseServiceRetriesBroken as unknown as DesignV2,
  },
  {
    slug: 'lease-service-retries-fixed',
    title: 'Lease service with clients: durable dedupe table',
    lesson: 'Persisting the dedupe table with each grant answers every retry with its first reply, crash or not; a timeout still leaves the client ambiguous.',
    design: leaseServiceRetriesFixed as unknown as DesignV2,
  },
  {
    slug: 'tla-two-phase',
    title: 'TwoPhase.tla (Gray and Lamport)',
    lesson: 'The published specification, message pool and all: 288 configurations for three resource managers, as TLC counts.',
    design: tlaTwoPhase as unknown as DesignV2,
  },
  {
    slug: 'tla-tcommit',
    title: 'TCommit.tla (Gray and Lamport)',
    lesson: 'The abstract transaction commit: 34 configurations for three resource managers, as TLC counts.',
    design: tlaTCommit as unknown as DesignV2,
  },
];
