import type { Design } from './schema';

/**
 * The design in canonical key order (MODEL.md §1's order, nested objects likewise), with absent
 * optional keys left out. The JSON export prints it; `designIdentity` hashes its compact form
 * without the layout, so two files that differ only in key order, whitespace or positions are
 * the same design.
 */

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const ORDER: Record<string, readonly string[]> = {
  design: ['format', 'version', 'name', 'description', 'vars', 'states', 'events', 'transitions', 'invariants', 'environment', 'layout'],
  var: ['name', 'type', 'initial', 'storage', 'description'],
  state: ['name', 'initial', 'final', 'storage', 'description'],
  event: ['name', 'source', 'payload', 'retry', 'idempotency', 'unhandled', 'afterMs', 'description'],
  field: ['name', 'type', 'description'],
  transition: ['id', 'from', 'event', 'to', 'guard', 'updates', 'ack', 'reply', 'invariants', 'description'],
  transitionInvariant: ['name', 'expr', 'description'],
  invariant: ['name', 'expr', 'kind', 'description'],
  environment: ['requests', 'network', 'crashes', 'checks'],
  network: ['drop', 'duplicate', 'reorder'],
  checks: ['deadlock', 'replay'],
};

function ordered(value: object, keys: readonly string[]): Record<string, Json> {
  const source = value as Record<string, unknown>;
  const out: Record<string, Json> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key] as Json;
  return out;
}

/** Sorted keys for free-form objects (`layout`, `updates` keep their own order: see below). */
function sortedDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) {
      // defineProperty, not assignment: a state may be called `__proto__`.
      Object.defineProperty(out, key, {
        value: sortedDeep((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value as Json;
}

export function canonicalDesign(design: Design): Record<string, Json> {
  const out = ordered(design, ORDER.design!);
  out.vars = design.vars.map((v) => ordered(v, ORDER.var!));
  out.states = design.states.map((s) => ordered(s, ORDER.state!));
  out.events = design.events.map((e) => {
    const event = ordered(e, ORDER.event!);
    if (e.payload) event.payload = e.payload.map((f) => ordered(f, ORDER.field!));
    return event;
  });
  out.transitions = design.transitions.map((t) => {
    const transition = ordered(t, ORDER.transition!);
    // Updates keep their written order: it is the order the editor shows them in.
    if (t.updates) transition.updates = { ...t.updates };
    if (t.invariants) transition.invariants = t.invariants.map((i) => ordered(i, ORDER.transitionInvariant!));
    return transition;
  });
  out.invariants = design.invariants.map((i) => ordered(i, ORDER.invariant!));
  if (design.environment) {
    const env = ordered(design.environment, ORDER.environment!);
    if (design.environment.network) env.network = ordered(design.environment.network, ORDER.network!);
    if (design.environment.checks) env.checks = ordered(design.environment.checks, ORDER.checks!);
    out.environment = env;
  }
  if (design.layout) out.layout = sortedDeep(design.layout);
  return out;
}

/** Compact canonical JSON without the layout (positions do not change behaviour): what `designIdentity` hashes. */
export function behaviourJson(design: Design): string {
  const { layout: _layout, ...rest } = canonicalDesign(design);
  return JSON.stringify(rest);
}
