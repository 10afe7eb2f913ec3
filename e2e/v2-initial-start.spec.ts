import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// A design with several initial configurations (docs/format-v2.md §8): the check's trace starts
// from the second, Replay starts Simulate there, and the picker starts the run over elsewhere.
test('a trace from another initial configuration replays from it, and Simulate can start anywhere', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('v2-two-starts.protocol.json');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Violation: 1 shortest trace at depth 1.', { timeout: 30_000 });
  const trace = page.getByRole('table', { name: 'trace of under three' });
  await expect(trace.getByRole('row').nth(1)).toContainText('(initial 2 of 2)');
  await page.getByRole('button', { name: 'Replay invariant under three' }).click();
  const picker = page.getByRole('group', { name: 'Initial configuration' });
  await expect(picker.getByRole('combobox')).toHaveValue('1');
  await expect(picker.getByRole('combobox').locator('option:checked')).toHaveText('2: Counter[2].n = 2');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('alert').first()).toContainText('under three');
  await picker.getByRole('button', { name: 'Previous initial configuration' }).click();
  await expect(picker.getByRole('combobox')).toHaveValue('0');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await run.take('Counter[2] Bump');
  await expect(page.getByText('Step 1 of 1')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
