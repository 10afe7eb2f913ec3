import { createContext } from 'react';

/**
 * The element edge labels are portalled into (React Flow's `.react-flow__edgelabel-renderer`),
 * found once by the canvas. React Flow's own `EdgeLabelRenderer` looks it up with a store selector
 * in every edge, so 600 edges ran 600 `querySelector`s on every pan/zoom frame.
 */
export const EdgeLabelLayer = createContext<HTMLElement | null>(null);
