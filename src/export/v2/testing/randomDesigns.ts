import fc from 'fast-check';
import { exploreV2 } from '../../../engine/v2/explorer';
import { participantExamplesV2, readExampleV2 } from '../../../engine/v2/testDesigns';
import { loadDesignValueV2 } from '../../../model/v2/load';
import type { ModelV2 } from '../../../model/v2/model';
import type { DesignV2 } from '../../../model/v2/schema';

/**
 * Test support: random version-2 designs for the exporters' property tests, made by varying the
 * examples (instance counts, network model and faults, crash budget and per-role crash settings, guards swapped for others of
 * the same role, transitions dropped). A variant the loader refuses, or whose space exceeds
 * `maxStates`, is null (the property skips it).
 */
const EXAMPLES = participantExamplesV2();

export interface Variation {
  readonly example: number;
  readonly instances: number;
  readonly network: { readonly pool: boolean; readonly capacity: number; readonly drop: number; readonly duplicate: number; readonly reorder: boolean };
  readonly crashes: number;
  /** Each role's own `crashes` (by role index; null: the key left out). */
  readonly roleCrashes: readonly (number | null)[];
  readonly guardSwaps: readonly (readonly [number, number])[];
  readonly dropTransition: number | null;
}

export const variation: fc.Arbitrary<Variation> = fc.record({
  example: fc.nat({ max: EXAMPLES.length - 1 }),
  instances: fc.integer({ min: 1, max: 3 }),
  network: fc.record({ pool: fc.boolean(), capacity: fc.integer({ min: 1, max: 2 }), drop: fc.nat({ max: 1 }), duplicate: fc.nat({ max: 1 }), reorder: fc.boolean() }),
  crashes: fc.nat({ max: 2 }),
  roleCrashes: fc.array(fc.option(fc.nat({ max: 2 }), { nil: null }), { maxLength: 3 }),
  guardSwaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  dropTransition: fc.option(fc.nat(), { nil: null }),
});

export function designOf(v: Variation): DesignV2 {
  const d = readExampleV2(EXAMPLES[v.example]!);
  d.roles[d.roles.length - 1]!.instances = v.instances;
  const net = v.network;
  d.environment = {
    ...d.environment,
    network: net.pool ? { model: 'pool' } : { model: 'channels', capacity: net.capacity, drop: net.drop, duplicate: net.duplicate, reorder: net.reorder },
    crashes: v.crashes,
  };
  // A role may crash only within a budget: without one, only "never" (0) is kept.
  v.roleCrashes.forEach((n, i) => {
    if (n !== null && i < d.roles.length && (n === 0 || v.crashes > 0)) d.roles[i]!.crashes = n;
  });
  for (const [a, b] of v.guardSwaps) {
    const role = d.roles[a % d.roles.length]!;
    const guards = role.transitions.map((t) => t.guard);
    if (role.transitions.length === 0) continue;
    const t = role.transitions[a % role.transitions.length]!;
    const g = guards[b % guards.length];
    if (g === undefined) delete t.guard;
    else t.guard = g;
  }
  if (v.dropTransition !== null) {
    const role = d.roles[v.dropTransition % d.roles.length]!;
    if (role.transitions.length > 1) role.transitions.splice(v.dropTransition % role.transitions.length, 1);
  }
  return d;
}

export function modelOf(v: Variation, maxStates = 5_000): ModelV2 | null {
  const loaded = loadDesignValueV2(designOf(v));
  if (!loaded.ok) return null;
  const r = exploreV2(loaded.model, { maxStates });
  return r.verdict === 'incomplete' ? null : loaded.model;
}
