import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// The version-2 sequence diagram in Simulate's side panel fits its lifelines into the panel while
// that still reads; "Wide view" shows the same diagram across the window, every lifeline in sight
// and every row still a button that travels in time.
test('the sequence diagram opens wide with every lifeline in sight, and its rows still travel', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease without fencing tokens');
  await run.mode('Simulate');
  await run.take('Client[1] Request');
  await run.take('Lock receive Acquire from Client[1]');

  await page.getByRole('button', { name: 'Wide view', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sequence diagram' });
  await expect(dialog).toBeVisible();
  // Wide enough for all four lifelines (Lock, Client[1], Client[2], Storage): nothing to scroll sideways.
  const box = dialog.getByTestId('sequence-v2-scroll');
  const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  await dialog.getByRole('button', { name: 'step 1: Client[1] Request', exact: true }).click();
  await expect(run.position()).toHaveText(/^Step 1 of 2/);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Wide view', exact: true })).toBeFocused();
});

test("Check's trace table keeps every instance's column reachable: it scrolls sideways inside the side panel", async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease without fencing tokens');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Violation/);
  const region = page.getByRole('region', { name: 'trace of writes in lease order, scrolls sideways' });
  // Four instances do not fit a side panel: the region scrolls, and the last column comes into view.
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(region.getByRole('columnheader', { name: 'Storage', exact: true })).toBeInViewport();
});
