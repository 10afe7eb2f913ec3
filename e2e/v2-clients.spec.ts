import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// A version-2 design with clients (docs/format-v2.md §13: version 1's clients around one
// participant) runs in the studio as the command line runs it: version 1's check of its lowered
// model. The lease service's retried acquire is processed again after a crash (the command line
// reports `replay Acquire` at depth 6); a durable dedupe table fixes it.
const example = (name: string) => fileURLToPath(new URL(`../examples/v2/lease-service-retries-${name}.protocol.json`, import.meta.url));

test('a design with clients: check it, replay the violation on the canvas, open the fix and check it OK', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.getByLabel('Open a .protocol.json file').setInputFiles(example('broken'));
  await expect(page.getByRole('button', { name: 'Documents (open: Lease service with retried acquires (volatile dedupe))' })).toBeVisible();
  await expect(page.getByText('No errors: the design is valid.')).toBeVisible();

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 6.', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('replay Acquire at depth 6');
  await expect(page.getByRole('region', { name: 'Client outcomes' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText('states reached 2/2');
  await page.getByRole('button', { name: 'Replay replay Acquire' }).click();

  // The trace replays in Simulate: the role's canvas shows where its instance stands.
  await expect(page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name: 'Simulate' })).toHaveAttribute('aria-selected', 'true');
  await expect(run.position()).toHaveText(/^Step 0 of 6/);
  await expect(page.getByLabel('Instances in free')).toContainText('LockService');
  const next = page.getByRole('button', { name: 'Next step' });
  await next.click();
  await next.click();
  await expect(run.position()).toHaveText(/^Step 2 of 6/);
  await expect(page.getByLabel('Instances in held')).toContainText('LockService');
  await expect(run.row('step 3: timeout Acquire#1 (retry 2 of 2)')).toBeVisible();
  await run.row('step 6: deliver Acquire#1').click();
  await expect(run.position()).toHaveText(/^Step 6 of 6/);
  await expect(page.getByRole('alert').filter({ hasText: 'replay Acquire' })).toBeVisible();
  await expect(run.panel('Clients')).toContainText('Acquire#1');
  // Time travel: back one step.
  await page.keyboard.press('ArrowLeft');
  await expect(run.position()).toHaveText(/^Step 5 of 6/);

  // The fixed design checks OK, with its clients' outcomes.
  await page.getByLabel('Open a .protocol.json file').setInputFiles(example('fixed'));
  await expect(page.getByRole('button', { name: /^Documents \(open: Lease service with retried acquires \(durable dedupe\)\)/ })).toBeVisible();
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^OK/, { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Client outcomes' })).toContainText('ok 6 · error 0 · ambiguous 4');
});
