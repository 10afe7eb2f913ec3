import type { KeyboardEvent, PointerEvent } from 'react';

export const SIDE_WIDTH = { min: 280, max: 760, initial: 380 } as const;

const clamp = (w: number) => Math.round(Math.min(SIDE_WIDTH.max, Math.max(SIDE_WIDTH.min, w)));

/**
 * The border between canvas and side panel: drag it, or focus it and use ←/→ (Shift for larger
 * steps), to give the panel room (long labels, a sequence diagram with many clients).
 */
export function SidePanelSplitter({ width, onWidth }: { width: number; onWidth: (width: number) => void }) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onWidth(clamp(startWidth + (startX - m.clientX)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') onWidth(clamp(width + step));
    else if (e.key === 'ArrowRight') onWidth(clamp(width - step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="side-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize side panel"
      aria-valuemin={SIDE_WIDTH.min}
      aria-valuemax={SIDE_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
