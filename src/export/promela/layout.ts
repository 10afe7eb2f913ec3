import type { Model, ValueType } from '../../model/model';
import { INT32, PromelaLimit, typeRange } from './expr';

/**
 * Where each part of a configuration (MODEL.md §3) lives in the Promela model: one global per
 * part, unused slots always 0, so equal globals are equal configurations and Spin's stored
 * states are our configurations (plus one: the process before its first step).
 *
 * Codes: mode 0 up, 1 busy, 2 recovering; client status 0 unsent, 1 pending, 2 ok, 3 error,
 * 4 ambiguous; dedupe entries and first outcomes 0 none, 1 ok, 2 error, 3 noreply; a reply in
 * `tc` is `r * 2 + (0 ok | 1 error)`, so ordering the numbers orders replies as §3's multisets.
 */
export interface Layout {
  readonly requests: number;
  /** Array length for per-request arrays (Promela has no empty arrays). */
  readonly slots: number;
  /** Capacity of `tm` (requests to the machine) and `tc` (replies). */
  readonly toMachine: number;
  readonly toClient: number;
  /** Step and transition invariants exist: the globals before a step are copied to `o_*`. */
  readonly preCopies: boolean;
  /** Some transition has invariants of its own: `ht` names the transition a step took. */
  readonly tracksTransition: boolean;
}

export function layoutOf(model: Model): Layout {
  const env = model.environment;
  const maxAttempts = Math.max(1, ...model.clientEvents.map((e) => model.events[e]!.maxAttempts));
  // Every request message is a send, a retry or a duplicate; every reply answers one delivery or is a duplicate.
  const messages = env.requests * maxAttempts + env.duplicate;
  for (const v of model.vars) {
    const [lo, hi] = typeRange(v.type);
    if (Math.max(Math.abs(lo), Math.abs(hi)) > INT32) {
      throw new PromelaLimit(`var ${v.name}: its range ${lo}..${hi} does not fit Promela's 32-bit int`);
    }
  }
  const sends = model.clientEvents.reduce((n, e) => n + model.events[e]!.payloadValues.length, 0);
  if (sends > 4096) throw new PromelaLimit(`the client events have ${sends} payload values together; the Promela model takes at most 4096`);
  return {
    requests: env.requests,
    slots: Math.max(1, env.requests),
    toMachine: Math.max(1, messages),
    toClient: Math.max(1, messages + env.duplicate),
    preCopies: model.invariants.some((i) => i.kind === 'step') || model.transitions.some((t) => t.invariants.length > 0),
    tracksTransition: model.transitions.some((t) => t.invariants.length > 0),
  };
}

/** The smallest Promela integer type holding a var's values. */
export function promelaType(type: ValueType): 'byte' | 'short' | 'int' {
  const [lo, hi] = typeRange(type);
  if (lo >= 0 && hi <= 255) return 'byte';
  if (lo >= -32768 && hi <= 32767) return 'short';
  return 'int';
}

/** Declarations of every global, with the initial configuration's values. */
export function declarations(model: Model, layout: Layout): string[] {
  const n = layout.slots;
  const lines = [
    'byte md; byte bq; byte bph; byte brp;  /* mode, and while busy: request, phase (0 ack, 1 persist), reply (0 ok, 1 error) */',
    `byte st = ${model.initialState}; byte pst = ${model.initialState};  /* state, persisted state */`,
  ];
  for (const v of model.vars) {
    lines.push(`${promelaType(v.type)} v${v.index} = ${v.initial};${v.storage === 'durable' ? ` ${promelaType(v.type)} p${v.index} = ${v.initial};` : ''}  /* var ${v.index} (${v.storage}) */`);
  }
  lines.push(
    `byte dv[${n}]; byte dp[${n}];  /* volatile and persisted dedupe tables */`,
    `byte tm[${layout.toMachine}]; byte tmn;  /* requests in flight to the machine */`,
    `byte tc[${layout.toClient}]; byte tcn;  /* replies in flight to the client */`,
    `byte cs[${n}]; byte ce[${n}]; byte ca[${n}]; short cp[${n}];  /* client: status, event + 1, attempts, payload index */`,
    `byte fo[${n}];  /* first outcome (replay check) */`,
    'byte nd; byte nu; byte nc;  /* drops, duplicates, crashes used */',
    '/* Scratch of one step, back to 0 when the step ends (so it never tells configurations apart). */',
    'byte hr; byte hq; byte hm; byte hi;',
  );
  if (layout.tracksTransition) lines.push('short ht;');
  for (const v of model.vars) lines.push(`int n${v.index};`);
  if (layout.preCopies) {
    lines.push('/* The globals before the step, read by step and transition invariants. */', 'byte o_st; byte o_nc;');
    for (const v of model.vars) lines.push(`${promelaType(v.type)} o_v${v.index};`);
    lines.push(`byte o_cs[${n}]; byte o_ce[${n}];`);
  }
  return lines;
}
