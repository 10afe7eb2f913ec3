import { expect, test } from '@playwright/test';
import { EditorDriver } from './editorDriver';

/** A chain of `n` states with no layout: the editor lays it out when it opens (issue 15 item 6). */
function chain(n: number): string {
  return JSON.stringify({
    format: 'protocol-studio',
    version: 1,
    name: `Chain of ${n}`,
    vars: [],
    states: Array.from({ length: n }, (_, i) => ({ name: `S${i}`, ...(i === 0 ? { initial: true } : {}) })),
    events: [{ name: 'Next', source: 'internal' }],
    transitions: Array.from({ length: n - 1 }, (_, i) => ({ from: `S${i}`, event: 'Next', to: `S${i + 1}` })),
    invariants: [],
  });
}

async function open(page: import('@playwright/test').Page, n: number) {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await page.getByLabel('Open a .protocol.json file').setInputFiles({
    name: `chain-${n}.protocol.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(chain(n)),
  });
  await expect(page.getByRole('button', { name: `Documents (open: Chain of ${n})` })).toBeVisible();
  return ed;
}

test('a small design is laid out by ELK in a worker, left to right, and the busy indicator goes away', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const ed = await open(page, 5);
  await expect(page.getByRole('status').filter({ hasText: /Laying out/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect
    .poll(
      async () =>
        ((await ed.state('S4').boundingBox())?.x ?? 0) - ((await ed.state('S0').boundingBox())?.x ?? 0),
    )
    .toBeGreaterThan(200);
  expect(workers.some((u) => /elk-worker/.test(u))).toBe(true);
});

test('a design of 300 states is laid out at once in rows, not one long row', async ({ page }) => {
  const ed = await open(page, 300);
  await expect(page.getByRole('status').filter({ hasText: /Laying out/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(ed.state('S0')).toBeVisible();
  const rows = async () => {
    const boxes = await page
      .getByRole('group', { name: /^State S\d+$/ })
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().y)));
    return new Set(boxes).size;
  };
  await expect.poll(rows).toBeGreaterThan(5);
});

test('a fresh transition between two states placed close together gets room for its label', async ({
  page,
}) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await ed.newDocument();
  await ed.addStateAt(200, 250);
  await ed.addStateAt(380, 250);
  await ed.connect('State1', 'State2', 'ChargeTheCustomer');
  const label = page
    .locator('.edge-label')
    .filter({ has: page.getByRole('button', { name: /^Transition 1: ChargeTheCustomer/ }) });
  const overlaps = async () => {
    const l = (await label.boundingBox())!;
    let n = 0;
    for (const s of ['State1', 'State2']) {
      const b = (await ed.state(s).boundingBox())!;
      if (l.x < b.x + b.width && b.x < l.x + l.width && l.y < b.y + b.height && b.y < l.y + l.height) n++;
    }
    return n;
  };
  await expect.poll(overlaps).toBe(0);
});
