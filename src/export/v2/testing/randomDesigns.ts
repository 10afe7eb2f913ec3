import fc from 'fast-check';
import { exploreV2 } from '../../../engine/v2/explorer';
import { participantExamplesV2, readExampleV2 } from '../../../engine/v2/testDesigns';
import { loadDesignValueV2 } from '../../../model/v2/load';
import type { ModelV2 } from '../../../model/v2/model';
import type { DesignV2, ScalarTypeJsonV2 } from '../../../model/v2/schema';

/**
 * Test support: random version-2 designs for the exporters' property tests, made by varying the
 * examples (instance counts, network model and faults, crash budget and per-role crash settings, a fail-stop role read by down(i), guards swapped for others of
 * the same role, transitions dropped, a set var or a map from ints to sets added to the first role with an event
 * that changes it: docs/format-v2.md §2, §5). A variant the loader refuses, or whose space exceeds
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
  /** A set var (element type: bool, an enum, ints, the role's instances), or a map from ints to such sets, and an event that changes it. */
  readonly sets: { readonly element: number; readonly op: number; readonly guard: number; readonly keyed: boolean } | null;
  /** With a crash budget: the role (by index) made fail-stop (`"afterCrash": "stop"`, its restart transitions dropped), its first transition guarded by `!down(…)` of that role's first instance. */
  readonly stops: number | null;
}

export const variation: fc.Arbitrary<Variation> = fc.record({
  example: fc.nat({ max: EXAMPLES.length - 1 }),
  instances: fc.integer({ min: 1, max: 3 }),
  network: fc.record({ pool: fc.boolean(), capacity: fc.integer({ min: 1, max: 2 }), drop: fc.nat({ max: 1 }), duplicate: fc.nat({ max: 1 }), reorder: fc.boolean() }),
  crashes: fc.nat({ max: 2 }),
  roleCrashes: fc.array(fc.option(fc.nat({ max: 2 }), { nil: null }), { maxLength: 3 }),
  guardSwaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  dropTransition: fc.option(fc.nat(), { nil: null }),
  sets: fc.option(fc.record({ element: fc.nat({ max: 3 }), op: fc.nat({ max: 2 }), guard: fc.nat({ max: 3 }), keyed: fc.boolean() }), { nil: null }),
  stops: fc.option(fc.nat({ max: 2 }), { nil: null }),
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
  if (v.sets) addSets(d, v.sets);
  if (v.stops !== null && v.crashes > 0) addStop(d, v.stops);
  return d;
}

/**
 * Role `k` (modulo the roles) stops after a crash (docs/format-v2.md §7): its `$restart`
 * transitions go (the loader refuses them there); the first transition of the next role is also
 * enabled only while that role's first instance is up (`down(i)`, §5).
 */
function addStop(d: DesignV2, k: number): void {
  const role = d.roles[k % d.roles.length]!;
  role.afterCrash = 'stop';
  role.transitions = role.transitions.filter((t) => t.event !== '$restart');
  const first = (role.instances ?? 1) === 1 ? role.name : `${role.name}[1]`;
  const other = d.roles[(k + 1) % d.roles.length]!.transitions[0];
  if (other) other.guard = other.guard === undefined ? `!down(${first})` : `!down(${first}) && (${other.guard})`;
}

/**
 * `zset` on the first role: a set, or a map from 0..1 to sets (`zset[event.k]`, k up to 2: a key
 * outside is an eval-error), changed by the event `ZStep(z)` from every state (an int z up to 3:
 * adding 3 is an eval-error), read by a role invariant and by a design invariant over the instances.
 */
function addSets(d: DesignV2, s: NonNullable<Variation['sets']>): void {
  const role = d.roles[0]!;
  const elements: ScalarTypeJsonV2[] = ['bool', { enum: ['x', 'y', '__proto__'] }, { int: [0, 2] }, { id: role.name }];
  const element = elements[s.element]!;
  const payload: ScalarTypeJsonV2 = s.element === 2 ? { int: [0, 3] } : element;
  const S = s.keyed ? 'zset[event.k]' : 'zset';
  role.vars = [...(role.vars ?? []), { name: 'zset', type: s.keyed ? { map: { from: { int: [0, 1] }, to: { set: element } } } : { set: element }, initial: [] }];
  role.events = [...(role.events ?? []), { name: 'ZStep', source: 'internal', payload: [{ name: 'z', type: payload }, ...(s.keyed ? [{ name: 'k', type: { int: [0, 2] } as ScalarTypeJsonV2 }] : [])] }];
  const guards = [`card(${S}) < 2`, `!(event.z in ${S}) && card(${S}) < 2`, `(forall y in ${S}: y != event.z) && ${S} <= ${S} + {event.z}`, `${S} == {} || (exists y in ${S}: true) && card(${S}) < 2`];
  const ops = [`${S} + {event.z}`, `card(${S}) == 1 ? ${S} - {event.z} : ${S} + {event.z}`, `(${S} * {event.z}) + {event.z}`];
  role.transitions.push({ id: 'zstep', from: role.states.map((x) => x.name), event: 'ZStep', guard: guards[s.guard]!, updates: { [S]: ops[s.op]! } });
  role.invariants = [...(role.invariants ?? []), { name: 'ZSmall', expr: s.keyed ? 'forall k in {0, 1}: card(zset[k]) <= 3' : 'card(zset) <= 3' }];
  const all = s.keyed ? 'p.zset[0] + p.zset[1]' : 'p.zset';
  d.invariants = [...(d.invariants ?? []), { name: 'ZMembers', expr: `forall p in ${role.name}: forall y in ${all}: y in ${all}` }];
}

export function modelOf(v: Variation, maxStates = 5_000): ModelV2 | null {
  const loaded = loadDesignValueV2(designOf(v));
  if (!loaded.ok) return null;
  const r = exploreV2(loaded.model, { maxStates });
  return r.verdict === 'incomplete' ? null : loaded.model;
}
