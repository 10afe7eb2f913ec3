/**
 * The review checklist: the questions every protocol review asks, one rule each. `reasoning` is
 * the rule's documentation (shown in the panel, the report and the README); a finding adds where
 * and a one-line why and fix. Ids are stable: silences in design files name them.
 */
export const RULE_IDS = [
  'ack-default',
  'retry-without-idempotency',
  'volatile-idempotency',
  'volatile-without-recovery',
  'crashes-off',
  'timeout-unmentioned',
  'counter-may-decrease',
  'clock-ordering',
  'no-invariants',
  'transition-without-invariant',
  'unreachable-state',
  'unreachable-transition',
  'drops-off',
  'duplicates-off',
  'check-incomplete',
  // Several participants (format version 2): src/review/v2/lintV2.ts.
  'durable-ack-volatile-effect',
  'unhandled-message',
  'local-invariants-only',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Rule {
  readonly id: RuleId;
  readonly title: string;
  /** Why a reviewer asks this: the rule's documentation. */
  readonly reasoning: string;
}

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'ack-default': {
    id: 'ack-default',
    title: 'Ack left at its default',
    reasoning:
      'An ack is a promise to the client: durable (the effect is on disk), best-effort (the reply may beat the write) or none. A transition that leaves it unset promises durable by accident; reviewers cannot tell a decision from an omission.',
  },
  'retry-without-idempotency': {
    id: 'retry-without-idempotency',
    title: 'Retries without idempotency',
    reasoning:
      'A client retries when its reply is slow or lost, not only when the request failed. Without an idempotency key the machine processes the retry as a new request and the effect happens twice, or the client is told a failure for an effect that happened. A handler that dedupes on an id its request carries needs none: every transition with an effect checks in its guard that the id is new to a durable var (`!(event.id in seen)`, `!done[event.id]`, `event.id > lastId`) and records it in the same step (`seen + {event.id}`, `done[event.id]` set, `lastId := event.id`), and where it leaves the handler a transition without effect answers a known id with ok.',
  },
  'volatile-idempotency': {
    id: 'volatile-idempotency',
    title: 'Idempotency kept in volatile memory for a durable effect',
    reasoning:
      'A dedupe table in memory is lost by a crash while the effect it guards is on disk. A retry after the restart is processed again: the guard disappears exactly when retries are most likely.',
  },
  'volatile-without-recovery': {
    id: 'volatile-without-recovery',
    title: 'Volatile data without a recovery transition',
    reasoning:
      'A crash resets volatile vars to their initial values while the state survives. A state that relies on volatile data needs a `$restart` transition that rebuilds it (or a deliberate statement that the initial values are right).',
  },
  'crashes-off': {
    id: 'crashes-off',
    title: 'Crash budget of 0',
    reasoning:
      'With no crashes the checker never considers crash points: between the write and the ack, between two writes, with volatile data lost. Most durability bugs live there.',
  },
  'timeout-unmentioned': {
    id: 'timeout-unmentioned',
    title: 'Timeout outcome not stated',
    reasoning:
      'A client that times out does not know whether its request took effect: the third outcome, neither success nor failure. An invariant should say what holds then (e.g. `ambiguous.E` requests are charged at most once), or the design says nothing about the case clients meet most in production.',
  },
  'counter-may-decrease': {
    id: 'counter-may-decrease',
    title: 'Counter or epoch without a monotonicity invariant',
    reasoning:
      "A var that is only ever incremented is a counter or an epoch: others rely on it never going back. Crashes (volatile storage), restarts and later edits can break that silently; a step invariant `x' >= x` makes the checker prove it.",
  },
  'clock-ordering': {
    id: 'clock-ordering',
    title: 'Ordering decided by a clock',
    reasoning:
      'Wall clocks jump, skew between machines and go backwards after a restart. A guard that orders by a clock-like var decides correctness by time; a monotonic counter or epoch does not.',
  },
  'no-invariants': {
    id: 'no-invariants',
    title: 'No invariants',
    reasoning:
      'Without invariants a check can only find deadlocks and replays: the design never says what it promises.',
  },
  'transition-without-invariant': {
    id: 'transition-without-invariant',
    title: 'Transition without an invariant',
    reasoning:
      'A transition whose effect no invariant looks at goes unchecked. In a one-machine design: when some transitions state what they promise (transition invariants), one that states nothing is usually an omission. In a design of participants: a transition that writes vars no invariant (of its role or of the design) reads.',
  },
  'unreachable-state': {
    id: 'unreachable-state',
    title: 'Unreachable state',
    reasoning:
      'The exhaustive check never reached it: either the design is wrong (a guard too strict, a transition missing) or the state is dead weight.',
  },
  'unreachable-transition': {
    id: 'unreachable-transition',
    title: 'Unreachable transition',
    reasoning:
      'The exhaustive check never took it: its guard is never true where it applies, or an earlier transition always wins.',
  },
  'drops-off': {
    id: 'drops-off',
    title: 'Drop budget of 0',
    reasoning:
      'Networks lose messages. With no drops the checker never sees a lost request or a lost reply, the usual cause of retries.',
  },
  'duplicates-off': {
    id: 'duplicates-off',
    title: 'Duplicate budget of 0',
    reasoning:
      'Networks and proxies deliver messages twice. With no duplicates the checker never tests the dedupe path.',
  },
  'check-incomplete': {
    id: 'check-incomplete',
    title: 'The check hit its limits',
    reasoning:
      'An incomplete check proves nothing about what it did not reach: raise the limits or shrink the environment before relying on the verdict.',
  },
  'durable-ack-volatile-effect': {
    id: 'durable-ack-volatile-effect',
    title: 'Durable ack of an effect kept only in memory',
    reasoning:
      'A durable ack promises the caller that the effect survives a crash. When the transition writes only volatile vars (and enters no durable state), a crash right after the reply forgets the effect the caller was told about.',
  },
  'unhandled-message': {
    id: 'unhandled-message',
    title: 'A message kind its receiver never handles',
    reasoning:
      'A role that is sent a kind of message but has no transition receiving it ignores every such message: on a channel it blocks the messages behind it, in a pool it sits there forever. Usually a forgotten receive.',
  },
  'local-invariants-only': {
    id: 'local-invariants-only',
    title: 'No invariant relates two participants',
    reasoning:
      'The promises of a distributed protocol are about participants together: two resource managers never decide differently, one lease holder at a time. When every invariant reads one instance only, the check never tests agreement.',
  },
};
