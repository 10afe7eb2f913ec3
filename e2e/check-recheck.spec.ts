import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('when the replay check finds a double charge, the result says so in plain words and shows the invariant it breaks too', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('naive-payment.protocol.json');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 5.');
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('replay Charge at depth 5');

  const own = page.getByRole('region', { name: 'Your invariants' });
  await expect(own).toContainText('A retry or duplicate of Charge reached the machine after the first copy had been processed');
  await expect(own.getByRole('list', { name: 'also breaks' })).toHaveText(/also breaks: no double charge, at depth 5/);

  // Its trace replays in Simulate, where the invariant reads FALSE at the end.
  await own.getByRole('button', { name: 'Replay invariant no double charge with the replay check off' }).click();
  await expect(page.getByRole('tab', { name: 'Simulate' })).toHaveAttribute('aria-selected', 'true');
  await expect(run.position()).toHaveText(/^Step 0 of 5/);
  await expect(page.getByText('Replaying with the replay check off')).toBeVisible();
  await run.row('step 5: deliver Charge#1').click();
  await expect(page.getByRole('list', { name: 'invariant list' })).toContainText('no double charge: FALSE');
});
