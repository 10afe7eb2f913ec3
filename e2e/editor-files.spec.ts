import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EditorDriver } from './editorDriver';

test('a malformed file is refused with all its errors and the open document is unchanged', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  const header = page.getByRole('button', { name: /^Documents \(open: / });
  const before = await header.getAttribute('aria-label');
  const statesBefore = await ed.stateNames();
  const picker = page.getByLabel('Open a .protocol.json file');

  await picker.setInputFiles({ name: 'not-json.protocol.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "protocol-studio", ') });
  const notJson = page.getByRole('alertdialog', { name: 'Cannot open not-json.protocol.json' });
  await expect(notJson).toBeVisible();
  await expect(notJson.getByRole('list', { name: 'File errors' }).getByRole('listitem')).not.toHaveCount(0);
  await notJson.getByRole('button', { name: 'OK' }).click();

  await picker.setInputFiles({
    name: 'invalid.protocol.json',
    mimeType: 'application/json',
    buffer: readFileSync('e2e/fixtures/invalid-many-errors.protocol.json'),
  });
  const invalid = page.getByRole('alertdialog', { name: 'Cannot open invalid.protocol.json' });
  await expect(invalid).toBeVisible();
  const errors = invalid.getByRole('list', { name: 'File errors' });
  for (const path of ['/states/0/colour', '/events/0/source', '/extra']) await expect(errors.getByText(path, { exact: true })).toBeVisible();
  await invalid.getByRole('button', { name: 'OK' }).click();

  await expect(header).toHaveAttribute('aria-label', before!);
  await expect.poll(() => ed.stateNames()).toEqual(statesBefore);
  await page.getByRole('button', { name: /^Documents/ }).click();
  await expect(page.getByRole('list', { name: 'Your documents' }).getByRole('listitem')).toHaveCount(1);
});

test('a valid file opens as a new document, laid out when it has no layout', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  const text = readFileSync('e2e/fixtures/payment-durable-crash.protocol.json', 'utf8');
  await page.getByLabel('Open a .protocol.json file').setInputFiles({ name: 'payment.protocol.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const design = JSON.parse(text) as { name: string; states: { name: string }[] };
  await expect(page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();
  for (const s of design.states) await expect(ed.state(s.name)).toBeVisible();
});

test('a script-like name is refused by validation and rendered only as text', async ({ page }) => {
  const evil = '</script><img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();
  await ed.addStateAt(300, 250);
  await ed.state('State1').click();
  await page.keyboard.press('F2');
  await page.getByLabel('Rename state State1').fill(evil);
  await page.keyboard.press('Enter');

  await expect(ed.state(evil)).toBeVisible();
  await expect(ed.state(evil)).toContainText(evil);
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems.getByText('/states/0/name')).toBeVisible();

  await ed.sideTab('About');
  await page.getByLabel('Design name').fill(evil);
  await expect(page.getByRole('button', { name: `Documents (open: ${evil})` })).toBeVisible();
  // Clicking the error focuses the field it names.
  await problems.getByRole('button').filter({ hasText: '/states/0/name' }).first().click();
  await expect(page.getByLabel('State name')).toBeFocused();

  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('documents can be duplicated, renamed, deleted and brought back', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  const name = (await page.getByRole('button', { name: /^Documents \(open: / }).getAttribute('aria-label'))!.replace(/^Documents \(open: (.*)\)$/, '$1');
  await page.getByRole('button', { name: /^Documents/ }).click();
  await page.getByRole('button', { name: `Duplicate ${name}` }).click();
  await expect(page.getByRole('button', { name: `Documents (open: ${name} (copy))` })).toBeVisible();
  await page.getByRole('button', { name: /^Documents/ }).click();
  await page.getByRole('button', { name: `Rename ${name} (copy)` }).click();
  await page.getByLabel(`New name for ${name} (copy)`).fill('Second');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: 'Delete Second' }).click();
  await expect(page.getByRole('list', { name: 'Your documents' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByRole('button', { name: 'Documents (open: Second)' })).toBeVisible();
});
