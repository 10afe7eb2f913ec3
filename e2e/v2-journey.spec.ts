import { expect, test, type Page } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane, noErrors, rename, renameRole } from './v2Lanes';

/**
 * A new user's whole journey with a design of several participants (issue 14 item 5), only
 * through what the page shows: from "New multi-participant design" they build a Client and a
 * Server that talk (a request with a typed payload one way, an acknowledgement the other), with
 * the server's memory volatile and an invariant "what was acknowledged is stored"; Simulate with a
 * lost message and a crash; Check finds the crash that forgets an acknowledged write, with its
 * shortest trace; the var made durable, Check says OK; Export shows a module per role; a reload
 * finds the design as it was left.
 */

const panelTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });

/** Enters an expression in its CodeMirror field, replacing its text (one edit, as a paste is). */
async function enterExpression(page: Page, label: string, text: string) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(text);
}

/** A message kind with one int payload field `value` in 0..1. */
async function addMessage(page: Page, index: number, name: string, from: string, to: string) {
  await page.getByRole('button', { name: 'Add message kind' }).click();
  await rename(page, `Message ${index} name`, name);
  await page.getByLabel(`Message ${name} from`, { exact: true }).selectOption(from);
  await page.getByLabel(`Message ${name} to`, { exact: true }).selectOption(to);
  await page
    .getByRole('group', { name: `Message ${name} payload`, exact: true })
    .getByRole('button', { name: 'Add payload field' })
    .click();
  await rename(page, `Message ${name} payload field 1 name`, 'value');
  await expect(page.getByLabel(`Message ${name} payload field 1 type`, { exact: true })).toHaveValue('int');
  await expect(page.getByLabel(`Message ${name} payload field 1 highest`, { exact: true })).toHaveValue('1');
}

/** A var of an int 0..1 in the role shown in the Role panel. */
async function addVar(page: Page, role: string, name: string, storage: 'durable (default)' | 'volatile') {
  await page.getByRole('button', { name: 'Add var', exact: true }).click();
  await page.getByLabel(`Role ${role} var 1 name`, { exact: true }).fill(name);
  await page.getByLabel(`Role ${role} var 1 highest`, { exact: true }).fill('1');
  await page.getByLabel(`Role ${role} var 1 storage`, { exact: true }).selectOption({ label: storage });
}

