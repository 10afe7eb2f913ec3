import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('a long check runs in the worker, the page stays usable, and cancelling reports incomplete', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('counters-millions.protocol.json');

  await run.mode('Check');
  await expect(page.getByLabel('max states')).toHaveValue('2000000');
  await expect(page.getByLabel('max seconds')).toHaveValue('60');
  await page.getByRole('button', { name: 'Run check' }).click();
  const status = page.getByRole('status').filter({ hasText: 'states/s' });
  // Progress arrives while the worker explores: wait for a count past the first thousand.
  await expect(status).toHaveText(/^[\d,]{5,} states · depth \d+/);

  // The main thread answers: switch modes and back while the check keeps running.
  await run.mode('Design');
  await expect(page.getByRole('tab', { name: 'Inspector', exact: true })).toBeVisible();
  await run.mode('Check');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(page.getByRole('progressbar', { name: 'check progress' })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Incomplete: you cancelled the search before it was exhaustive (this is not a pass).');
  await expect(page.getByRole('button', { name: 'Run check' })).toBeEnabled();
});
