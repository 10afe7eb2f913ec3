import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ReviewDriver } from './reviewDriver';
import { RunDriver } from './runDriver';
import { lane } from './v2Lanes';

/**
 * Issue 14's studio gaps: a design with calls shows what the user wrote (its own vars, and each
 * instance's calls in words, never the names the calls run under) in Simulate's instance panels
 * and Check's trace table; the diff of two version-2 versions draws the change per role; the
 * Review dialog works for a design with clients (checklist, report, diff), as the command line does.
 */

const review = (page: Page) => page.getByRole('dialog', { name: 'Review' });
const GENERATED = /Acquire_(pending|call|attempts|to|outcome|due|seen|answer|first)/;

test('Simulate and Check show the calls in words, never the vars they run under', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');

  await run.mode('Simulate');
  await run.take('Client[1] Want');
  const client = page.getByRole('region', { name: 'Instance Client[1]', exact: true });
  await expect(client.getByRole('group', { name: 'Client[1] calls', exact: true })).toHaveText(/Acquire #1 → Lock: waiting for reply \(attempt 1 of 2\)/);
  await expect(client.getByRole('group', { name: 'Client[1] persisted calls', exact: true })).toContainText('Acquire: last request #1 (ids are never reused)');
  await expect(client.getByRole('group', { name: 'Client[1] memory', exact: true })).toContainText('lease');
  await run.take('Lock receive Acquire #1 from Client[1]');
  const lock = page.getByRole('region', { name: 'Instance Lock', exact: true });
  await expect(lock.getByRole('group', { name: 'Lock calls', exact: true })).toContainText('Acquire from Client[1]: reply to #1 due: ok(token=1)');
  await expect(page.getByRole('region', { name: 'Instances', exact: true })).not.toContainText(GENERATED);

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('replay Acquire at depth 5', { timeout: 30_000 });
  const trace = page.getByRole('table', { name: 'trace of Acquire', exact: true });
  await expect(trace.getByRole('row')).toHaveCount(7);
  await expect(trace.getByRole('row').nth(1)).toContainText('(initial)');
  await expect(trace.getByRole('row').nth(2)).toContainText('waiting; Acquire #1 → Lock: waiting for reply (attempt 1 of 2)');
  await expect(trace.getByRole('row').nth(5)).toContainText('Acquire #1 → Lock: waiting for reply (attempt 2 of 2)');
  await expect(trace).not.toContainText(GENERATED);
});

test('the diff of two versions draws the change per role, readable from the keyboard', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');
  const versions = new ReviewDriver(page);
  await versions.saveVersion('before the fix');

  // The fix (a durable idempotency key) and a new state on Lock.
  await lane(page, 'Lock')
    .getByRole('button', { name: /^Lock/ })
    .click();
  await page.getByLabel('Role Lock event Acquire idempotency', { exact: true }).selectOption('durable');
  await lane(page, 'Lock').getByRole('button', { name: 'Add state to Lock' }).click();

  const diff = await versions.compareWith('before the fix');
  const roles = diff.getByRole('region', { name: 'Changes per role' });
  const lockPicture = roles.getByRole('figure', { name: /^Role Lock \(changed\): 1 state added, 2 transitions changed$/ });
  const clientPicture = roles.getByRole('figure', { name: 'Role Client (unchanged)' });
  await expect(lockPicture).toBeVisible();
  await expect(lockPicture.getByRole('img')).toHaveAttribute('alt', /Role Lock \(changed\)/);
  await expect(clientPicture).toBeVisible();
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('idempotency: "none" → "durable"');
  // Each role's picture takes focus; ↓ and ↑ move between them.
  await lockPicture.focus();
  await page.keyboard.press('ArrowDown');
  await expect(clientPicture).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(lockPicture).toBeFocused();
  await expect(diff.getByRole('table', { name: 'Check results side by side' }).getByRole('row', { name: /verdict/ })).toContainText(/violation\s*ok/, { timeout: 60_000 });
  if (process.env['V2_DIFF_SCREENSHOT']) await diff.screenshot({ path: 'docs/v2-diff.png' });
  await diff.getByRole('button', { name: 'Close diff' }).click();
});

test('the Review dialog reviews a design with clients in the browser: checklist, report and diff', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service with clients: dedupe table in memory');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const dialog = review(page);
  await expect(dialog.getByRole('status').first()).toContainText('check: violation', { timeout: 30_000 });
  const findings = dialog.getByRole('list', { name: 'Checklist findings' });
  await expect(findings.getByRole('listitem').first()).toBeVisible();
  await expect(dialog).not.toContainText('command line');

  // A silence is written into the version-2 file where the finding points, and read back there.
  const duplicates = findings.getByRole('listitem', { name: /^Duplicate budget of 0/ });
  await duplicates.getByRole('button', { name: 'Silence…' }).click();
  await duplicates.getByLabel('Reason').fill('the transport deduplicates');
  await duplicates.getByRole('button', { name: 'Silence', exact: true }).click();
  await expect(duplicates).toContainText('Silenced: the transport deduplicates');

  await dialog.getByRole('tab', { name: 'Report' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download HTML report' }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('replay');
  expect(html).toContain('the transport deduplicates');

  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const versions = new ReviewDriver(page);
  await versions.saveVersion('volatile table');
  await lane(page, 'LockService').getByRole('button', { name: 'Add state to LockService' }).click();
  // Version 1's diff of the designs they stand for, as the command line's `diff`.
  const diff = await versions.compareWith('volatile table');
  await expect(diff.getByRole('img', { name: /Diagram of the changes/ })).toBeVisible();
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('added state');
  await expect(diff.getByRole('table', { name: 'Check results side by side' }).getByRole('row', { name: /verdict/ })).toContainText(/violation\s*violation/, { timeout: 60_000 });
});
