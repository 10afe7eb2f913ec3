import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane, noErrors, rename, renameRole } from './v2Lanes';

/**
 * Calls between participants drawn in the version-2 editor (issue 14 item 1, docs/format-v2.md
 * §14): the lease example's missing idempotency key fixed in the callee's event form (Check goes
 * from the violation to OK), and, from a blank design, a call with retry made in a transition's
 * form, served by the callee and handled by its outcomes, without a validation error.
 */


test("the lease example's callee gets a durable idempotency key in its event form, and Check goes from the violation to OK", async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');
  await expect(lane(page, 'Client').getByRole('button', { name: /^Transition 1 of Client: Want call Lock\.Acquire ×2/ })).toBeVisible();
  await expect(lane(page, 'Client').getByRole('button', { name: /^Transition 4 of Client: Acquire timed out \(ambiguous\)/ })).toBeVisible();

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Violation/, { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'violations' })).toContainText('replay Acquire at depth 5');

  // The fix, in the form: Lock's call event Acquire records its answers durably.
  await run.mode('Design');
  await lane(page, 'Lock')
    .getByRole('button', { name: /^Lock/ })
    .click();
  const idempotency = page.getByLabel('Role Lock event Acquire idempotency', { exact: true });
  await expect(idempotency).toHaveValue('');
  await idempotency.selectOption('durable');
  await expect(noErrors(page)).toBeVisible();
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^OK/, { timeout: 45_000 });
});

test('from a blank design, a transition makes a call with retry; the callee serves it and the caller handles its outcomes, with no error; undo takes the retry back', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.getByRole('button', { name: /^Documents/ }).click();
  await page.getByRole('button', { name: 'New multi-participant design' }).click();
  await renameRole(page, 'Node', 'Client');
  await page.getByRole('button', { name: 'Add role', exact: true }).click();
  await renameRole(page, 'Role1', 'Lock');

  // Lock declares the call event Acquire, which returns a token.
  await page.getByRole('button', { name: 'Add event', exact: true }).click();
  await rename(page, 'Role Lock event 1 name', 'Acquire');
  await page.getByLabel('Role Lock event 1 source', { exact: true }).selectOption('call');
  await page
    .getByRole('group', { name: 'Role Lock event Acquire returns', exact: true })
    .getByRole('button', { name: 'Add returns field' })
    .click();
  await rename(page, 'Role Lock event Acquire returns field 1 name', 'token');
  await page.getByLabel('Role Lock event Acquire calls per caller', { exact: true }).fill('1');
  // Nobody calls it yet: the loader says so beside the event.
  await expect(page.getByRole('region', { name: 'Errors' })).toContainText('No transition calls Acquire');

  // Lock serves it: a transition on Acquire replies with the token.
  await lane(page, 'Lock').getByRole('button', { name: 'Add transition to Lock' }).click();
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('Acquire');
  await page.getByRole('textbox', { name: 'Returns token', exact: true }).fill('1');

  // Client: a new transition calls Lock.Acquire with two attempts.
  await lane(page, 'Client').getByRole('button', { name: 'Add state to Client' }).click();
  await rename(page, 'State name', 'waiting');
  await lane(page, 'Client').getByRole('group', { name: 'State Client.idle' }).click();
  await lane(page, 'Client').getByRole('button', { name: 'Add transition to Client' }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 1' })).toBeVisible();
  await page.getByLabel('Goes to', { exact: true }).selectOption('waiting');
  await page.getByLabel('Calls', { exact: true }).selectOption({ label: 'Lock.Acquire' });
  await page.getByLabel('Call attempts (1 = no retry)', { exact: true }).fill('2');
  await expect(lane(page, 'Client').getByRole('button', { name: 'Transition 1 of Client: Step call Lock.Acquire ×2', exact: true })).toBeVisible();
  await expect(noErrors(page)).toBeVisible();

  // Its ambiguous outcome is offered as a trigger: waiting --Acquire.timeout--> idle.
  await lane(page, 'Client').getByRole('group', { name: 'State Client.waiting' }).click();
  await lane(page, 'Client').getByRole('button', { name: 'Add transition to Client' }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 2' })).toBeVisible();
  const event = page.getByLabel('Event', { exact: true });
  await expect(event.locator('option', { hasText: 'Acquire.timeout (ambiguous' })).toHaveCount(1);
  await event.selectOption('Acquire.timeout');
  await page.getByLabel('Goes to', { exact: true }).selectOption('idle');
  await expect(lane(page, 'Client').getByRole('button', { name: 'Transition 2 of Client: Acquire timed out (ambiguous)', exact: true })).toBeVisible();
  await expect(noErrors(page)).toBeVisible();

  // Undo reaches the retry (one step per edit), redo brings it back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect(lane(page, 'Client').getByRole('button', { name: 'Transition 1 of Client: Step call Lock.Acquire', exact: true })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(lane(page, 'Client').getByRole('button', { name: 'Transition 1 of Client: Step call Lock.Acquire ×2', exact: true })).toBeVisible();
});

test("a call's missing outcome transitions are added with one click, said where they go, and taken back with one undo", async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');
  const client = lane(page, 'Client');
  // The example handles all three outcomes from `waiting`: nothing to add.
  await client.getByRole('button', { name: /^Transition 1 of Client: Want call Lock\.Acquire ×2/ }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add outcome transitions' })).toHaveCount(0);

  // The call now waits in `unsure`, where no outcome is handled: one click adds all three.
  await page.getByLabel('Goes to', { exact: true }).selectOption('unsure');
  await expect(client.getByRole('button', { name: /^Transition \d+ of Client/ })).toHaveCount(4);
  await page.getByRole('button', { name: 'Add outcome transitions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added Acquire.ok, Acquire.error, Acquire.timeout from unsure, each going back to idle' })).toBeVisible();
  await expect(client.getByRole('button', { name: /^Transition \d+ of Client/ })).toHaveCount(7);
  await expect(client.getByRole('button', { name: /^Transition 7 of Client: Acquire timed out \(ambiguous\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add outcome transitions' })).toHaveCount(0);
  await expect(noErrors(page)).toBeVisible();

  // The new one is an ordinary transition: its target is edited in its form.
  await client.getByRole('button', { name: /^Transition 7 of Client/ }).click();
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('Acquire.timeout');
  await expect(page.getByLabel('Goes to', { exact: true })).toHaveValue('idle');
  await page.getByLabel('Goes to', { exact: true }).selectOption('unsure');

  // One undo takes the target edit back, the next the three transitions at once.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(client.getByRole('button', { name: /^Transition \d+ of Client/ })).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(client.getByRole('button', { name: /^Transition \d+ of Client/ })).toHaveCount(7);
});
