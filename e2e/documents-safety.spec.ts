import { expect, test, type Page } from '@playwright/test';
import { EditorDriver } from './editorDriver';

/** Nothing lost (issue 12 items 1–3) and two tabs on one document (issue 15 item 1), in real Chromium. */

/** Writes raw values into the app's IndexedDB, as a damaged disk or another version of the app might. */
async function writeRaw(page: Page, records: Record<string, unknown>) {
  await page.evaluate(
    (entries) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('protocol-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('documents', 'readwrite');
          for (const [key, value] of Object.entries(entries)) tx.objectStore('documents').put(value, key);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Makes every IndexedDB write of this page fail as a full disk does, until `failWrites(page, false)`. */
async function failWrites(page: Page, on: boolean) {
  await page.evaluate((fail) => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { __put?: IDBObjectStore['put'] };
    proto.__put ??= proto.put;
    proto.put = fail
      ? () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : proto.__put;
  }, on);
}

const description = (page: Page) => page.getByRole('textbox', { name: 'Design description', exact: true });

async function openAbout(page: Page) {
  await page.getByRole('tab', { name: 'About', exact: true }).click();
  await expect(description(page)).toBeVisible();
}

test('corrupt stored records are listed as damaged and never blank the app', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ed = new EditorDriver(page);
  await ed.openApp();
  const good = await ed.stateNames();
  const base = { createdAt: 1, updatedAt: 2 };
  await writeRaw(page, {
    'doc:str': { id: 'str', design: 'a string', ...base },
    'doc:nul': { id: 'nul', design: null, ...base },
    'doc:five': { id: 'five', design: { format: 'protocol-studio', version: 1, name: 'Five', vars: [], states: 5, events: [], transitions: [], invariants: [] }, ...base },
    'doc:text': 'just a string',
    'meta:last-opened': 'five',
  });
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Design', exact: true })).toBeVisible();
  await expect.poll(() => ed.stateNames()).toEqual(good);

  await page.getByRole('button', { name: /^Documents/ }).click();
  const list = page.getByRole('list', { name: 'Your documents' });
  await expect(list.getByText(/damaged, cannot be opened/)).toHaveCount(4);
  await expect(list.getByText(/\/design\/states: /)).toBeVisible();
  await expect(list.getByRole('button', { name: /^Open / })).toHaveCount(1);
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Download the raw text of Damaged record text' }).click();
  expect((await download).suggestedFilename()).toBe('damaged-text.json');
  expect(errors).toEqual([]);
});

test('a save that fails with QuotaExceededError shows unsaved changes, offers a download, and recovers', async ({ page }) => {
  const ed = new EditorDriver(page);
  await ed.openApp();
  await openAbout(page);
  await failWrites(page, true);
  await description(page).fill('typed while the disk is full');
  const bar = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(bar).toContainText('storage for this site is full');
  await expect(page.getByRole('status', { name: 'Save status: Unsaved changes' })).toBeVisible();
  const download = page.waitForEvent('download');
  await bar.getByRole('button', { name: 'Download the document' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.protocol\.json$/);

  // Retry now while the disk is still full: the edit stays unsaved and the bar stays.
  await bar.getByRole('button', { name: 'Retry now' }).click();
  await expect(bar).toContainText('storage for this site is full');
  await expect(page.getByRole('status', { name: 'Save status: Unsaved changes' })).toBeVisible();

  // Space again: "Retry now" saves, unless the backoff retry got there first (a busy machine).
  await failWrites(page, false);
  const saved = page.getByRole('status', { name: 'Save status: Saved' });
  await expect(async () => {
    if (await bar.isVisible()) await bar.getByRole('button', { name: 'Retry now' }).click({ timeout: 2000 });
    await expect(saved).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(bar).toBeHidden();
  await page.reload();
  await openAbout(page);
  await expect(description(page)).toHaveValue('typed while the disk is full');
});

test('an edit survives a reload at 0 ms, 20 times out of 20', async ({ page }) => {
  test.setTimeout(300_000); // 20 full page loads on a shared machine
  const ed = new EditorDriver(page);
  await ed.openApp();
  let kept = 0;
  for (let k = 1; k <= 20; k++) {
    await openAbout(page);
    await description(page).fill(`edit ${k}`);
    await page.reload();
    await openAbout(page);
    if ((await description(page).inputValue()) === `edit ${k}`) kept++;
  }
  expect(kept).toBe(20);
});

test('two tabs on one document: the other tab follows a save, and a conflicting edit is never written over the newer one', async ({ context }) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  const b = await context.newPage();
  const edA = new EditorDriver(a);
  const edB = new EditorDriver(b);
  await edA.openApp();
  await edB.openApp();
  const before = await edA.stateNames();
  const name = (await a.getByRole('button', { name: /^Documents \(open: / }).getAttribute('aria-label'))!.replace(/^Documents \(open: (.*)\)$/, '$1');

  // B adds a state; A, with no edits of its own, follows at once.
  await edB.addStateAt(120, 420);
  await expect(b.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await expect.poll(() => edA.stateNames()).toHaveLength(before.length + 1);
  const withState = await edB.stateNames();

  // A edits the description; B follows it too, and keeps its state.
  await openAbout(a);
  await description(a).fill('edited in A');
  await expect(a.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await b.reload();
  await openAbout(b);
  await expect(description(b)).toHaveValue('edited in A');
  expect(await edB.stateNames()).toEqual(withState);

  // A has edits it cannot store yet when B saves a newer revision: A says so and does not overwrite.
  await failWrites(a, true);
  await description(a).fill('A, not yet stored');
  await expect(a.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await description(b).fill('B, stored');
  await expect(b.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  const conflict = a.getByRole('alert').filter({ hasText: 'Changed in another tab' });
  await expect(conflict).toBeVisible();
  await failWrites(a, false);
  await conflict.getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(a.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await openAbout(a);
  await expect(description(a)).toHaveValue('A, not yet stored');
  await expect(a.getByRole('button', { name: /^Documents \(open: .*\(copy\)\)$/ })).toBeVisible();

  // B's document is as B stored it, after a reload too (which opens the last opened: A's copy).
  await expect(description(b)).toHaveValue('B, stored');
  await b.reload();
  await b.getByRole('button', { name: /^Documents/ }).click();
  const list = b.getByRole('list', { name: 'Your documents' });
  await expect(list.getByRole('button', { name: /^Open / })).toHaveCount(2);
  await list.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  await openAbout(b);
  await expect(description(b)).toHaveValue('B, stored');
});
