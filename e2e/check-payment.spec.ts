import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('the retried payment fails its check, replays step by step, and passes once the key is durable', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Payment retried without an idempotency key');

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 5.');
  const violations = page.getByRole('list', { name: 'violations' });
  await expect(violations).toContainText('replay Charge at depth 5');
  await expect(page.getByRole('region', { name: 'Client outcomes' })).toContainText('ambiguous');

  await page.getByRole('button', { name: 'Replay replay Charge' }).click();
  await expect(page.getByRole('tab', { name: 'Simulate' })).toHaveAttribute('aria-selected', 'true');
  await expect(run.position()).toHaveText(/^Step 0 of 5/);
  await expect(page.getByTestId('sim-state')).toHaveText('Idle');

  // Step forward through the shortest trace, one Next at a time.
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 1; i <= 5; i++) {
    await next.click();
    await expect(run.position()).toHaveText(new RegExp(`^Step ${i} of 5`));
  }
  await expect(next).toBeDisabled();
  await expect(run.row('step 4: timeout Charge#1 (retry 2 of 2)')).toBeVisible();
  await expect(run.row('step 2: deliver Charge#1')).toBeVisible();
  await expect(run.row('step 5: deliver Charge#1')).toBeVisible();
  await expect(run.row('step 5: deliver Charge#1')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('alert').filter({ hasText: 'VIOLATION: replay Charge' })).toBeVisible();

  // Travel back to the ack and look at the machine there.
  await run.row('step 3: ack Charge#1').click();
  await expect(run.position()).toHaveText(/^Step 3 of 5/);
  await expect(page.getByTestId('sim-state')).toHaveText('Charged');

  // Fix the design: a durable idempotency key for Charge.
  await run.mode('Design');
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await page.getByLabel('Event Charge idempotency').selectOption('durable');

  await run.mode('Check');
  await expect(page.getByText('The design changed since this check ran')).toBeVisible();
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('OK: every reachable configuration satisfies every check.');
  await expect(page.getByRole('list', { name: 'violations' })).toHaveCount(0);
});
