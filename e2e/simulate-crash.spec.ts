import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('send, deliver, crash before the ack, restart, retry: the durable key answers and the client ends ambiguous', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('payment-durable-crash.protocol.json');
  await run.mode('Simulate');

  const clientSteps = page.getByRole('region', { name: 'Client steps' });
  await expect(clientSteps.getByRole('button', { name: 'send Charge#1', exact: true })).toBeVisible();
  await run.take('send Charge#1');
  await expect(run.panel('In flight')).toContainText('to machine: Charge#1');
  await expect(run.panel('Clients')).toContainText('pending');

  // Clicking the transition's event on the canvas takes the step that fires it: deliver Charge#1.
  await page.getByRole('button', { name: /^Transition 1:/ }).click();
  await expect(run.row('step 2: deliver Charge#1')).toBeVisible();
  await expect(page.getByText('busy(Charge#1, ack, ok)').first()).toBeVisible();
  // The canvas highlights the state entered and the transition just taken.
  await expect(page.locator('.state-node.is-active')).toContainText('Charged');
  await expect(page.locator('.edge-label.is-active')).toHaveCount(1);
  const persisted = run.panel('Persisted record');
  await expect(persisted.getByRole('table', { name: 'durable dedupe table' })).toContainText('Charge#1');
  await expect(persisted.getByRole('table', { name: 'persisted vars' })).toContainText('balance1');
  await expect(run.panel('Memory').getByRole('table', { name: 'vars' })).toContainText('(changed)');

  // The crash comes before the ack: the effect is persisted, but never acknowledged.
  await page.getByRole('region', { name: 'Faults steps' }).getByRole('button', { name: 'crash', exact: true }).click();
  await expect(page.getByTestId('sim-state')).toHaveText('Charged');
  await expect(run.panel('Memory')).toContainText('recovering');
  await run.take('restart');
  await run.take('timeout Charge#1 (retry 2 of 2)');
  await expect(run.panel('Clients')).toContainText('attempt 2/2');
  await run.take('deliver Charge#1');
  await expect(run.panel('In flight')).toContainText('to client: Charge#1 ok');
  await run.take('timeout Charge#1 (gives up: ambiguous)');
  await expect(run.panel('Clients').getByTestId('client-1')).toContainText('ambiguous');
  await expect(run.panel('Invariants')).toContainText('charged at most once per request: holds');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The sequence diagram tells the story; the timeouts are hourglasses, not failures.
  await expect(run.row('step 3: crash')).toBeVisible();
  await expect(run.row('step 4: restart')).toBeVisible();
  await expect(run.row('step 5: timeout Charge#1 (retry 2 of 2)')).toContainText('retry #1');
  await expect(run.row('step 7: timeout Charge#1 (gives up: ambiguous)')).toContainText('timeout: ambiguous');

  // Undo/Redo move in the run only; jumping back and taking another step forks it.
  await page.getByRole('button', { name: 'Undo step' }).click();
  await expect(run.position()).toHaveText(/^Step 6 of 7/);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(run.position()).toHaveText(/^Step 7 of 7/);
  await run.row('step 2: deliver Charge#1').click();
  await expect(run.position()).toHaveText(/^Step 2 of 7/);
  await run.take('ack Charge#1');
  await expect(run.position()).toHaveText(/^Step 3 of 3/);
  await expect(run.row('step 3: ack Charge#1')).toBeVisible();
  await expect(run.row('step 4: restart')).toHaveCount(0);
});

test('happy path, random run and a saved trace that replays after a reload of the file', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('payment-durable-crash.protocol.json');
  await run.mode('Simulate');

  await page.getByRole('button', { name: 'Happy path' }).click();
  await expect(run.panel('Clients').getByTestId('client-1')).toContainText('ok');
  await expect(page.getByRole('region', { name: 'Client steps' })).toContainText('none');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save trace' }).click();
  const file = await download;
  const path = await file.path();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(run.position()).toHaveText(/^Step 0 of 0/);
  await page.getByLabel('trace file').setInputFiles(path);
  await expect(run.position()).toHaveText(/^Step 4 of 4/);

  await page.getByLabel('seed').fill('7');
  await page.getByRole('button', { name: 'Random run' }).click();
  await expect(run.row('step 1: send Charge#1')).toBeVisible();

  // A trace from another design names its first step that no longer applies.
  await page.getByLabel('trace file').setInputFiles({
    name: 'foreign.trace.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'protocol-studio-trace', version: 1, steps: ['send Charge#1', 'fire Tick'] })),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Step 2 no longer applies: fire Tick' })).toBeVisible();
});
