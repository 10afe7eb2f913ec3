import { expect, test } from '@playwright/test';
import { EditorDriver } from './editorDriver';

test('a three-state design drawn from an empty document survives a reload intact', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();

  await ed.addStateAt(150, 200);
  await ed.addStateAt(450, 200);
  await ed.addStateAt(750, 200);
  await expect.poll(() => ed.stateNames()).toEqual(['State1', 'State2', 'State3']);

  await ed.connect('State1', 'State2', 'Charge');
  await ed.connect('State2', 'State3', 'Settle');
  await ed.connect('State3', 'State3', 'Charge');
  await expect(page.getByRole('button', { name: /^Transition \d+:/ })).toHaveCount(3);

  await ed.sideTab('Events');
  await page.getByLabel('Event Charge attempts per request (first send + retries)').fill('3');
  await page.getByLabel('Event Charge idempotency').selectOption('durable');

  await ed.sideTab('Vars');
  await page.getByRole('button', { name: 'Add var' }).click();
  await page.getByLabel('Var 1 name').fill('charges');
  await page.getByLabel('Var 1 name').press('Enter');

  await ed.sideTab('Invariants');
  await page.getByRole('button', { name: 'Add invariant' }).click();
  await ed.typeExpression('Invariant 1 expression', 'charges <= 3');

  await page.getByRole('button', { name: /^Transition 1: Charge/ }).click();
  await ed.sideTab('Inspector');
  await page.getByLabel('Ack').selectOption('best-effort');
  await expect(page.getByText('~ best-effort')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The design is valid.' })).toBeVisible();

  // Autosave runs within half a second of the last edit.
  await page.waitForTimeout(800);
  await page.reload();

  await expect.poll(() => ed.stateNames()).toEqual(['State1', 'State2', 'State3']);
  await expect(page.getByRole('button', { name: /^Transition \d+:/ })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Transition 3: Charge' })).toBeVisible();
  await expect(page.getByText('~ best-effort')).toBeVisible();
  await ed.sideTab('Events');
  await expect(page.getByLabel('Event Charge attempts per request (first send + retries)')).toHaveValue('3');
  await expect(page.getByLabel('Event Settle source')).toHaveValue('client');
  await ed.sideTab('Vars');
  await expect(page.getByLabel('Var 1 name')).toHaveValue('charges');
  await ed.sideTab('Invariants');
  await expect(page.getByRole('textbox', { name: 'Invariant 1 expression' })).toHaveText('charges <= 3');
  await page.getByRole('button', { name: /^Transition 1: Charge/ }).click();
  await ed.sideTab('Inspector');
  await expect(page.getByLabel('Ack')).toHaveValue('best-effort');
  await expect(page.getByRole('status').filter({ hasText: 'The design is valid.' })).toBeVisible();
});

test('undo and redo step across create, move, rename and delete', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();

  await ed.addStateAt(300, 250);
  const node = ed.state('State1');
  await expect(node).toBeVisible();
  const start = (await node.boundingBox())!;

  // Move: one drag, many mouse moves, one undo step.
  await page.mouse.move(start.x + 20, start.y + start.height - 6);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 80, { steps: 10 });
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(moved.x).toBeGreaterThan(start.x + 50);

  // Rename with F2 on the selected state.
  await node.click();
  await page.keyboard.press('F2');
  await page.getByLabel('Rename state State1').fill('Idle');
  await page.keyboard.press('Enter');
  await expect(ed.state('Idle')).toBeVisible();

  // Delete.
  await ed.state('Idle').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('group', { name: /^State / })).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(ed.state('Idle')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ed.state('State1')).toBeVisible();
  expect(Math.round((await ed.state('State1').boundingBox())!.x)).toBe(Math.round(moved.x));
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Math.round((await ed.state('State1').boundingBox())!.x)).toBe(Math.round(start.x));
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('group', { name: /^State / })).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(ed.state('State1')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+y');
  await expect.poll(async () => Math.round((await ed.state('State1').boundingBox())!.x)).toBe(Math.round(moved.x));
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(ed.state('Idle')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('group', { name: /^State / })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(ed.state('Idle')).toBeVisible();
});

test('copy and paste duplicates states with the transitions among them', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();
  await ed.addStateAt(200, 200);
  await ed.addStateAt(500, 200);
  await ed.connect('State1', 'State2', 'Go');
  await ed.state('State1').click();
  await ed.state('State2').click({ modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(() => ed.stateNames()).toEqual(['State1', 'State1_2', 'State2', 'State2_2']);
  await expect(page.getByRole('button', { name: /^Transition \d+: Go/ })).toHaveCount(2);
  // Deleting a state removes its transitions in the same undoable step.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('button', { name: /^Transition \d+: Go/ })).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('button', { name: /^Transition \d+: Go/ })).toHaveCount(2);
});
