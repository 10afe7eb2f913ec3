import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RunDriver } from './runDriver';

/**
 * The export dialog on a version-2 design (issue 14 item 4): opens examples/v2's two-phase commit
 * through the app's test hook, offers the version-2 targets, lists a module per role, and
 * downloads one. Needs the shell to open version-2 documents (the studio editor's work).
 */
const TARGETS: Record<string, { files: string[]; mark: string }> = {
  'TypeScript: one module per role and the shared message types': { files: ['protocol.ts', 'role-TM.ts', 'role-RM.ts', 'invariants.ts'], mark: 'Shared types of' },
  'XState v5: one machine per role and the actor system': { files: ['protocol.ts', 'role-TM.ts', 'role-RM.ts', 'invariants.ts', 'role-TM.xstate.ts', 'role-RM.xstate.ts', 'system.xstate.ts'], mark: 'Shared types of' },
  'Mermaid: a state diagram per role and a sequence diagram': { files: ['role-TM.mmd', 'role-RM.mmd', 'sequence.mmd'], mark: 'stateDiagram-v2' },
  'Promela (Spin): one proctype per role': { files: [], mark: 'format-version-2 design, exported for Spin' },
  'Design JSON': { files: [], mark: '"protocol-studio"' },
};

test('a version-2 design exports a module per role, and a role module downloads', async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  const text = readFileSync(new URL('../examples/v2/two-phase-commit-fixed.protocol.json', import.meta.url), 'utf8');
  await page.evaluate((t) => window.__protocolStudio!.openDesign(t), text);
  await expect(page.getByRole('button', { name: 'Documents (open: Two-phase commit: log, then COMMIT)' })).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export and import' });
  const target = dialog.getByRole('combobox', { name: 'Export target' });
  for (const [label, { files, mark }] of Object.entries(TARGETS)) {
    await target.selectOption({ label });
    await expect(dialog.getByTestId('export-preview')).toContainText(mark);
    if (files.length) await expect(dialog.getByRole('combobox', { name: 'Exported file' }).locator('option')).toHaveText(files);
  }
  await target.selectOption({ label: 'TypeScript: one module per role and the shared message types' });
  await dialog.getByRole('combobox', { name: 'Exported file' }).selectOption({ label: 'role-TM.ts' });
  await expect(dialog.getByTestId('export-preview')).toContainText('Role TM of');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('role-TM.ts');
  const module = readFileSync((await download.path())!, 'utf8');
  expect(module).toContain('export function decide(');
  expect(module).toContain('export async function recover(');
});
