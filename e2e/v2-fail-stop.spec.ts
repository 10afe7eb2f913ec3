import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane, noErrors } from './v2Lanes';

// A role whose crashed instances never restart (docs/format-v2.md §7, "afterCrash": "stop"), set
// in the role's form: the lane says it, Simulate shows the coordinator stopped with no restart,
// Check reports the participants blocked by it, and restarting instead changes the verdict; undo
// takes the edit back.
const design = JSON.parse(readFileSync(new URL('../examples/v2/two-phase-commit-coordinator-stops.protocol.json', import.meta.url), 'utf8')) as { name: string };

const faults = (page: Page) => page.getByRole('region', { name: 'Fault steps' });

async function check(page: Page, run: RunDriver, verdict: RegExp, first: string) {
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(verdict, { timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText(first);
}

test('a coordinator that stops after a crash: shown stopped, its participants blocked; restarting it changes the check; undo brings it back', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.evaluate((d) => window.__protocolStudio!.openDesign(d as never), design);
  await expect(page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();
  await expect(lane(page, 'TM')).toContainText('stops after a crash');

  // Simulate: the crash puts TM down for good; no restart is offered.
  await run.mode('Simulate');
  await faults(page).getByRole('button', { name: 'crash TM', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Instance TM' })).toContainText('(stopped: crashed, never restarts)');
  await expect(page.getByRole('button', { name: /^restart TM/ })).toHaveCount(0);

  await check(page, run, /^Violation: 2 shortest traces at depth 3/, 'deadlock RM[1] at depth 3');

  // The setting is a select in the role's form, reached and changed from the keyboard.
  await run.mode('Design');
  await lane(page, 'TM').getByRole('button', { name: /^TM/ }).click();
  const setting = page.getByLabel('Role TM after a crash', { exact: true });
  await expect(setting).toHaveValue('stop');
  await setting.focus();
  await page.keyboard.press('ArrowUp');
  await expect(setting).toHaveValue('');
  await expect(lane(page, 'TM')).not.toContainText('stops after a crash');
  await expect(noErrors(page)).toBeVisible();
  // Restarted with nothing in its log, TM waits for votes already taken: it is the one blocked now.
  await check(page, run, /^Violation: 1 shortest trace at depth 4/, 'deadlock TM at depth 4');

  // Undo: the coordinator stops again, and so does the verdict.
  await run.mode('Design');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(lane(page, 'TM')).toContainText('stops after a crash');
  await check(page, run, /^Violation: 2 shortest traces at depth 3/, 'deadlock RM[1] at depth 3');
});
