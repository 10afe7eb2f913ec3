import { z } from 'zod';

/**
 * The design file, format v1, exactly as MODEL.md section 1 draws it. The shapes here are strict:
 * an unknown key is an error at its own path. `x-*` keys are stripped by the loader before this
 * schema sees the document (they are the editor's room), and `layout` holds anything.
 *
 * Semantic rules that need more than one field (unique names, references, exactly one initial
 * state, expressions) live in the loader, not here.
 */

// Bounds are plain numbers here: zod's `.int()` stops at ±(2^53 − 1), while MODEL.md allows ±2^53.
// The loader checks that they are integers within ±2^53 and that lo <= hi.
export const intType = z.strictObject({ int: z.tuple([z.number(), z.number()]) });
export const enumType = z.strictObject({ enum: z.array(z.string()) });
export const valueType = z.union([z.literal('bool'), intType, enumType]);
export type ValueTypeJson = z.infer<typeof valueType>;

export const storage = z.enum(['durable', 'volatile', 'ghost']);
export type VarStorage = z.infer<typeof storage>;

export const varSchema = z.strictObject({
  name: z.string(),
  type: valueType,
  initial: z.union([z.number(), z.boolean(), z.string()]),
  storage: storage.optional(),
  description: z.string().optional(),
});
export type VarJson = z.infer<typeof varSchema>;

export const stateSchema = z.strictObject({
  name: z.string(),
  initial: z.boolean().optional(),
  final: z.boolean().optional(),
  storage: z.enum(['durable', 'volatile']).optional(),
  description: z.string().optional(),
});
export type StateJson = z.infer<typeof stateSchema>;

export const payloadFieldSchema = z.strictObject({
  name: z.string(),
  type: valueType,
  description: z.string().optional(),
});
export type PayloadFieldJson = z.infer<typeof payloadFieldSchema>;

export const eventSource = z.enum(['client', 'timer', 'internal']);
export type EventSource = z.infer<typeof eventSource>;
export const idempotency = z.enum(['none', 'durable', 'volatile']);
export type Idempotency = z.infer<typeof idempotency>;
export const unhandled = z.enum(['reject', 'ignore']);
export type Unhandled = z.infer<typeof unhandled>;

export const eventSchema = z.strictObject({
  name: z.string(),
  source: eventSource,
  payload: z.array(payloadFieldSchema).optional(),
  retry: z.strictObject({ maxAttempts: z.number().int() }).optional(),
  idempotency: idempotency.optional(),
  unhandled: unhandled.optional(),
  afterMs: z.number().nonnegative().optional(),
  description: z.string().optional(),
});
export type EventJson = z.infer<typeof eventSchema>;

export const ack = z.enum(['durable', 'best-effort', 'none']);
export type Ack = z.infer<typeof ack>;
export const reply = z.enum(['ok', 'error']);
export type Reply = z.infer<typeof reply>;

export const transitionInvariantSchema = z.strictObject({
  name: z.string(),
  expr: z.string(),
  description: z.string().optional(),
});
export type TransitionInvariantJson = z.infer<typeof transitionInvariantSchema>;

export const transitionSchema = z.strictObject({
  id: z.string().optional(),
  from: z.string(),
  event: z.string(),
  to: z.string(),
  guard: z.string().optional(),
  updates: z.record(z.string(), z.string()).optional(),
  ack: ack.optional(),
  reply: reply.optional(),
  invariants: z.array(transitionInvariantSchema).optional(),
  description: z.string().optional(),
});
export type TransitionJson = z.infer<typeof transitionSchema>;

export const invariantKind = z.enum(['state', 'step']);
export type InvariantKind = z.infer<typeof invariantKind>;

export const invariantSchema = z.strictObject({
  name: z.string(),
  expr: z.string(),
  kind: invariantKind.optional(),
  description: z.string().optional(),
});
export type InvariantJson = z.infer<typeof invariantSchema>;

export const environmentSchema = z.strictObject({
  requests: z.number().int().optional(),
  network: z
    .strictObject({
      drop: z.number().int().optional(),
      duplicate: z.number().int().optional(),
      reorder: z.boolean().optional(),
    })
    .optional(),
  crashes: z.number().int().optional(),
  checks: z.strictObject({ deadlock: z.boolean().optional(), replay: z.boolean().optional() }).optional(),
});
export type EnvironmentJson = z.infer<typeof environmentSchema>;

/** Editor positions; no semantics. The file may hold anything here, so it is read defensively. */
export const layoutSchema = z.record(z.string(), z.unknown());

export const designSchema = z.strictObject({
  format: z.literal('protocol-studio'),
  version: z.literal(1),
  name: z.string(),
  description: z.string().optional(),
  vars: z.array(varSchema),
  states: z.array(stateSchema),
  events: z.array(eventSchema),
  transitions: z.array(transitionSchema),
  invariants: z.array(invariantSchema),
  environment: environmentSchema.optional(),
  layout: layoutSchema.optional(),
});

/** A design document as written in a `.protocol.json` file (after `x-*` keys are set aside). */
export type Design = z.infer<typeof designSchema>;

export { RESTART_EVENT } from './restartEvent';
