import { z } from 'zod';
import { ack, enumType, idempotency, intType, invariantSchema, layoutSchema, reply, storage, transitionInvariantSchema, unhandled } from '../schema';

/**
 * The design file, format version 2 (docs/format-v2.md): roles with instances, messages between
 * them, a network model and per-instance crashes. Strict like version 1: an unknown key is an
 * error at its own path. Rules that need more than one field live in `semantics.ts`.
 */

export const idType = z.strictObject({ id: z.string() });
export const scalarTypeV2 = z.union([z.literal('bool'), intType, enumType, idType]);
export type ScalarTypeJsonV2 = z.infer<typeof scalarTypeV2>;
/** `{ "set": T }`: a set of values of a finite scalar type (docs/format-v2.md §2). */
export const setType = z.strictObject({ set: scalarTypeV2 });
export type SetTypeJsonV2 = z.infer<typeof setType>;
/** A map's keys: a role's instances (its name), `"bool"`, an enum or an int range (docs/format-v2.md §2). */
export const mapKeys = z.union([z.string(), intType, enumType]);
export type MapKeysJsonV2 = z.infer<typeof mapKeys>;
/**
 * `{ "map": { "from": K, "to": T } }`, T a scalar, a set or another map (nested maps, TLA+'s
 * `[P -> [Q -> T]]`, docs/format-v2.md §2). Written out three levels deep (zod's lazy schemas would
 * hide the keys from `allowedKeys`); the innermost `to` accepts any map so that the semantic stage
 * says how deep maps may nest (`map-too-deep`). The `to` branches keep `valueTypeV2`'s order.
 */
const mapTo = <T extends z.ZodType>(to: T) => z.strictObject({ map: z.strictObject({ from: mapKeys, to: z.union([z.literal('bool'), intType, enumType, idType, to, setType]) }) });
const tooDeepMap = z.strictObject({ map: z.strictObject({ from: z.unknown(), to: z.unknown() }) });
export type MapTypeJsonV2 = { map: { from: MapKeysJsonV2; to: ScalarTypeJsonV2 | SetTypeJsonV2 | MapTypeJsonV2 } };
export const mapType = mapTo(mapTo(mapTo(tooDeepMap))) as unknown as z.ZodType<MapTypeJsonV2>;

/** A var's type with its map levels peeled off: each level's keys, outermost first (none for a plain var), and the entries' type. */
export function mapLevels(type: ValueTypeJsonV2): { readonly keys: readonly MapKeysJsonV2[]; readonly leaf: ScalarTypeJsonV2 | SetTypeJsonV2 } {
  const keys: MapKeysJsonV2[] = [];
  let t: ValueTypeJsonV2 = type;
  while (typeof t === 'object' && 'map' in t) {
    keys.push(t.map.from);
    t = t.map.to;
  }
  return { keys, leaf: t };
}
/**
 * A var's initial values as written (docs/format-v2.md §2): a list is several values, except that
 * a set's one value is itself a list, so for a set (or a map to sets) only a non-empty list of
 * lists is several. `listed` says whether the written value was such a list.
 */
export function initialValues(type: ValueTypeJsonV2, initial: unknown): { readonly listed: boolean; readonly values: readonly unknown[] } {
  const leaf = mapLevels(type).leaf;
  const isSet = typeof leaf === 'object' && 'set' in leaf;
  const listed = Array.isArray(initial) && (!isSet || (initial.length > 0 && initial.every((x) => Array.isArray(x))));
  return { listed, values: listed ? (initial as unknown[]) : [initial] };
}
/** Order matters: `schemaErrors.ts` picks the branch to explain by its key (int 1, enum 2, id 3, map 4, set 5). */
export const valueTypeV2 = z.union([z.literal('bool'), intType, enumType, idType, mapType, setType]);
export type ValueTypeJsonV2 = z.infer<typeof valueTypeV2>;
const initialScalar = z.union([z.number(), z.boolean(), z.string()]);

export const varSchemaV2 = z.strictObject({
  name: z.string(),
  type: valueTypeV2,
  /**
   * One value, or a list of values the var may start with (initial configurations, docs/format-v2.md §8).
   * A set var's value is a list of its elements (`[]`, `["v1"]`); several initial sets are a list of such lists (`[[], ["v1"]]`).
   */
  initial: z.union([initialScalar, z.array(z.union([initialScalar, z.array(initialScalar)]))]),
  storage: storage.optional(),
  description: z.string().optional(),
});
export type VarJsonV2 = z.infer<typeof varSchemaV2>;

export const stateSchemaV2 = z.strictObject({
  name: z.string(),
  initial: z.boolean().optional(),
  final: z.boolean().optional(),
  storage: z.enum(['durable', 'volatile']).optional(),
  description: z.string().optional(),
});

export const fieldSchemaV2 = z.strictObject({ name: z.string(), type: scalarTypeV2, description: z.string().optional() });
export type FieldJsonV2 = z.infer<typeof fieldSchemaV2>;

export const eventSchemaV2 = z.strictObject({
  name: z.string(),
  source: z.enum(['internal', 'timer', 'client', 'call']),
  payload: z.array(fieldSchemaV2).optional(),
  /** Call events only (docs/format-v2.md §14): the reply's data, and calls each caller instance makes at most. */
  returns: z.array(fieldSchemaV2).optional(),
  calls: z.number().int().optional(),
  /** Client events only (version 1's keys and meanings: docs/format-v2.md §13). */
  retry: z.strictObject({ maxAttempts: z.number().int() }).optional(),
  idempotency: idempotency.optional(),
  unhandled: unhandled.optional(),
  afterMs: z.number().nonnegative().optional(),
  description: z.string().optional(),
});
export type EventJsonV2 = z.infer<typeof eventSchemaV2>;

