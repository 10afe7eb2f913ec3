import lease from '../../../examples/v2/lease-calls-broken.protocol.json';
import twoPhase from '../../../examples/v2/two-phase-commit-broken.protocol.json';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';

/** Test support: version-2 examples as fresh mutable copies, and a loader that must succeed. */
export function twoPhaseBroken(): DesignV2 & Record<string, unknown> {
  return structuredClone(twoPhase) as unknown as DesignV2 & Record<string, unknown>;
}

export function leaseBroken(): DesignV2 & Record<string, unknown> {
  return structuredClone(lease) as unknown as DesignV2 & Record<string, unknown>;
}

export function modelOfV2(design: unknown): ModelV2 {
  const loaded = loadDesignValueV2(design);
  if (!loaded.ok) throw new Error(`test design does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}
