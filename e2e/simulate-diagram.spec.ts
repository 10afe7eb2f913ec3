import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

test('the sequence diagram of a two-request run fits the side panel, long names cut with a tooltip', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFixture('two-payments.protocol.json');
  await run.mode('Simulate');
  await page.getByRole('button', { name: 'Happy path' }).click();
  await expect(run.row('step 8: receive Charge#2 ok')).toBeVisible();
  // A fault and a retry too: a fault marker and an answered delivery carry the longest words.
  await run.row('step 3: ack Charge#1').click();
  await run.take('duplicate reply Charge#1 ok');
  await run.take('timeout Charge#1 (retry 2 of 2)');
  await run.take('deliver Charge#1');
  await run.take('send Charge#2');
  await expect(run.row('step 6: deliver Charge#1')).toContainText('deliver #1 (dedupe hit)');

  const diagram = page.getByRole('region', { name: 'Run' });
  const fit = await diagram.evaluate((box) => {
    const svg = box.querySelector('svg')!;
    const width = svg.width.baseVal.value;
    const texts = [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, left: b.x, right: b.x + b.width };
    });
    return { scroll: box.scrollWidth, client: box.clientWidth, width, outside: texts.filter((t) => t.left < 0 || t.right > width) };
  });
  expect(fit.width).toBeLessThanOrEqual(fit.client);
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  expect(fit.outside).toEqual([]);

  // Every lane is named; the state too long for its column is cut, its whole name a tooltip.
  const lanes = page.getByRole('group', { name: 'sequence diagram' }).locator(':scope > g[aria-hidden] > text');
  await expect(lanes).toHaveText(['Charge#1', 'Charge#2', 'network', 'machine']);
  const state = run.row('step 2: deliver Charge#1').locator('text', { has: page.locator('title') }).last();
  await expect(state.locator('title')).toHaveText('AwaitingSettlement');
  await expect(state).toContainText(/^AwaitingSettlement.*…$|^Awaiting\w*…/);
});
