import { designIdentity } from '../../model/designIdentity';
import type { Design } from '../../model/schema';

/**
 * What a simulation run belongs to: the open document and the design's identity (layout
 * excluded, so dragging a state does not rebuild the run). An edit of the same document rebuilds
 * the run and replays it; another document starts a fresh run.
 */
export function runKey(documentId: string, design: Design): string {
  return `${documentId}\n${designIdentity(design)}`;
}

export function sameDocument(a: string | null, b: string): boolean {
  return a !== null && a.slice(0, a.indexOf('\n')) === b.slice(0, b.indexOf('\n'));
}
