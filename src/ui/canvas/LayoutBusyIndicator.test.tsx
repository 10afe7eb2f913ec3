// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { LayoutBusyIndicator } from './LayoutBusyIndicator';
import { layoutBusy } from './layoutBusy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('shows "Laying out N states…" as a busy status while a layout runs, nothing otherwise', () => {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<LayoutBusyIndicator />));
  expect(host.textContent).toBe('');
  act(() => layoutBusy.setState({ states: 1000 }));
  const status = host.querySelector('[role="status"]')!;
  expect(status.getAttribute('aria-busy')).toBe('true');
  expect(status.textContent).toContain('Laying out 1000 states…');
  act(() => layoutBusy.setState({ states: 0 }));
  expect(host.textContent).toBe('');
  act(() => root.unmount());
});
