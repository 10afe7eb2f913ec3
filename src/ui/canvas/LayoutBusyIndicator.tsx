import { useStore } from 'zustand';
import { layoutBusy } from './layoutBusy';

/** "Laying out N states…" over the canvas while an automatic layout runs. */
export function LayoutBusyIndicator() {
  const states = useStore(layoutBusy, (s) => s.states);
  if (states === 0) return null;
  return (
    <div className="layout-busy" role="status" aria-busy="true">
      <span className="layout-busy__spinner" aria-hidden="true" /> Laying out {states}{' '}
      {states === 1 ? 'state' : 'states'}…
    </div>
  );
}
