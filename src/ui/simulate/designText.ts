import type { Design } from '../../model/schema';

/**
 * The design as the simulator and the explorer see it: its JSON without `layout` (positions have
 * no semantics, so dragging a state neither rebuilds the run nor makes a check result stale).
 */
export function semanticText(design: Design): string {
  const { layout: _layout, ...rest } = design;
  return JSON.stringify(rest);
}
