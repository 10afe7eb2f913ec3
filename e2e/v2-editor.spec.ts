import { expect, test, type Page } from '@playwright/test';
import { lane } from './v2Lanes';

// The version-2 editor (several participants), driven as a person does: by role and name.

async function openDocuments(page: Page) {
  await page.getByRole('button', { name: /^Documents/ }).click();
}

async function newMultiParticipantDesign(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Design', exact: true })).toBeVisible();
  await openDocuments(page);
  await page.getByRole('button', { name: 'New multi-participant design' }).click();
  await expect(page.getByRole('region', { name: 'Role Node' })).toBeVisible();
}

const panelTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('a new user builds two roles that talk, sees an error at its role, undoes it, and finds it all after a reload', async ({ page }) => {
  await newMultiParticipantDesign(page);

  // Two roles: rename the first to Client, add a second and call it Server.
  await lane(page, 'Node').getByRole('button', { name: /^Node/ }).click();
  const roleName = page.getByLabel('Role name', { exact: true });
  await roleName.fill('Client');
  await roleName.press('Enter');
  await expect(lane(page, 'Client')).toBeVisible();
  await page.getByRole('button', { name: 'Add role', exact: true }).click();
  await expect(lane(page, 'Role1')).toBeVisible();
  await lane(page, 'Role1').getByRole('button', { name: /^Role1/ }).click();
  await roleName.fill('Server');
  await roleName.press('Enter');
  await expect(lane(page, 'Server')).toBeVisible();

  // A message kind Ping from Client to Server, with an int payload field.
  await panelTab(page, 'Messages').click();
  await page.getByRole('button', { name: 'Add message kind' }).click();
  const messageName = page.getByLabel('Message 1 name', { exact: true });
  await messageName.fill('Ping');
  await messageName.press('Enter');
  await expect(page.getByLabel('Message Ping from', { exact: true })).toHaveValue('Client');
  await expect(page.getByLabel('Message Ping to', { exact: true })).toHaveValue('Server');
  await page.getByRole('button', { name: 'Add payload field' }).click();
  await expect(page.getByLabel('Message Ping payload field 1 type', { exact: true })).toHaveValue('int');
  await expect(lane(page, 'Client')).toContainText('sends Ping → Server');

  // The sending transition: Client's Step event (declared with it) sends Ping to the server.
  await lane(page, 'Client').getByRole('button', { name: 'Add transition to Client' }).click();
  await expect(page.getByRole('region', { name: 'Transition Client 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Add send' }).click();
  await expect(page.getByLabel('Send 1 message', { exact: true })).toHaveValue('Ping');
  await page.getByLabel('Send 1 payload f1', { exact: true }).click();
  await page.keyboard.type('1');

  // The receiving transition: Server receives Ping; its guard reads the payload and the sender.
  await lane(page, 'Server').getByRole('button', { name: 'Add transition to Server' }).click();
  await expect(page.getByLabel('Message kind received', { exact: true })).toHaveValue('Ping');
  await page.getByLabel('Guard', { exact: true }).click();
  await page.keyboard.type('event.f1 == 1 && sender == Client');
  await expect(lane(page, 'Server').getByRole('button', { name: /^Transition 1 of Server: \?Ping \[event\.f1 == 1 && sender == Client\]/ })).toBeVisible();
  await expect(lane(page, 'Client').getByRole('button', { name: /^Transition 1 of Client: Step !Ping→Server/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();

  // An error that points at the role: no instances.
  await lane(page, 'Server').getByRole('button', { name: /^Server/ }).click();
  await page.getByLabel('Instances', { exact: true }).fill('0');
  const roleError = lane(page, 'Server').getByRole('button', { name: /^Role Server has 1 error/ });
  await expect(roleError).toBeVisible();
  const listed = page.getByRole('region', { name: 'Errors' }).getByRole('button', { name: /^Role Server › instances:/ });
  await expect(listed).toBeVisible();
  await expect(page.getByLabel('Instances', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Undo (the page's Undo, then the keyboard works the same way) takes it back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(roleError).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // A reload finds everything: the roles, the message kind, both transitions.
  await page.reload();
  await expect(lane(page, 'Client')).toBeVisible();
  await expect(lane(page, 'Server')).toContainText('×1 instance');
  await expect(lane(page, 'Server').getByRole('button', { name: /^Transition 1 of Server: \?Ping \[event\.f1 == 1 && sender == Client\]/ })).toBeVisible();
  await expect(lane(page, 'Client').getByRole('button', { name: /^Transition 1 of Client: Step !Ping→Server/ })).toBeVisible();
  await openDocuments(page);
  await expect(page.getByRole('list', { name: 'Your documents' })).toContainText('several participants');
});

// The picture goes to the test's output and report, never into docs/ (a test run changes no
// tracked file): cp test-results/**/v2-editor-the-2PC*/v2-editor-2pc.png docs/v2-editor-2pc.png
test('the 2PC example opens with every role on its own canvas, and errors lead to their element', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Design', exact: true })).toBeVisible();
  await openDocuments(page);
  await page.getByRole('button', { name: 'Open example Two-phase commit: COMMIT before the log' }).click();
  await expect(lane(page, 'TM')).toContainText('×1 instance');
  await expect(lane(page, 'RM')).toContainText('×2 instances');
  await expect(lane(page, 'TM')).toContainText('sends Commit → RM, Abort → RM');
  await expect(lane(page, 'TM').getByRole('group', { name: 'State TM.collecting' })).toBeVisible();
  await expect(lane(page, 'RM').getByRole('group', { name: /^State RM\./ }).first()).toBeVisible();
  await lane(page, 'TM').getByRole('button', { name: /^Transition 2 of TM: \?Vote/ }).click();
  await expect(page.getByRole('region', { name: 'Transition TM 2' })).toBeVisible();
  const shot = await page.screenshot({ path: testInfo.outputPath('v2-editor-2pc.png') });
  await testInfo.attach('v2-editor-2pc', { body: shot, contentType: 'image/png' });

  // Keyboard: a state is reached by focus and selected with Enter; the inspector opens on it.
  await lane(page, 'RM').getByRole('group', { name: 'State RM.prepared' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'State RM.prepared' })).toBeVisible();
  await lane(page, 'TM').getByRole('button', { name: /^Transition 2 of TM: \?Vote/ }).click();

  // A broken guard is listed at its role and transition; the list leads back to it.
  await page.getByLabel('Guard', { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' &&');
  const error = page.getByRole('region', { name: 'Errors' }).getByRole('button', { name: /^Role TM › transition 2:/ });
  await expect(error).toBeVisible();
  await lane(page, 'RM').getByRole('group', { name: /^State RM\./ }).first().click();
  await error.click();
  await expect(page.getByRole('region', { name: 'Transition TM 2' })).toBeVisible();

  // Simulate mounts the run view beside read-only canvases; the design must be valid first.
  await page.keyboard.press('Control+z');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
  await page.getByRole('tab', { name: 'Simulate', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Simulate panel' })).toBeVisible();
  await expect(lane(page, 'TM').getByRole('button', { name: 'Add state to TM' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Check panel' })).toBeVisible();
});
