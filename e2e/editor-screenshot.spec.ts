import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const first = JSON.parse(readFileSync('examples/payment-retried.protocol.json', 'utf8')) as { states: { name: string }[] };

test('a screenshot of the canvas with an example (kept, and shown in the README)', async ({ page }, testInfo) => {
  await page.goto('/');
  for (const s of first.states) await expect(page.getByRole('group', { name: `State ${s.name}`, exact: true })).toBeVisible();
  // Select a transition so the inspector shows something in the picture.
  await page.getByRole('button', { name: /^Transition 1:/ }).click();
  const shot = await page.screenshot({ path: 'docs/screenshot-editor.png' });
  await testInfo.attach('screenshot-editor', { body: shot, contentType: 'image/png' });
});
