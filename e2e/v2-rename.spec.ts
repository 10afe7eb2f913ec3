import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane, noErrors, rename } from './v2Lanes';

/**
 * Renaming in the version-2 editor keeps the design whole: a var renamed in its role's form and a
 * state renamed in its own form rewrite every expression that reads them (guards, update keys,
 * the design invariant comparing participants' states), so the design has no error and Check
 * finds the same violation of the same invariant.
 */
test('renaming a var and a state rewrites the expressions that read them, and Check finds the same violation', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Two-phase commit: COMMIT before the log');

  await lane(page, 'TM').getByRole('button', { name: /^TM/ }).click();
  await rename(page, 'Role TM var 2 name', 'notified');
  await expect(noErrors(page)).toBeVisible();

  await lane(page, 'RM').getByRole('group', { name: 'State RM.committed' }).click();
  await rename(page, 'State name', 'done');
  await expect(lane(page, 'RM').getByRole('group', { name: 'State RM.done' })).toBeVisible();
  await expect(noErrors(page)).toBeVisible();

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Violation/, { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('all or nothing');
});