export const messageSchema = z.strictObject({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  payload: z.array(fieldSchemaV2).optional(),
  description: z.string().optional(),
});
export type MessageJson = z.infer<typeof messageSchema>;

export const sendSchema = z.strictObject({
  message: z.string(),
  to: z.string().optional(),
  toAll: z.boolean().optional(),
  /** With `toAll`: instances not sent to (expressions of the receiving role's id type). */
  except: z.array(z.string()).optional(),
  payload: z.record(z.string(), z.string()).optional(),
});
export type SendJson = z.infer<typeof sendSchema>;

export const transitionSchemaV2 = z.strictObject({
  id: z.string().optional(),
  from: z.union([z.string(), z.array(z.string())]),
  event: z.string().optional(),
  receive: z.string().optional(),
  to: z.string().optional(),
  guard: z.string().optional(),
  updates: z.record(z.string(), z.string()).optional(),
  send: z.array(sendSchema).optional(),
  /** Transitions of client and call events only (version 1's keys). */
  ack: ack.optional(),
  reply: reply.optional(),
  /** Transitions of call events only: an expression for each field of the reply's data. */
  returns: z.record(z.string(), z.string()).optional(),
  /** A call to another participant's call event (docs/format-v2.md §14). */
  call: z
    .strictObject({
      event: z.string(),
      to: z.string().optional(),
      payload: z.record(z.string(), z.string()).optional(),
      retry: z.strictObject({ maxAttempts: z.number().int() }).optional(),
    })
    .optional(),
  invariants: z.array(transitionInvariantSchema).optional(),
  description: z.string().optional(),
});
export type TransitionJsonV2 = z.infer<typeof transitionSchemaV2>;

export const roleSchema = z.strictObject({
  name: z.string(),
  instances: z.number().int().optional(),
  /** At most this many crashes of each instance (0: never crashes); absent: only the design's budget limits it (docs/format-v2.md §7). */
  crashes: z.number().int().optional(),
  /** What a crash does to an instance: `restart` (default) comes back through `$restart`; `stop` stays down for the rest of the run (fail-stop, docs/format-v2.md §7). */
  afterCrash: z.enum(['restart', 'stop']).optional(),
  description: z.string().optional(),
  vars: z.array(varSchemaV2).optional(),
  states: z.array(stateSchemaV2),
  events: z.array(eventSchemaV2).optional(),
  transitions: z.array(transitionSchemaV2),
  invariants: z.array(invariantSchema).optional(),
});
export type RoleJson = z.infer<typeof roleSchema>;

/** A link: one message kind, or every kind from one role to another, with its own network model (docs/format-v2.md §6). */
export const linkSchema = z.strictObject({
  message: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  model: z.enum(['pool', 'set', 'channels']).optional(),
  reliable: z.boolean().optional(),
  description: z.string().optional(),
});
export type LinkJson = z.infer<typeof linkSchema>;

export const networkSchema = z.strictObject({
  /** Default "channels"; a design with clients leaves it out (its network is version 1's). */
  model: z.enum(['pool', 'set', 'channels']).optional(),
  capacity: z.number().int().optional(),
  drop: z.number().int().optional(),
  duplicate: z.number().int().optional(),
  reorder: z.boolean().optional(),
  /** Any channel message may be lost at any time, any number of times, uncounted (instead of a `drop` budget). */
  lossy: z.boolean().optional(),
  /** A send to a full channel: a `channel-full` violation (default), or the step is not taken (`block`). */
  whenFull: z.enum(['violation', 'block']).optional(),
  /** A channel message no transition takes: consumed and ignored (default), or it waits (`wait`). */
  unexpected: z.enum(['ignore', 'wait']).optional(),
  links: z.array(linkSchema).optional(),
});
export type NetworkJson = z.infer<typeof networkSchema>;

export const environmentSchemaV2 = z.strictObject({
  /** Distinct client requests (version 1's budget); only in a design with clients. */
  requests: z.number().int().optional(),
  network: networkSchema.optional(),
  crashes: z.number().int().optional(),
  checks: z.strictObject({ deadlock: z.boolean().optional(), replay: z.boolean().optional() }).optional(),
});

export const designSchemaV2 = z.strictObject({
  format: z.literal('protocol-studio'),
  version: z.literal(2),
  name: z.string(),
  description: z.string().optional(),
  messages: z.array(messageSchema).optional(),
  roles: z.array(roleSchema),
  invariants: z.array(invariantSchema).optional(),
  /** With vars that list several initial values: which combinations are initial configurations (TLA+'s Init). */
  initially: z.string().optional(),
  /** Interchangeable role instances and enum values: the explorer keeps one configuration per class (docs/format-v2.md §18). */
  symmetry: z.strictObject({ roles: z.array(z.string()).optional(), values: z.array(z.array(z.string())).optional(), description: z.string().optional() }).optional(),
  environment: environmentSchemaV2.optional(),
  layout: layoutSchema.optional(),
});

/** A version-2 design as written (after `x-*` keys are set aside). */
export type DesignV2 = z.infer<typeof designSchemaV2>;
