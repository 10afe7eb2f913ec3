// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('replaces a panel that throws with the error and a retry, leaving its siblings alone', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  let fail = true;
  function Panel() {
    if (fail) throw new TypeError("Cannot read properties of null (reading 'states')");
    return <p>panel works</p>;
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <>
        <ErrorBoundary name="Check panel">
          <Panel />
        </ErrorBoundary>
        <p>sibling</p>
      </>,
    ),
  );
  expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/The Check panel stopped because of an error:.*reading 'states'/);
  expect(host.textContent).toContain('sibling');
  fail = false;
  act(() => host.querySelector('button')!.click());
  expect(host.textContent).toContain('panel works');
  act(() => root.unmount());
  vi.restoreAllMocks();
});
