import { expect, test, type Locator } from '@playwright/test';
import { RunDriver } from './runDriver';

/** Where each state is drawn, by its text. */
async function placesOf(states: Locator): Promise<Map<string, { x: number; y: number }>> {
  const places = new Map<string, { x: number; y: number }>();
  for (const s of await states.all()) {
    const box = await s.boundingBox();
    if (box) places.set((await s.textContent()) ?? '', { x: Math.round(box.x), y: Math.round(box.y) });
  }
  return places;
}

// An example arrives without positions: each role's canvas stays hidden (aria-busy) until its first
// layout lands, so a new user never sees its states first stacked in a corner, then jump.
test("an example's roles are shown only once laid out: what shows first is where the states stay", async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease without fencing tokens');
  const canvas = page.locator('[aria-label="Canvas of role Client"]');
  const states = canvas.locator('.react-flow__node');
  // The first moment the canvas shows its states (not busy, all four measured).
  let first: Map<string, { x: number; y: number }> | null = null;
  for (let i = 0; i < 200 && first === null; i++) {
    if ((await canvas.getAttribute('aria-busy')) !== 'true' && (await states.count()) === 4) first = await placesOf(states);
    else await page.waitForTimeout(10);
  }
  expect(first).not.toBeNull();
  await page.waitForTimeout(1500);
  await expect(canvas).not.toHaveAttribute('aria-busy', 'true');
  expect(await placesOf(states)).toEqual(first);
});
