import { expect, test } from '@playwright/test';
import { EditorDriver } from './editorDriver';

test('an expression field completes names from the design: vars and state names', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.getByRole('button', { name: /^Transition 1: Charge/ }).click();
  await ed.sideTab('Inspector');
  const guard = page.getByRole('textbox', { name: 'Guard' });
  await guard.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('cha');
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option', { name: /^charges/ })).toBeVisible();
  // CodeMirror ignores an Enter within 75 ms of the list opening (a person is slower than that).
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await expect(guard).toHaveText('charges');
  await page.keyboard.type(' < 2 && state == "Ch');
  await expect(list.getByRole('option', { name: /^"Charged"/ })).toBeVisible();
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await expect(guard).toHaveText('charges < 2 && state == "Charged"');
});
