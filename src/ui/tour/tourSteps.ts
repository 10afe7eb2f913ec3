import type { Design } from '../../model/schema';
import type { CheckResult } from '../../engine/result';

/** What a tour step can see of the app, to tell whether the person has done it. */
export interface TourState {
  readonly design: Design;
  readonly mode: 'design' | 'simulate' | 'check';
  /** Labels of the steps of the current simulation run. */
  readonly runLabels: readonly string[];
  /** The latest check result, when it belongs to the design as it is now. */
  readonly check: CheckResult | null;
  readonly exportOpened: boolean;
}

/** What a step's "Show me" button does (the tour drives the real app, nothing is faked). */
export type TourAction = 'open-example' | 'simulate-timeout' | 'run-check' | 'fix-and-check' | 'open-export';

export interface TourStep {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly action?: { readonly label: string; readonly run: TourAction };
  readonly done: (s: TourState) => boolean;
}

const PAYMENT = 'Payment retried without an idempotency key';
const isPayment = (s: TourState) => s.design.name === PAYMENT || s.design.events.some((e) => e.name === 'Charge');

/**
 * The first run, on the retried payment: draw, simulate a timeout, check, fix, export. Each step
 * says what to look at and what to do; "Show me" does it for the person, and a step shows ✓ once
 * the app is in the state it asks for, however the person got there.
 */
export const TOUR: readonly TourStep[] = [
  {
    id: 'open',
    title: 'A payment that retries',
    body: 'A client charges a card and retries when no answer comes. Open the example: two states, Idle and Charged, and one Charge transition.',
    action: { label: 'Open the example', run: 'open-example' },
    done: isPayment,
  },
  {
    id: 'draw',
    title: 'Draw',
    body: 'States are boxes, transitions arrows. To draw your own: double-click the canvas (or press n) for a state; drag from a state\'s dot (or press t) for a transition. Under Charge, read "retry ×2" and the orange "no dedupe": the server keeps no idempotency key.',
    done: isPayment,
  },
  {
    id: 'timeout',
    title: 'Simulate a timeout',
    body: 'In Simulate you play the world one step at a time. Send Charge#1, then let it time out before any reply: the client cannot know whether the charge happened, so it sends the same request again.',
    action: { label: 'Show me', run: 'simulate-timeout' },
    done: (s) => s.runLabels.some((l) => l.startsWith('timeout ')),
  },
  {
    id: 'check',
    title: 'Check every interleaving',
    body: 'The check tries every order of sends, deliveries, drops, duplicates and crashes. It finds the shortest trace where the retry is processed a second time: Replay shows it step by step.',
    action: { label: 'Run the check', run: 'run-check' },
    done: (s) => s.check?.verdict === 'violation',
  },
  {
    id: 'fix',
    title: 'Fix it',
    body: 'Give Charge a durable idempotency key (Events panel): the server stores each request id with its reply, in the same write as the charge. Check again: OK.',
    action: { label: 'Add the key and check', run: 'fix-and-check' },
    done: (s) => s.design.events.some((e) => e.name === 'Charge' && e.idempotency === 'durable') && s.check?.verdict === 'ok',
  },
  {
    id: 'export',
    title: 'Export',
    body: 'Export writes a typed TypeScript module that behaves exactly like the design you checked: its transitions, dedupe table and acks.',
    action: { label: 'Open Export', run: 'open-export' },
    done: (s) => s.exportOpened,
  },
];
