import { expect, test } from '@playwright/test';
import { EditorDriver } from './editorDriver';
import { RunDriver } from './runDriver';

test('panels fit and resize, numbering and defaults read one way, a blank document greets in plain words', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.getByRole('button', { name: /^Transition 1:/ }).click();
  // One numbering: the inspector, the id placeholder and the check all say #0 for the first id-less transition.
  await page.getByLabel('Transition id').fill('');
  await page.getByLabel('Transition id').press('Enter');
  await expect(page.getByRole('region', { name: 'Transition 1' }).getByRole('heading')).toHaveText('Transition #0');
  await expect(page.getByLabel('Transition id')).toHaveAttribute('placeholder', '#0');
  // A default is listed once.
  const ack = await page.getByLabel('Ack').locator('option').allTextContents();
  expect(ack).toEqual(['durable (default)', 'best-effort', 'none']);

  await ed.sideTab('Vars');
  const panel = page.locator('.side-panel__body');
  const fits = () => panel.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(await fits()).toBe(true);
  await expect(page.getByLabel('Var 1 storage').locator('option')).toHaveText(['durable (default)', 'volatile', 'ghost']);

  await ed.sideTab('Events');
  await expect(page.getByLabel('Event Charge attempts per request (first send + retries)')).toHaveValue('2');
  await expect(page.getByLabel('Event Charge after ms')).toHaveValue('2000');

  // The side panel can be made wider from the keyboard.
  const aside = page.getByRole('complementary', { name: 'Editor panels' });
  const before = (await aside.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize side panel' }).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await aside.boundingBox())!.width).toBeGreaterThan(before + 150);

  await ed.newDocument();
  const greeting = page.getByRole('status').filter({ hasText: 'An empty design' });
  await expect(greeting).toBeVisible();
  await expect(page.getByText('/states')).toHaveCount(0);
});

test('an event without a delay shows the timeout the exported code uses', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();
  await ed.addStateAt(200, 200);
  await ed.addStateAt(500, 200);
  await ed.connect('State1', 'State2', 'Go');
  await ed.sideTab('Events');
  await expect(page.getByLabel('Event Go after ms')).toHaveAttribute('placeholder', '1000 (default in exported code)');
});

test('a cancelled check says the person cancelled it', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('counters-millions.protocol.json');
  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  // Either the engine's answer or, when a loaded machine kept the worker past its grace period,
  // the stopped worker's last progress: both say it was the person's cancel (verdictText.test.ts).
  await expect(page.getByTestId('verdict')).toHaveText(/^Incomplete: you cancelled the search before it was exhaustive( \(|; the worker was stopped before it reported, after [\d,]+ states)/);
});

test('the canvas fits the design again when the window is resized', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.setViewportSize({ width: 900, height: 600 });
  const canvas = (await ed.canvas().boundingBox())!;
  await expect
    .poll(async () => {
      const box = await ed.state('Charged').boundingBox();
      return box !== null && box.x + box.width <= canvas.x + canvas.width;
    })
    .toBe(true);
});
