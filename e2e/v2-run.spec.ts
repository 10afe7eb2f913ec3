import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

// Simulate and Check of a version-2 design, through the shell as it mounts the run views
// (src/ui/v2/run: SimulateV2 in Simulate mode, CheckV2 in Check mode). The broken two-phase
// commit with one message loss allowed; a lost message leaves participants waiting forever, so
// the deadlock check is off to let Check find the real bug (the coordinator's crash).
const design = JSON.parse(readFileSync(new URL('../examples/v2/two-phase-commit-broken.protocol.json', import.meta.url), 'utf8')) as {
  name: string;
  environment: { network: { drop?: number }; checks?: { deadlock: boolean } };
};
design.environment.network.drop = 1;
design.environment.checks = { deadlock: false };

test('a version-2 design: lose a message, crash the coordinator, check, replay the violation in the sequence diagram', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.evaluate((d) => window.__protocolStudio!.openDesign(d as never), design);
  await expect(page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();
  await run.mode('Simulate');

  // Steps are grouped by instance, network and faults; every instance has its own card.
  await expect(page.getByRole('region', { name: 'Instance RM[2]' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'RM[1] steps' }).getByRole('button', { name: 'RM[1] Vote(value=yes)', exact: true })).toBeVisible();
  // Click-to-step: RM's vote-yes transition on its role canvas takes the first enabled step through it.
  await page.getByRole('button', { name: /^Transition 1 of RM:/ }).click();
  await expect(run.panel('In flight')).toContainText('Vote(value=yes) RM[1]→TM');
  await expect(page.getByLabel('Instances in prepared')).toContainText('RM[1]');
  await run.take('RM[2] Vote(value=yes)');
  // The message loss.
  await page.getByRole('region', { name: 'Network steps' }).getByRole('button', { name: 'drop Vote(value=yes) RM[1]→TM', exact: true }).click();
  await expect(run.panel('In flight')).not.toContainText('RM[1]→TM');
  await run.take('TM receive Vote(value=yes) from RM[2]');
  // The crash: TM goes down, keeps its persisted record, loses its memory.
  await page.getByRole('region', { name: 'Fault steps' }).getByRole('button', { name: 'crash TM', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Instance TM' })).toContainText('(down)');
  await expect(page.getByRole('group', { name: 'TM persisted record' })).toContainText('state collecting');
  await expect(run.row('step 3: drop Vote(value=yes) RM[1]→TM')).toBeVisible();
  await expect(run.row('step 5: crash TM')).toBeVisible();
  await expect(page.locator('[data-arrow="dropped"]')).toHaveCount(1);
  await expect(page.locator('[data-mark="crash"]')).toHaveCount(1);
  // Time travel: back, forward, jump; a step from an earlier row forks.
  await page.keyboard.press('ArrowLeft');
  await expect(run.position()).toHaveText(/^Step 4 of 5/);
  await page.keyboard.press('ArrowRight');
  await expect(run.position()).toHaveText(/^Step 5 of 5/);
  await run.row('step 2: RM[2] Vote(value=yes)').click();
  await expect(run.position()).toHaveText(/^Step 2 of 5/);

  // Check finds the coordinator's crash between Commit and the log.
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Violation: 1 shortest trace at depth 10/, { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText('TM');
  await page.getByRole('button', { name: 'Replay invariant all or nothing' }).click();

  // The trace replays in Simulate: every row is in the sequence diagram.
  await run.mode('Simulate');
  await expect(run.position()).toHaveText(/^Step 0 of 10/);
  await run.row('step 10: RM[2] receive Abort').click();
  await expect(page.getByRole('alert', { name: 'Violations' })).toContainText('all or nothing');
  await expect(run.row('step 8: crash TM')).toBeVisible();
  await expect(run.row('step 9: restart TM (presume-abort)')).toBeVisible();
  await expect(page.getByRole('group', { name: 'sequence diagram' }).locator('[data-arrow="received"]')).not.toHaveCount(0);
});
