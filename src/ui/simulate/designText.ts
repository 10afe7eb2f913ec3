import type { Design } from '../../model/schema';

/**
 * The design as the simulator and the explorer see it: its JSON without `layout` (positions have
 * no semantics, so dragging a state neither rebuilds the run nor makes a check result stale).
 */
export function semanticText(design: Design): string {
  const { layout: _layout, ...rest } = design;
  return JSON.stringify(rest);
}

/**
 * What a simulation run belongs to: the open document and its semantic text. An edit of the same
 * document rebuilds the run and replays it; another document starts a fresh run.
 */
export function runKey(documentId: string, text: string): string {
  return `${documentId}\n${text}`;
}

export function sameDocument(a: string | null, b: string): boolean {
  return a !== null && a.slice(0, a.indexOf('\n')) === b.slice(0, b.indexOf('\n'));
}
