import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// `vite preview` sends COOP/COEP (vite.config.ts): the page is cross-origin isolated, so the check
// runs on several workers (src/worker/checkThreaded.ts) and must say what one worker says.
test('the page is cross-origin isolated and a check on several workers finds what one finds', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);
  await run.openExample('Payment retried without an idempotency key');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 5.');
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('replay Charge at depth 5');
  await expect(page.getByRole('region', { name: 'Client outcomes' })).toContainText('ambiguous');
});
