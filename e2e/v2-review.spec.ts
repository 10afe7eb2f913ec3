import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { ReviewDriver } from './reviewDriver';
import { RunDriver } from './runDriver';

/**
 * Review of a design of several participants (issue 14 with issue 19's review): the checklist
 * in the browser (a finding leads to its element, a silence is kept with its reason), the
 * report downloaded and read in Chromium with JavaScript disabled, a hostile name that cannot
 * inject markup, and the command line's report of a version-2 file.
 */

const dir = mkdtempSync(join(tmpdir(), 'v2-review-e2e-'));
const HOSTILE = `</title><script>alert(1)</script><img src=x onerror="alert(2)"><b>bold</b>`;

function example(name: string): Record<string, unknown> & { name: string; description?: string } {
  return JSON.parse(readFileSync(`examples/v2/${name}.protocol.json`, 'utf8')) as Record<string, unknown> & { name: string };
}

/** The review report of a design file, made by the command line (`report FILE -o OUT`). */
function reportOf(design: object, name: string): string {
  const file = join(dir, `${name}.protocol.json`);
  writeFileSync(file, JSON.stringify(design));
  const out = join(dir, `${name}.html`);
  execFileSync(process.execPath, ['scripts/run-cli.mjs', 'report', file, '-o', out], { stdio: 'pipe' });
  return out;
}

const review = (page: Page) => page.getByRole('dialog', { name: 'Review' });

test('a review of the lease service called with retries from the browser: checklist, go to the element, silence, report', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const dialog = review(page);
  await expect(dialog.getByRole('status').first()).toContainText('check: violation', { timeout: 30_000 });
  const findings = dialog.getByRole('list', { name: 'Checklist findings' });
  const retry = findings.getByRole('listitem', { name: 'Retries without idempotency: transition ask of Client (idle → waiting on Want)' });
  await expect(retry).toContainText('It calls Lock.Acquire up to 2 times, and Acquire has no idempotency');

  // The finding leads to the calling transition's form.
  await retry.getByRole('button', { name: 'transition ask of Client (idle → waiting on Want)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Transition Client 1' })).toBeVisible();

  // A silence is written into the design with its reason, and the finding stops counting.
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const duplicates = findings.getByRole('listitem', { name: 'Duplicate budget of 0: environment' });
  await duplicates.getByRole('button', { name: 'Silence…' }).click();
  await duplicates.getByLabel('Reason').fill('the transport deduplicates');
  await duplicates.getByRole('button', { name: 'Silence', exact: true }).click();
  await expect(duplicates).toContainText('Silenced: the transport deduplicates');
  // Open besides: Lock.token, a fencing token only ever incremented with no step invariant `token' >= token`.
  await expect(findings.getByRole('listitem', { name: 'Counter or epoch without a monotonicity invariant: var Lock.token' })).toBeVisible();
  await expect(dialog.getByRole('status').first()).toContainText('2 open findings, 1 silenced');

  // The report, downloaded: per-role sections, the trace with a column per instance, call outcomes.
  await dialog.getByRole('tab', { name: 'Report' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download HTML report' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.review\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('<h2 id="role-1-title">Role Client</h2>');
  expect(html).toContain('<th>Client[1]</th><th>Client[2]</th>');
  expect(html).toContain('replay Acquire at depth 5');
  expect(html).toContain('the transport deduplicates');

  // Undo takes the silence back (one step).
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(review(page).getByRole('status').first()).toContainText('3 open findings');
});

