import { expect, test } from '@playwright/test';
import { EditorDriver } from './editorDriver';

const design = {
  format: 'protocol-studio',
  version: 1,
  name: 'Rename me',
  vars: [{ name: 'charged', type: { int: [0, 3] }, initial: 0 }],
  states: [{ name: 'Idle', initial: true }, { name: 'Charged' }],
  events: [{ name: 'Charge', source: 'client' }],
  transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', guard: 'charged < 3', updates: { charged: 'charged + 1' } }],
  invariants: [
    { name: 'at most once', expr: 'charged <= sent.Charge' },
    { name: 'charged when paid', expr: 'state == "Charged" => charged > 0' },
  ],
  layout: { Idle: { x: 0, y: 0 }, Charged: { x: 400, y: 0 } },
};

test('renaming a var and a state rewrites every expression that names them, each in one undo step', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.evaluate((d) => window.__protocolStudio!.openDesign(d as never), design);
  await expect(ed.state('Charged')).toBeVisible();
  const valid = page.getByRole('status').filter({ hasText: 'The design is valid.' });
  await expect(valid).toBeVisible();

  await ed.sideTab('Vars');
  await page.getByLabel('Var 1 name').fill('charges');
  await page.getByLabel('Var 1 name').press('Enter');
  await expect(valid).toBeVisible();
  await ed.sideTab('Invariants');
  await expect(page.getByRole('textbox', { name: 'Invariant 1 expression' })).toHaveText('charges <= sent.Charge');
  await expect(page.getByRole('textbox', { name: 'Invariant 2 expression' })).toHaveText('state == "Charged" => charges > 0');

  await ed.state('Charged').click();
  await ed.sideTab('Inspector');
  await page.getByLabel('State name').fill('Paid');
  await page.getByLabel('State name').press('Enter');
  await expect(ed.state('Paid')).toBeVisible();
  await expect(valid).toBeVisible();
  await ed.sideTab('Invariants');
  await expect(page.getByRole('textbox', { name: 'Invariant 2 expression' })).toHaveText('state == "Paid" => charges > 0');
  await page.getByRole('button', { name: /^Transition 1:/ }).click();
  await ed.sideTab('Inspector');
  await expect(page.getByRole('textbox', { name: 'Guard', exact: true })).toHaveText('charges < 3');

  // One undo takes back the state rename with its references, the next the var rename.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(ed.state('Charged')).toBeVisible();
  await ed.sideTab('Invariants');
  await expect(page.getByRole('textbox', { name: 'Invariant 2 expression' })).toHaveText('state == "Charged" => charges > 0');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Invariant 1 expression' })).toHaveText('charged <= sent.Charge');
  await expect(page.getByRole('textbox', { name: 'Invariant 2 expression' })).toHaveText('state == "Charged" => charged > 0');
  await expect(valid).toBeVisible();
});
