import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane } from './v2Lanes';

// A design with a set-typed map (docs/format-v2.md §2: Voting's votes, a map from ballots to sets
// of values): the role's form shows the type and the initial value as JSON and edits them, and
// Check runs it to TLC's figure under symmetry.
const file = new URL('../test-fixtures/published/voting-sets.protocol.json', import.meta.url);

test('a map to sets shows and edits as JSON in the role form, and Check finds 77 classes', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFile(file);

  await run.mode('Design');
  await lane(page, 'A').getByRole('button', { name: /^A/ }).first().click();
  await expect(page.getByLabel('Role A var 2 type', { exact: true })).toHaveValue('other');
  const type = page.getByLabel('Role A var 2 (JSON)', { exact: true });
  await expect(type).toHaveValue('{"map":{"from":{"int":[0,1]},"to":{"set":{"enum":["v1","v2"]}}}}');
  const initial = page.getByLabel('Role A var 2 initial value (JSON)', { exact: true });
  await expect(initial).toHaveValue('[]');

  // A set that singles out v1 is refused under symmetry, at the var; back to [] it is fine.
  await initial.fill('["v1"]');
  await initial.press('Enter');
  await expect(lane(page, 'A').getByRole('button', { name: /^Role A has 1 error/ })).toBeVisible();
  await initial.fill('[]');
  await initial.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^OK: every reachable configuration/, { timeout: 60_000 });
  await expect(page.getByText(/77 symmetry classes/).first()).toBeVisible();
});