test('a new user builds a client and a server, breaks them with a drop and a crash, checks, fixes, exports and reloads', async ({
  page,
}) => {
  const run = new RunDriver(page);
  await run.openApp();
  await page.getByRole('button', { name: /^Documents/ }).click();
  await page.getByRole('button', { name: 'New multi-participant design' }).click();
  await expect(lane(page, 'Node')).toBeVisible();

  // Name the design, then two roles: Client (the blank design's role) and Server.
  await panelTab(page, 'Design').click();
  await page.getByLabel('Design name', { exact: true }).fill('Acknowledged writes');
  await renameRole(page, 'Node', 'Client');
  await expect(lane(page, 'Client').getByRole('group', { name: 'State Client.idle' })).toBeInViewport({
    ratio: 1,
  });
  await page.getByRole('button', { name: 'Add role', exact: true }).click();
  await renameRole(page, 'Role1', 'Server');
  // The first lane shrank to make room for the second: its state is still in sight.
  await expect(lane(page, 'Client').getByRole('group', { name: 'State Client.idle' })).toBeInViewport({
    ratio: 1,
  });

  // Each role's memory: the client counts what was acknowledged, the server keeps the write in
  // memory only (volatile: a crash loses it).
  await lane(page, 'Client')
    .getByRole('button', { name: /^Client/ })
    .click();
  await addVar(page, 'Client', 'confirmed', 'durable (default)');
  await lane(page, 'Server')
    .getByRole('button', { name: /^Server/ })
    .click();
  await addVar(page, 'Server', 'stored', 'volatile');

  // A message kind each way, each with a typed payload.
  await panelTab(page, 'Messages').click();
  await addMessage(page, 1, 'Write', 'Client', 'Server');
  await addMessage(page, 2, 'Ack', 'Server', 'Client');
  await expect(lane(page, 'Client')).toContainText('sends Write → Server');
  await expect(lane(page, 'Client')).toContainText('receives Ack ← Server');

  // Client: idle --Step, sends Write(value=1)--> waiting --receive Ack, confirmed := event.value.
  await lane(page, 'Client').getByRole('button', { name: 'Add state to Client' }).click();
  await expect(page.getByRole('region', { name: 'State Client.s1' })).toBeVisible();
  await rename(page, 'State name', 'waiting');
  await expect(lane(page, 'Client').getByRole('group', { name: 'State Client.waiting' })).toBeInViewport({
    ratio: 1,
  });
  await lane(page, 'Client').getByRole('button', { name: 'Add transition to Client' }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 1' })).toBeVisible();
  await expect(page.getByLabel('From waiting', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Message kind received', { exact: true })).toHaveValue('Ack');
  await page.getByRole('button', { name: 'Add update' }).click();
  await expect(page.getByLabel('Update 1 assigns', { exact: true })).toHaveValue('confirmed');
  await enterExpression(page, 'Update 1 value', 'event.value');
  await expect(
    lane(page, 'Client').getByRole('button', {
      name: 'Transition 1 of Client: ?Ack / confirmed := event.value',
      exact: true,
    }),
  ).toBeVisible();

  await lane(page, 'Client').getByRole('group', { name: 'State Client.idle' }).click();
  await expect(page.getByRole('region', { name: 'State Client.idle' })).toBeVisible();
  await lane(page, 'Client').getByRole('button', { name: 'Add transition to Client' }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 2' })).toBeVisible();
  await page.getByLabel('Trigger', { exact: true }).selectOption('an event of this role');
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('Step');
  await page.getByLabel('Goes to', { exact: true }).selectOption('waiting');
  await page.getByRole('button', { name: 'Add send' }).click();
  await expect(page.getByLabel('Send 1 message', { exact: true })).toHaveValue('Write');
  await enterExpression(page, 'Send 1 payload value', '1');
  await expect(
    lane(page, 'Client').getByRole('button', {
      name: 'Transition 2 of Client: Step !Write→Server',
      exact: true,
    }),
  ).toBeVisible();

  // Server: receives Write in idle, stores the value and acknowledges it to the client.
  await lane(page, 'Server').getByRole('button', { name: 'Add transition to Server' }).click();
  await expect(page.getByRole('region', { name: 'Transition Server 1' })).toBeVisible();
  await expect(page.getByLabel('Message kind received', { exact: true })).toHaveValue('Write');
  await page.getByRole('button', { name: 'Add update' }).click();
  await expect(page.getByLabel('Update 1 assigns', { exact: true })).toHaveValue('stored');
  // A new update starts from a value of the var's type: no error before it is edited.
  await expect(page.getByRole('textbox', { name: 'Update 1 value', exact: true })).toHaveText('stored + 1');
  await expect(noErrors(page)).toBeVisible();
  await enterExpression(page, 'Update 1 value', 'event.value');
  await page.getByRole('button', { name: 'Add send' }).click();
  await expect(page.getByLabel('Send 1 message', { exact: true })).toHaveValue('Ack');
  await enterExpression(page, 'Send 1 payload value', 'event.value');
  await expect(
    lane(page, 'Server').getByRole('button', {
      name: 'Transition 1 of Server: ?Write / stored := event.value !Ack→Client',
      exact: true,
    }),
  ).toBeVisible();

  // What must hold across the participants: an acknowledged write is stored.
  await panelTab(page, 'Design').click();
  await page.getByRole('button', { name: 'Add invariant' }).click();
  await page.getByLabel('Design invariant 1 name', { exact: true }).fill('acknowledged is stored');
  await enterExpression(page, 'Design invariant 1 expression', 'Client.confirmed <= Server.stored');

  // The faults the run may take: one lost message, one crash.
  await panelTab(page, 'Environment').click();
  await page.getByLabel('Drops allowed', { exact: true }).fill('1');
  await page.getByLabel('Crash budget (all instances together)', { exact: true }).fill('1');
  await expect(noErrors(page)).toBeVisible();

  // Simulate: the write goes out, the server stores it, its acknowledgement is lost, the server crashes and restarts.
  await run.mode('Simulate');
  await run.take('Client Step');
  await expect(run.panel('In flight')).toContainText('Write(value=1) Client→Server');
  await run.take('Server receive Write(value=1)');
  await expect(page.getByRole('group', { name: 'Server memory' })).toContainText('stored 1');
  await expect(run.panel('In flight')).toContainText('Ack(value=1) Server→Client');
  await page
    .getByRole('region', { name: 'Network steps' })
    .getByRole('button', { name: 'drop Ack(value=1) Server→Client', exact: true })
    .click();
  await expect(run.panel('In flight')).toContainText('no messages');
  await page
    .getByRole('region', { name: 'Fault steps' })
    .getByRole('button', { name: 'crash Server', exact: true })
    .click();
  await expect(page.getByRole('region', { name: 'Instance Server' })).toContainText('(down)');
  await expect(page.getByRole('group', { name: 'Server memory' })).toContainText('stored 0');
  await expect(run.row('step 3: drop Ack(value=1) Server→Client')).toBeVisible();
  await expect(run.row('step 4: crash Server')).toBeVisible();
  await expect(run.position()).toHaveText(/^Step 4 of 4/);
  // It comes back up without the write; the client, its acknowledgement lost, still waits.
  await run.take('restart Server');
  await expect(page.getByRole('region', { name: 'Instance Server' })).not.toContainText('(down)');
  await expect(page.getByRole('group', { name: 'Server memory' })).toContainText('stored 0');
  await expect(page.getByRole('region', { name: 'Instance Client' }).getByRole('heading')).toHaveText(
    'Client waiting',
  );

  // Check: the crash after the acknowledgement forgets the write; the shortest trace shows how.
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Violation: 1 shortest trace at depth 4/, {
    timeout: 30_000,
  });
  const violations = page.getByRole('list', { name: 'violations' });
  await expect(violations).toContainText('invariant acknowledged is stored at depth 4');
  const trace = page.getByRole('table', { name: 'trace of acknowledged is stored' });
  // The command line's table: a header, the initial configuration, then one row per step.
  await expect(trace.getByRole('row')).toHaveCount(6);
  await expect(trace.getByRole('row').nth(1)).toContainText('(initial)');
  await expect(trace.getByRole('row').nth(2)).toContainText('Client Step');
  await expect(trace.getByRole('row').nth(5)).toContainText('crash Server');

  // The fix: the server writes the value durably before it acknowledges.
  await run.mode('Design');
  await lane(page, 'Server')
    .getByRole('button', { name: /^Server/ })
    .click();
  await page
    .getByLabel('Role Server var 1 storage', { exact: true })
    .selectOption({ label: 'durable (default)' });
  await expect(noErrors(page)).toBeVisible();
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(
    /^OK: every reachable configuration satisfies every check/,
    { timeout: 30_000 },
  );
  // Nothing is left unreached once the fix is in.
  await expect(page.getByRole('row', { name: 'coverage of Server' }).getByRole('cell').last()).toHaveText('none');

  // Export: a TypeScript module per role.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export and import' });
  await dialog
    .getByRole('combobox', { name: 'Export target' })
    .selectOption({ label: 'TypeScript: one module per role and the shared message types' });
  const file = dialog.getByRole('combobox', { name: 'Exported file' });
  await expect(file.locator('option')).toHaveText([
    'protocol.ts',
    'role-Client.ts',
    'role-Server.ts',
    'invariants.ts',
  ]);
  await file.selectOption({ label: 'role-Server.ts' });
  await expect(dialog.getByTestId('export-preview')).toContainText('Role Server of "Acknowledged writes"');
  // The fix is in the module: the stored value is written to the store before the acknowledgement leaves.
  await expect(dialog.getByTestId('export-preview')).toContainText(
    /interface Durable \{\s*stored: number;\s*\}/,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A reload finds the design as it was left: both roles, their transitions, the durable var.
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Documents (open: Acknowledged writes)' })).toBeVisible();
  await expect(
    lane(page, 'Client').getByRole('button', {
      name: 'Transition 2 of Client: Step !Write→Server',
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    lane(page, 'Server').getByRole('button', {
      name: 'Transition 1 of Server: ?Write / stored := event.value !Ack→Client',
      exact: true,
    }),
  ).toBeVisible();
  await lane(page, 'Server')
    .getByRole('button', { name: /^Server/ })
    .click();
  await expect(
    page.getByLabel('Role Server var 1 storage', { exact: true }).locator('option:checked'),
  ).toHaveText('durable (default)');
  await panelTab(page, 'Design').click();
  await expect(page.getByLabel('Design invariant 1 name', { exact: true })).toHaveValue(
    'acknowledged is stored',
  );
  await panelTab(page, 'Environment').click();
  await expect(page.getByLabel('Drops allowed', { exact: true })).toHaveValue('1');
  await expect(noErrors(page)).toBeVisible();
});
