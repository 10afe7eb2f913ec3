import paymentIdempotent from '../../examples/payment-idempotent.protocol.json';
import paymentRetried from '../../examples/payment-retried.protocol.json';
import { loadDesignValue } from '../model/load';
import type { Model } from '../model/model';
import type { Design } from '../model/schema';

/** Test support: the bundled payment designs as fresh mutable copies, and a loader that must succeed. */
export function retried(): Design & Record<string, unknown> {
  return structuredClone(paymentRetried) as unknown as Design & Record<string, unknown>;
}

export function idempotent(): Design & Record<string, unknown> {
  return structuredClone(paymentIdempotent) as unknown as Design & Record<string, unknown>;
}

export function modelOf(design: unknown): Model {
  const loaded = loadDesignValue(design);
  if (!loaded.ok) throw new Error(`test design does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}
