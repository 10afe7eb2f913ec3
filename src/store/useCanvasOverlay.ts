import { useStore } from 'zustand';
import type { CanvasOverlay, CanvasOverlayStore } from './canvasOverlay';
import { useEditorStores } from './editorContext';

/** Reads the canvas overlay (the canvas does; modes write it through `useCanvasOverlayStore`). */
export function useCanvasOverlay<T>(selector: (overlay: CanvasOverlay) => T): T {
  return useStore(useEditorStores().overlay, selector);
}

/** The overlay store itself, for modes that set highlights: `store.setState({ activeState })`. */
export function useCanvasOverlayStore(): CanvasOverlayStore {
  return useEditorStores().overlay;
}
