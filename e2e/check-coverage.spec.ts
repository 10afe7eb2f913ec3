import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('a check lists what it never reached and dims it on the canvas', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('unreached-state.protocol.json');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('OK: every reachable configuration satisfies every check.');
  const coverage = page.getByRole('region', { name: 'Coverage' });
  await expect(coverage).toContainText('states reached 2/3');
  await expect(coverage).toContainText('Unreached states: Archived');
  await expect(coverage).toContainText('Unreached transitions: unarchive');
  await expect(page.locator('.state-node.is-dimmed')).toHaveText(/Archived/);
  await expect(page.locator('.state-node.is-dimmed')).toHaveCount(1);
  await expect(page.locator('.edge-label.is-dimmed')).toHaveCount(1);

  // Back in Design mode the canvas is plain again.
  await run.mode('Design');
  await expect(page.locator('.state-node.is-dimmed')).toHaveCount(0);
});
