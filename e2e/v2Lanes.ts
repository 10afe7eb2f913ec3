import { expect, type Page } from '@playwright/test';

/** A role's lane on the version-2 canvas. */
export const lane = (page: Page, role: string) => page.getByRole('region', { name: `Role ${role}`, exact: true });

/** The validation status when the design has no error. */
export const noErrors = (page: Page) => page.getByRole('status').filter({ hasText: 'No errors' });

/** Commits a name field (it renames on Enter). */
export async function rename(page: Page, label: string, name: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(name);
  await field.press('Enter');
}

/**
 * Selects a role by its lane's header and renames it in the inspector. It waits for the form to
 * show that role first: typing into the form of the role selected before, while the inspector is
 * being swapped, would lose the edit on a slow machine.
 */
export async function renameRole(page: Page, from: string, to: string) {
  await lane(page, from)
    .getByRole('button', { name: new RegExp(`^${from}`) })
    .click();
  await expect(page.getByLabel('Role name', { exact: true })).toHaveValue(from);
  await rename(page, 'Role name', to);
  await expect(lane(page, to)).toBeVisible();
}
