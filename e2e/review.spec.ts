import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { ReviewDriver } from './reviewDriver';
import { RunDriver } from './runDriver';

const dir = mkdtempSync(join(tmpdir(), 'review-e2e-'));
const HOSTILE = `</title><script>alert(1)</script><img src=x onerror="alert(2)"><b>bold</b>`;

/** The review report of a design file, made by the command line (`report FILE -o OUT`). */
function reportOf(design: object, name: string): string {
  const file = join(dir, `${name}.protocol.json`);
  writeFileSync(file, JSON.stringify(design));
  const out = join(dir, `${name}.html`);
  execFileSync(process.execPath, ['scripts/run-cli.mjs', 'report', file, '-o', out], { stdio: 'pipe' });
  return out;
}

function retried(): Record<string, unknown> {
  return JSON.parse(readFileSync('examples/payment-retried.protocol.json', 'utf8')) as Record<
    string,
    unknown
  >;
}

function review(page: Page) {
  return page.getByRole('dialog', { name: 'Review' });
}

test('a review of the retried payment from the browser: checklist, silence, report, versions, diff, restore', async ({
  page,
}) => {
  const run = new RunDriver(page);
  const versions = new ReviewDriver(page);
  await run.openApp();
  await run.openExample('Payment retried without an idempotency key');

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const dialog = review(page);
  await expect(dialog.getByRole('status').first()).toContainText('check: violation');
  const findings = dialog.getByRole('list', { name: 'Checklist findings' });
  await expect(
    findings.getByRole('listitem', { name: 'Retries without idempotency: event Charge' }),
  ).toContainText('Set "idempotency" to "durable"');

  // A finding points at its element: a click goes there.
  await findings
    .getByRole('listitem', { name: 'Retries without idempotency: event Charge' })
    .getByRole('button', { name: 'event Charge' })
    .click();
  await expect(page.getByRole('tab', { name: 'Events', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('button', { name: 'Review', exact: true }).click();

  // Silence one finding with a reason: it stays listed, with the reason, and no longer counts.
  const timeout = findings.getByRole('listitem', { name: 'Timeout outcome not stated: event Charge' });
  await timeout.getByRole('button', { name: 'Silence…' }).click();
  await timeout.getByLabel('Reason').fill('support reconciles ambiguous charges');
  await timeout.getByRole('button', { name: 'Silence', exact: true }).click();
  await expect(timeout).toContainText('Silenced: support reconciles ambiguous charges');
  await expect(dialog.getByRole('status').first()).toContainText('2 open findings, 1 silenced');

  // The report, downloaded.
  await dialog.getByRole('tab', { name: 'Report' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download HTML report' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.review\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('replay Charge at depth 5');
  expect(html).toContain('support reconciles ambiguous charges');

  // A named version, then the fix, then the diff drawn over the canvas.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await versions.saveVersion('before the fix');

  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await page.getByLabel('Event Charge idempotency').selectOption('durable');

  const diff = await versions.compareWith('before the fix');
  await expect(diff.getByRole('img', { name: /Diagram of the changes/ })).toBeVisible();
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('changed event Charge');
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('idempotency: (unset) → "durable"');
  const results = diff.getByRole('table', { name: 'Check results side by side' });
  await expect(results.getByRole('row', { name: /verdict/ })).toContainText(/violation\s*ok/);
  await diff.getByRole('button', { name: 'Close diff' }).click();

  // Restore the old version: the fix is undone (and the fixed design kept as a version).
  await versions.openVersions();
  await review(page)
    .getByRole('listitem', { name: 'before the fix', exact: true })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(
    review(page).getByRole('listitem', { name: 'before restoring “before the fix”' }),
  ).toBeVisible();
  // Two saved versions compared with each other: the old one against the fixed one kept on restore.
  await review(page)
    .getByLabel('Compare against')
    .selectOption({ label: 'before restoring “before the fix”' });
  await review(page)
    .getByRole('listitem', { name: 'before the fix', exact: true })
    .getByRole('button', { name: 'Compare' })
    .click();
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('idempotency: (unset) → "durable"');
  await expect(diff).toContainText('Diff: before the fix → before restoring “before the fix”');
  await diff.getByRole('button', { name: 'Close diff' }).click();
  // Unset again, as in the example (the field shows its default).
  await expect(page.getByLabel('Event Charge idempotency')).toHaveValue('');
});

test('a share link opens the design read-only with "save a copy", and the embed link shows the viewer', async ({
  page,
  context,
}) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Payment retried without an idempotency key');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await review(page).getByRole('tab', { name: 'Share' }).click();
  const linkField = review(page).getByLabel('Share link');
  await expect(linkField).toHaveValue(/#share=[A-Za-z0-9_-]+$/);
  const link = await linkField.inputValue();
  const embedCode = await review(page).getByLabel('Embed (read-only viewer)').inputValue();
  const embedUrl = /src="([^"]+)"/.exec(embedCode)![1]!.replace(/&amp;/g, '&');

  const shared = await context.newPage();
  const requests: string[] = [];
  shared.on('request', (r) => requests.push(r.url()));
  await shared.goto(link);
  const view = shared.getByRole('main', { name: 'Shared design' });
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(
    'Payment retried without an idempotency key',
  );
  await expect(view.getByRole('img', { name: /State diagram/ })).toBeVisible();
  await expect(shared.getByRole('button', { name: 'Review' })).toHaveCount(0);
  // The design came in the fragment: no request carried it.
  const payload = link.split('#share=')[1]!;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => u.includes(payload.slice(0, 40)))).toEqual([]);
  await shared.getByRole('button', { name: 'Save a copy' }).click();
  await expect(
    shared.getByRole('button', { name: 'Documents (open: Payment retried without an idempotency key)' }),
  ).toBeVisible();
  expect(new URL(shared.url()).hash).toBe('');

  const embed = await context.newPage();
  await embed.goto(embedUrl);
  const viewer = embed.getByRole('main', { name: 'Design viewer' });
  await expect(viewer.getByRole('img', { name: /State diagram/ })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Open in Protocol Studio' })).toHaveAttribute(
    'href',
    /#share=/,
  );
});

test('the report reads correctly in Chromium with JavaScript disabled, and loads nothing', async ({
  browser,
}) => {
  const file = reportOf(retried(), 'retried');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Payment retried without an idempotency key',
  );
  for (const section of [
    'Verdict',
    'Diagram',
    'Vars',
    'Events',
    'Invariants',
    'Environment',
    'Violations (shortest traces)',
    'Coverage',
    'Client outcomes',
    'Review checklist',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  await expect(page.locator('#diagram svg')).toBeVisible();
  expect((await page.locator('#diagram svg').boundingBox())!.width).toBeGreaterThan(200);
  await expect(page.locator('#violations svg')).toBeVisible();
  await expect(page.locator('#violations table tbody tr')).toHaveCount(6);
  await expect(page.locator('#verdict')).toContainText('violation (1)');
  // Styles apply without script (the CSP allows inline style only).
  expect(await page.locator('.verdict').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
    'rgb(254, 226, 226)',
  );
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await context.close();
});

test('a hostile design name cannot inject markup into the report', async ({ browser }) => {
  const design = retried();
  design.name = HOSTILE;
  design.description = `<style>body{display:none}</style>${HOSTILE}`;
  const file = reportOf(design, 'hostile');
  // With JavaScript on, so an injected handler would run if any got through.
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE);
  expect(await page.title()).toBe(`Review: ${HOSTILE}`);
  await expect(page.locator('script, img, b, style:not(head style)')).toHaveCount(0);
  await expect(page.locator('body')).toBeVisible();
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await context.close();
});