test('the version-2 report reads correctly in Chromium with JavaScript disabled, and loads nothing', async ({ browser }) => {
  const file = reportOf(example('two-phase-commit-broken'), 'two-phase');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-phase commit: COMMIT before the log');
  for (const section of ['Verdict', 'Diagrams', 'Role TM', 'Role RM', 'Messages', 'Network', 'Crashes and recovery', 'Violations (shortest traces)', 'Coverage per role', 'Review checklist'])
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  await expect(page.locator('#diagram svg')).toHaveCount(2);
  expect((await page.locator('#diagram svg').first().boundingBox())!.width).toBeGreaterThan(200);
  await expect(page.locator('#violations svg')).toBeVisible();
  await expect(page.locator('#violations table thead th')).toHaveText(['#', 'step', 'TM', 'RM[1]', 'RM[2]', 'network']);
  await expect(page.locator('#verdict')).toContainText('violation (1)');
  expect(await page.locator('.verdict').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(254, 226, 226)');
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await context.close();
});

test('a hostile name or description cannot inject markup into the version-2 report', async ({ browser }) => {
  const design = example('two-phase-commit-broken') as { name: string; description?: string; roles: { description?: string; transitions: { id?: string }[] }[] };
  design.name = HOSTILE;
  design.description = `<style>body{display:none}</style>${HOSTILE}`;
  design.roles[0]!.description = `"><svg onload=alert(3)>`;
  design.roles[0]!.transitions[0]!.id = `t"><script>alert(4)</script>`;
  const file = reportOf(design, 'hostile');
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
  await expect(page.locator('script, img, b, style:not(head style), [onload]')).toHaveCount(0);
  await expect(page.locator('#role-0')).toContainText(`t"><script>alert(4)</script>`);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await context.close();
});

test('a share link of a version-2 design opens read-only with a diagram per role and "save a copy"; the embed link shows the viewer', async ({ page, context }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Two-phase commit: COMMIT before the log');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await review(page).getByRole('tab', { name: 'Share' }).click();
  const linkField = review(page).getByLabel('Share link');
  await expect(linkField).toHaveValue(/#share=[A-Za-z0-9_-]+$/);
  const link = await linkField.inputValue();
  const embedCode = await review(page).getByLabel('Embed (read-only viewer)').inputValue();
  const embedUrl = /src="([^"]+)"/.exec(embedCode)![1]!.replace(/&amp;/g, '&');

  const shared = await context.newPage();
  await shared.goto(link);
  const view = shared.getByRole('main', { name: 'Shared design' });
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Two-phase commit: COMMIT before the log');
  await expect(view.getByRole('img', { name: 'State diagram of TM' })).toBeVisible();
  await expect(view.getByRole('img', { name: 'State diagram of RM' })).toBeVisible();
  await expect(view.getByRole('region', { name: 'Role TM' })).toContainText('send-commit');
  await shared.getByRole('button', { name: 'Save a copy' }).click();
  await expect(shared.getByRole('button', { name: /^Documents \(open: Two-phase commit: COMMIT before the log/ })).toBeVisible();
  await expect(shared.getByRole('region', { name: 'Role RM', exact: true })).toBeVisible();
  expect(new URL(shared.url()).hash).toBe('');

  const embed = await context.newPage();
  await embed.goto(embedUrl);
  const viewer = embed.getByRole('main', { name: 'Design viewer' });
  await expect(viewer.getByRole('img', { name: 'State diagram of RM' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Open in Protocol Studio' })).toHaveAttribute('href', /#share=/);
});

test('a named version of a version-2 design, the fix, and the diff with both checks side by side; restore brings the version back', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('Lease service called with retries, no idempotency key');
  const versions = new ReviewDriver(page);
  await versions.saveVersion('before the fix');

  // The fix: Lock's call event records its answers durably.
  await page
    .getByRole('region', { name: 'Role Lock', exact: true })
    .getByRole('button', { name: /^Lock/ })
    .click();
  await page.getByLabel('Role Lock event Acquire idempotency', { exact: true }).selectOption('durable');

  const diff = await versions.compareWith('before the fix');
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('changed event Lock.Acquire');
  await expect(diff.getByRole('list', { name: 'Changes' })).toContainText('idempotency: "none" → "durable"');
  const results = diff.getByRole('table', { name: 'Check results side by side' });
  await expect(results.getByRole('row', { name: /^verdict/ })).toContainText(/violation\s*ok/, { timeout: 60_000 });
  await expect(results.getByRole('row', { name: /outcomes Client → Lock\.Acquire/ })).toBeVisible();
  await diff.getByRole('button', { name: 'Close diff' }).click();

  // Restore: the version comes back (the fixed design is kept as a version first).
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await review(page).getByRole('tab', { name: 'Versions' }).click();
  await review(page).getByRole('listitem', { name: 'before the fix', exact: true }).getByRole('button', { name: 'Restore' }).click();
  await expect(review(page).getByRole('listitem', { name: 'before restoring “before the fix”', exact: true })).toBeVisible();
  await review(page).getByRole('button', { name: 'Close', exact: true }).click();
  await page
    .getByRole('region', { name: 'Role Lock', exact: true })
    .getByRole('button', { name: /^Lock/ })
    .click();
  // The form shows "none" (the default) as the empty choice, as before the fix.
  await expect(page.getByLabel('Role Lock event Acquire idempotency', { exact: true })).toHaveValue('');
});
