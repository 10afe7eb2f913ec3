import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorDriver } from './editorDriver';

const example = (slug: string) => readFileSync(`examples/${slug}.protocol.json`, 'utf8');

async function open(page: Page, slug: string): Promise<string> {
  await page.evaluate((text) => window.__protocolStudio!.openDesign(text), example(slug));
  const canvas = page.getByRole('application');
  await expect(canvas.getByRole('button', { name: /^Transition 1:/ })).toBeVisible();
  return canvas.innerText();
}

test('a reviewer reading only the canvas can tell the broken payment from the fixed one', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  const broken = await open(page, 'payment-retried');
  const canvas = page.getByRole('application');
  const charge = canvas.locator('.edge-label').filter({ has: page.getByRole('button', { name: /^Transition 1: Charge/ }) });
  await expect(charge.getByText('retry ×2')).toBeVisible();
  await expect(charge.getByText('no dedupe')).toBeVisible();
  const legend = canvas.getByRole('region', { name: 'Canvas legend' });
  await expect(legend.getByRole('list', { name: 'Vars and their storage' })).toContainText('charges');
  await expect(legend.getByRole('list', { name: 'Vars and their storage' })).toContainText('ghost');
  await expect(legend.getByRole('list', { name: 'Events and their delivery' })).toContainText('unhandled: reject');
  await expect(legend.getByLabel('Faults')).toHaveText('1 request · drop 1 · duplicate 1 · reorder · crash 1');

  const fixed = await open(page, 'payment-idempotent');
  await expect(charge.getByText('dedupe ▣')).toBeVisible();
  await expect(charge.getByText('no dedupe')).toHaveCount(0);
  expect(fixed).not.toEqual(broken);
});
