import { fnv1a64 } from '../../model/fnv1a64';
import type { DesignV2 } from '../../model/v2/schema';

/**
 * What a version-2 run and check belong to: the document and the design's behaviour (its JSON
 * without the layout, so moving a state keeps the run). Designs are immutable values: one hash each.
 */
const identities = new WeakMap<DesignV2, string>();

export function designIdentityV2(design: DesignV2): string {
  let id = identities.get(design);
  if (id === undefined) {
    const { layout: _layout, ...behaviour } = design;
    id = fnv1a64(JSON.stringify(behaviour));
    identities.set(design, id);
  }
  return id;
}

export function runKeyV2(documentId: string, design: DesignV2): string {
  return `${documentId}\n${designIdentityV2(design)}`;
}

export function sameDocumentV2(a: string | null, b: string): boolean {
  return a !== null && a.slice(0, a.indexOf('\n')) === b.slice(0, b.indexOf('\n'));
}

export function identityOfRunKey(runKey: string): string {
  return runKey.slice(runKey.indexOf('\n') + 1);
}
