import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('a random run that meets a replayed delivery ends on it and says what it violates', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Payment retried without an idempotency key');
  await run.mode('Simulate');

  // Seed 5 sends, times out and retries; its tenth step delivers the retry again: a replay.
  await page.getByLabel('seed').fill('5');
  await page.getByRole('button', { name: 'Random run' }).click();
  await expect(run.position()).toHaveText(/^Step 10 of 10/);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Step 10, deliver Charge#1, violates while it is computed: it produces no configuration');
  await expect(alert).toContainText(/VIOLATION: replay Charge: \S/);
  await expect(page.getByRole('region', { name: 'Enabled steps' }).getByRole('status')).toHaveText(
    /^The run ends on step 10, deliver Charge#1: it violates while it is computed/,
  );
  // The step stays in the diagram, as the row the run stands on, marked with what broke.
  const breaking = run.row('step 10: deliver Charge#1');
  await expect(breaking).toHaveAttribute('aria-current', 'step');
  await expect(breaking).toContainText('⚠ replay Charge');

  // Undo steps back before it: no alert, and the delivery is offered again.
  await page.getByRole('button', { name: 'Undo step' }).click();
  await expect(run.position()).toHaveText(/^Step 9 of 10/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Network steps' }).getByRole('button', { name: 'deliver Charge#1', exact: true })).toBeVisible();
});
