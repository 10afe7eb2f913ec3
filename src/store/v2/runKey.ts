import { designIdentityV2 } from '../../model/v2/designIdentity';
import type { DesignV2 } from '../../model/v2/schema';

/**
 * What a version-2 run and check belong to: the document and the design's behaviour
 * (`designIdentityV2`: its JSON without the layout, so moving a state keeps the run).
 */
export { designIdentityV2 };

export function runKeyV2(documentId: string, design: DesignV2): string {
  return `${documentId}\n${designIdentityV2(design)}`;
}

export function sameDocumentV2(a: string | null, b: string): boolean {
  return a !== null && a.slice(0, a.indexOf('\n')) === b.slice(0, b.indexOf('\n'));
}

export function identityOfRunKey(runKey: string): string {
  return runKey.slice(runKey.indexOf('\n') + 1);
}
