import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('an ambiguous client outcome offers a shortest run that ends in it, replayable in Simulate', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Payment with a durable idempotency key');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('OK: every reachable configuration satisfies every check.');
  const outcomes = page.getByRole('region', { name: 'Client outcomes' });
  await expect(outcomes).toContainText(/ambiguous [1-9]/);
  const replay = outcomes.getByRole('button', { name: 'Replay a shortest run ending ambiguous' });
  const steps = Number(/\((\d+) steps\)/.exec((await replay.textContent()) ?? '')?.[1]);
  expect(steps).toBeGreaterThan(0);
  await replay.click();
  await expect(page.getByRole('tab', { name: 'Simulate' })).toHaveAttribute('aria-selected', 'true');
  await expect(run.position()).toHaveText(new RegExp(`^Step 0 of ${steps}`));
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 1; i <= steps; i++) await next.click();
  await expect(run.position()).toHaveText(new RegExp(`^Step ${steps} of ${steps}`));
  await expect(page.getByRole('region', { name: 'Clients' })).toContainText('ambiguous');
});
