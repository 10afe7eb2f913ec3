import { expect, test, type Locator } from '@playwright/test';
import { EditorDriver } from './editorDriver';

/** The stroke of an edge's line and the fill of the arrowhead its `marker-end` points at. */
async function colours(path: Locator): Promise<{ stroke: string; head: string }> {
  return path.evaluate((p) => {
    const ref = p.getAttribute('marker-end') ?? '';
    const id = /^url\(['"]?#(.*?)['"]?\)$/.exec(ref)?.[1] ?? '';
    const head = document.getElementById(id)?.querySelector('polyline');
    return { stroke: getComputedStyle(p).stroke, head: head ? getComputedStyle(head).fill : 'no arrowhead' };
  });
}

test('a selected edge draws its arrowhead in the selected colour, and back in grey once unselected', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  // The first example: Idle → Charged on Charge, and Charged's $restart self-loop.
  const charge = page.locator('.react-flow__edge-path.transition-edge:not(.is-restart)');
  const restart = page.locator('.react-flow__edge-path.transition-edge.is-restart');
  await expect(charge).toHaveCount(1);

  const plain = await colours(charge);
  expect(plain.head).toBe(plain.stroke);
  const recovery = await colours(restart);
  expect(recovery.head).toBe(recovery.stroke);
  expect(recovery.head).not.toBe(plain.head);

  await page.getByRole('button', { name: /^Transition 1: Charge/ }).click();
  await expect(charge).toHaveClass(/is-selected/);
  const selected = await colours(charge);
  expect(selected.stroke).not.toBe(plain.stroke);
  expect(selected.head).toBe(selected.stroke);

  await ed.canvas().click({ position: { x: 20, y: 20 } });
  await expect(charge).not.toHaveClass(/is-selected/);
  expect(await colours(charge)).toEqual(plain);
});
