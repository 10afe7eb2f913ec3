import { expect, test, type Page } from '@playwright/test';
import { RunDriver } from './runDriver';

// A var's initial alternatives (docs/format-v2.md §2) edited in the var's form, by keyboard:
// each alternative is a value field checked like any other, Add and Remove are one undo step
// each, and Simulate's "Starts from initial configuration" picker offers what was listed.
const lane = (page: Page, role: string) => page.getByRole('region', { name: `Role ${role}`, exact: true });

test('adding and removing initial values of a var changes the initial configurations Simulate offers', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  // Counter's n starts at 0 or 2, and `initially` keeps Counter[1] at 0: two configurations.
  await run.openFixture('v2-two-starts.protocol.json');
  await lane(page, 'Counter').getByRole('button', { name: /^Counter/ }).click();
  const values = page.getByRole('group', { name: 'Role Counter var 1 initial values', exact: true });
  await expect(values.getByLabel('Role Counter var 1 initial value 1 of 2', { exact: true })).toHaveValue('0');
  await expect(values.getByLabel('Role Counter var 1 initial value 2 of 2', { exact: true })).toHaveValue('2');

  // Add by keyboard: the first value not listed (1) joins, and the focus moves to it.
  const add = values.getByRole('button', { name: 'Add an initial value to Role Counter var 1' });
  await add.focus();
  await page.keyboard.press('Enter');
  const third = values.getByLabel('Role Counter var 1 initial value 3 of 3', { exact: true });
  await expect(third).toHaveValue('1');
  await expect(third).toBeFocused();

  // A value outside the var's range is an error at that alternative, like any other value; undo takes it back.
  await third.fill('7');
  await expect(third).toHaveAttribute('aria-invalid', 'true');
  // The studio's undo (not the input's own): the focus leaves the field first.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(third).toHaveValue('1');
  await expect(third).toHaveAttribute('aria-invalid', 'false');

  // Simulate offers the three starts of Counter[2].
  await run.mode('Simulate');
  const picker = page.getByRole('group', { name: 'Initial configuration' });
  await expect(picker.getByRole('combobox').locator('option')).toHaveText(['1: Counter[2].n = 0', '2: Counter[2].n = 2', '3: Counter[2].n = 1']);

  // Remove 2 by keyboard: two starts left; one undo brings it back.
  await run.mode('Design');
  const remove = values.getByRole('button', { name: 'Remove Role Counter var 1 initial value 2 of 3' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(values.getByLabel('Role Counter var 1 initial value 2 of 2', { exact: true })).toHaveValue('1');
  await run.mode('Simulate');
  await expect(picker.getByRole('combobox').locator('option')).toHaveText(['1: Counter[2].n = 0', '2: Counter[2].n = 1']);
  await run.mode('Design');
  await page.keyboard.press('Control+z');
  await expect(values.getByLabel('Role Counter var 1 initial value 2 of 3', { exact: true })).toHaveValue('2');
});
