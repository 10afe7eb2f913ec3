import type { EventModel, Model } from '../../model/model';
import type { Layout } from './layout';
import type { PromelaScope } from './expr';

/**
 * How expression names read in each place of the Promela model: guards, updates and state
 * invariants read the globals; step and transition invariants read bare names from the copies
 * taken before the step (`o_*`) and primed names from the globals. `event.F` decodes the
 * payload index of the request being processed (`hr`).
 */

const STATUS = { acked: 2, failed: 3, ambiguous: 4 } as const;

function observable(layout: Layout, which: 'sent' | 'acked' | 'failed' | 'ambiguous', event: number, prefix: string): string {
  if (layout.requests === 0) return '0';
  const terms: string[] = [];
  for (let i = 0; i < layout.requests; i++) {
    const sent = `${prefix}ce[${i}] == ${event + 1}`;
    terms.push(which === 'sent' ? `(${sent} -> 1 : 0)` : `(${sent} && ${prefix}cs[${i}] == ${STATUS[which]} -> 1 : 0)`);
  }
  return `(${terms.join(' + ')})`;
}

/** Payload field `index` of event `event`, decoded from the request's payload index (last field fastest). */
export function payloadField(event: EventModel, index: number, request: string): string {
  let stride = 1;
  for (let i = event.payload.length - 1; i > index; i--) stride *= domainSize(event, i);
  const field = event.payload[index]!;
  const size = domainSize(event, index);
  const offset = field.type.kind === 'int' ? field.type.lo : 0;
  const digit = `(cp[${request} - 1] / ${stride}) % ${size}`;
  return offset === 0 ? `(${digit})` : `(${offset < 0 ? `(${offset})` : offset} + ${digit})`;
}

function domainSize(event: EventModel, index: number): number {
  const type = event.payload[index]!.type;
  return type.kind === 'int' ? type.hi - type.lo + 1 : type.kind === 'bool' ? 2 : type.values.length;
}

function fieldOf(event: EventModel | 'restart' | null): (index: number) => string {
  return (index) => {
    if (event === null || event === 'restart') throw new Error('bug: event.F outside a client transition');
    return payloadField(event, index, 'hr');
  };
}

/** Guards, updates and state invariants: the globals as they are. */
export function currentScope(layout: Layout, event: EventModel | 'restart' | null): PromelaScope {
  return {
    variable: (i) => `v${i}`,
    state: () => 'st',
    field: fieldOf(event),
    observable: (which, e) => observable(layout, which, e, ''),
    crashes: () => 'nc',
  };
}

/** Step and transition invariants: bare names before the step, primed names after it. */
export function stepScope(layout: Layout, event: EventModel | 'restart' | null): PromelaScope {
  const pre = (primed: boolean) => (primed ? '' : 'o_');
  return {
    variable: (i, primed) => `${pre(primed)}v${i}`,
    state: (primed) => `${pre(primed)}st`,
    field: fieldOf(event),
    observable: (which, e, primed) => observable(layout, which, e, pre(primed)),
    crashes: (primed) => `${pre(primed)}nc`,
  };
}

/** The event a transition reads `event.F` from. */
export function eventOf(model: Model, event: number): EventModel | 'restart' {
  return event < 0 ? 'restart' : model.events[event]!;
}
