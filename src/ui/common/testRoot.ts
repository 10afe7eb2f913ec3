import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Test helper (jsdom): a fresh React root per test of the calling file, unmounted after it, and
 * the ways the run views' tests read and press what it shows.
 */
export function testRoot() {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });
  return {
    host: () => host,
    render: (node: ReactNode) => act(() => root.render(node)),
    /** The button whose accessible name (its aria-label, else its text) is `name`. */
    button: (name: string): HTMLElement => {
      const found = [...host.querySelectorAll<HTMLElement>('button, [role="button"]')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
      if (!found) throw new Error(`no button ${name}`);
      return found;
    },
    click: (el: HTMLElement) => act(() => el.dispatchEvent(new MouseEvent('click', { bubbles: true }))),
  };
}
