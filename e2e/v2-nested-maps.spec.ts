import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';
import { lane } from './v2Lanes';

// A design with a nested map (docs/format-v2.md §2: CRDT's counter[n][o], a map from Node to maps
// from Node to ints): the role's form shows the type as JSON and edits it, and Check runs it to
// TLC's figure; Simulate shows the inner maps.
const file = new URL('../test-fixtures/published/crdt-nested.protocol.json', import.meta.url);

test('a nested map shows and edits as JSON in the role form, and Check finds 25,000 configurations', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openFile(file);

  await run.mode('Design');
  await lane(page, 'System').getByRole('button', { name: /^System/ }).first().click();
  await expect(page.getByLabel('Role System var 1 type', { exact: true })).toHaveValue('other');
  const type = page.getByLabel('Role System var 1 (JSON)', { exact: true });
  await expect(type).toHaveValue('{"map":{"from":"Node","to":{"map":{"from":"Node","to":{"int":[0,3]}}}}}');

  // A fourth level is refused at its place; back to the design's type it is fine.
  await type.fill('{"map":{"from":"Node","to":{"map":{"from":"Node","to":{"map":{"from":"bool","to":{"map":{"from":"bool","to":"bool"}}}}}}}}');
  await type.press('Enter');
  await expect(lane(page, 'System').getByRole('button', { name: /^Role System has \d+ errors?/ })).toBeVisible();
  await type.fill('{"map":{"from":"Node","to":{"map":{"from":"Node","to":{"int":[0,3]}}}}}');
  await type.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();

  // Simulate shows each outer key with its inner map, and takes a step that writes one entry.
  await run.mode('Simulate');
  const system = page.getByRole('region', { name: 'Instance System' });
  await expect(system).toContainText('Node[1]={Node[1]: 0, Node[2]: 0, Node[3]: 0}');
  await page.getByRole('button', { name: 'System Increment(n=Node[2])', exact: true }).click();
  await expect(system).toContainText('Node[2]={Node[1]: 0, Node[2]: 1, Node[3]: 0}');

  await run.mode('Check');
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^OK: every reachable configuration/, { timeout: 60_000 });
  await expect(page.getByText(/25,000/).first()).toBeVisible();
});
