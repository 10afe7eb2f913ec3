import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane } from './v2Lanes';

// A role's crash setting (docs/format-v2.md §7), set in the role's form: the lane says it, the
// Simulate view offers crash only where it is allowed, Check follows (the broken two-phase commit
// is correct when its coordinator never crashes), a setting the budget cannot honour is an error
// at the role, and undo takes each edit back.
const design = JSON.parse(readFileSync(new URL('../examples/v2/two-phase-commit-broken.protocol.json', import.meta.url), 'utf8')) as { name: string };

const faults = (page: Page) => page.getByRole('region', { name: 'Fault steps' });

test('a role that never crashes: the lane says so, Simulate offers no crash of it, Check finds the design correct, undo brings it back', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.evaluate((d) => window.__protocolStudio!.openDesign(d as never), design);
  await expect(page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();

  // Simulate first: the budget of 1 lets any instance crash.
  await run.mode('Simulate');
  await expect(faults(page).getByRole('button', { name: 'crash TM', exact: true })).toBeVisible();
  await expect(faults(page).getByRole('button', { name: 'crash RM[1]', exact: true })).toBeVisible();

  // The coordinator is assumed durable: its role's crash setting says "never".
  await run.mode('Design');
  await lane(page, 'TM').getByRole('button', { name: /^TM/ }).click();
  const setting = page.getByLabel('Role TM crashes', { exact: true });
  await expect(setting).toHaveValue('');
  await setting.selectOption('0');
  await expect(lane(page, 'TM')).toContainText('never crashes');
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();

  await run.mode('Simulate');
  await expect(faults(page).getByRole('button', { name: 'crash RM[1]', exact: true })).toBeVisible();
  await expect(faults(page).getByRole('button', { name: 'crash TM', exact: true })).toHaveCount(0);

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^OK: every reachable configuration/, { timeout: 60_000 });

  // A limit per instance the design's budget cannot honour is an error at the role.
  await run.mode('Design');
  await lane(page, 'RM').getByRole('button', { name: /^RM/ }).click();
  await page.getByLabel('Role RM crashes', { exact: true }).selectOption('1');
  await expect(lane(page, 'RM')).toContainText('crashes ≤ 1 each');
  await page.getByRole('tab', { name: 'Environment', exact: true }).click();
  await page.getByLabel('Crash budget (all instances together)', { exact: true }).fill('0');
  const roleError = lane(page, 'RM').getByRole('button', { name: /^Role RM has 1 error/ });
  await expect(roleError).toBeVisible();
  const listed = page.getByRole('region', { name: 'Errors' }).getByRole('button', { name: /^Role RM › crashes:/ });
  await expect(listed).toContainText('crash budget is 0');
  await listed.click();
  await expect(page.getByLabel('Role RM crashes', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Undo the budget, the RM limit and the TM setting: the coordinator may crash again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(roleError).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(lane(page, 'RM')).not.toContainText('crashes ≤');
  await page.keyboard.press('Control+z');
  await expect(lane(page, 'TM')).not.toContainText('never crashes');
  await run.mode('Simulate');
  await expect(faults(page).getByRole('button', { name: 'crash TM', exact: true })).toBeVisible();
  // Redo brings the setting back, and the crash button goes with it.
  await run.mode('Design');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await expect(lane(page, 'TM')).toContainText('never crashes');
  await run.mode('Simulate');
  await expect(faults(page).getByRole('button', { name: 'crash TM', exact: true })).toHaveCount(0);
});
