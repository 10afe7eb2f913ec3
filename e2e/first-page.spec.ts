import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The gallery's first example (examples/index.ts); read as a file because Node's ESM loader
// here will not import JSON without an import attribute.
const first = JSON.parse(readFileSync('examples/payment-retried.protocol.json', 'utf8')) as { name: string; states: { name: string }[] };

test('the app opens a bundled example and shows every one of its states on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: `Documents (open: ${first.name})` })).toBeVisible();
  for (const state of first.states) {
    await expect(page.getByRole('group', { name: `State ${state.name}`, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('note', { name: 'Lesson' })).toBeVisible();
});
