import { expect, test, type Page } from '@playwright/test';
import { EditorDriver } from './editorDriver';

/** Whether the focused element draws a focus indicator we can see (outline, or our node/edge marks). */
async function focusShows(page: Page): Promise<{ ok: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: true, what: 'body' };
    const what = `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '')} "${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}"`;
    const outlined = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    if (outlined(el)) return { ok: true, what };
    const node = el.querySelector(':scope > .state-node');
    if (node && outlined(node)) return { ok: true, what };
    const path = el.querySelector(':scope > .react-flow__edge-path');
    if (path && parseFloat(getComputedStyle(path).strokeWidth) >= 3) return { ok: true, what };
    return { ok: false, what };
  });
}

test('a two-state protocol is built, inspected and simulated with the keyboard alone, every stop showing focus', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.getByRole('button', { name: /^Documents/ }).press('Enter');
  await page.getByRole('button', { name: 'New document' }).press('Enter');
  await expect(page.getByRole('group', { name: /^State / })).toHaveCount(0);

  // n adds a state; t opens the new-transition dialog asking for both ends and the event.
  await page.getByRole('button', { name: 'Add state' }).focus();
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect.poll(() => ed.stateNames()).toEqual(['State1', 'State2']);
  await page.keyboard.press('t');
  const dialog = page.getByRole('dialog', { name: 'New transition' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'From state' })).toBeFocused();
  await page.keyboard.press('ArrowUp'); // State2 was selected last: from becomes State1
  await expect(dialog.getByRole('combobox', { name: 'From state' })).toHaveValue('State1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('combobox', { name: 'To state' })).toHaveValue('State2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Charge');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Transition 1: Charge' })).toBeVisible();
  // The new transition is selected and open in the inspector.
  await expect(page.getByRole('region', { name: 'Transition 1' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The design is valid.' })).toBeVisible();

  // Selecting a state from the keyboard opens it in the inspector, whatever panel was showing.
  await page.getByRole('tab', { name: 'Vars', exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Vars' })).toBeVisible();
  await ed.state('State2').focus();
  expect(await focusShows(page)).toEqual(expect.objectContaining({ ok: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'State State2' })).toBeVisible();

  // Every stop of a tour through the page shows where the focus is.
  await page.getByRole('button', { name: /^Documents/ }).focus();
  const missing: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focusShows(page);
    if (!f.ok) missing.push(f.what);
  }
  expect(missing).toEqual([]);

  // Simulate: 1 takes the first enabled step, ← steps back, → forward again.
  await page.getByRole('tab', { name: 'Simulate', exact: true }).press('Enter');
  await expect(page.getByText(/^Step 0 of 0/)).toBeVisible();
  await page.getByRole('tab', { name: 'Simulate', exact: true }).focus();
  await page.keyboard.press('1');
  await expect(page.getByText(/^Step 1 of 1/)).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByText(/^Step 2 of 2/)).toBeVisible();
  await page.keyboard.press('ArrowLeft'); // on the mode tabs, arrows still move between modes
  await expect(page.getByRole('tab', { name: 'Design', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Step 2 of 2/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo step' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/^Step 1 of 2/)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText(/^Step 0 of 2/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Step 1 of 2/)).toBeVisible();
});
