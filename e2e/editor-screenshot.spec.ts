import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const first = JSON.parse(readFileSync('examples/payment-retried.protocol.json', 'utf8')) as { states: { name: string }[] };

// The picture goes to the test's own output folder and the report, never into docs/: a test run
// changes no tracked file. To refresh the README's picture, copy the attachment by hand:
// cp test-results/editor-screenshot-*/screenshot-editor.png docs/screenshot-editor.png
test('a screenshot of the canvas with an example', async ({ page }, testInfo) => {
  await page.goto('/');
  for (const s of first.states) await expect(page.getByRole('group', { name: `State ${s.name}`, exact: true })).toBeVisible();
  // Select a transition so the inspector shows something in the picture.
  await page.getByRole('button', { name: /^Transition 1:/ }).click();
  const shot = await page.screenshot({ path: testInfo.outputPath('screenshot-editor.png') });
  expect(shot.byteLength).toBeGreaterThan(10_000);
  await testInfo.attach('screenshot-editor', { body: shot, contentType: 'image/png' });
});
