import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The content width of an element in px, kept current as it resizes (the side panel, its
 * scrollbar); undefined until measured, or where nothing is laid out (jsdom reports 0).
 */
export function useContentWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth > 0 ? element.clientWidth : undefined);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
