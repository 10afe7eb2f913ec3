import { expect, test, type Locator } from '@playwright/test';
import { RunDriver } from './runDriver';

/** Where each state is drawn, by its text: read in one go, so no frame falls between two states. */
async function placesOf(states: Locator): Promise<Record<string, { x: number; y: number }>> {
  return states.evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((n) => {
        const box = n.getBoundingClientRect();
        return [n.textContent ?? '', { x: Math.round(box.x), y: Math.round(box.y) }];
      }),
    ),
  );
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
  let first: Record<string, { x: number; y: number }> | null = null;
  for (let i = 0; i < 200 && first === null; i++) {
    if ((await canvas.getAttribute('aria-busy')) !== 'true' && (await states.count()) === 4) first = await placesOf(states);
    else await page.waitForTimeout(10);
  }
  expect(first).not.toBeNull();
  await page.waitForTimeout(1500);
  await expect(canvas).not.toHaveAttribute('aria-busy', 'true');
  expect(await placesOf(states)).toEqual(first);
});
