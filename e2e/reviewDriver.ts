import { expect, type Page } from '@playwright/test';

/** Drives the Review dialog's versions the way a person does: save a named version, compare against one. */
export class ReviewDriver {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog', { name: 'Review' });
  }

  /** Opens Review on its Versions tab. */
  async openVersions() {
    await this.page.getByRole('button', { name: 'Review', exact: true }).click();
    await this.dialog().getByRole('tab', { name: 'Versions' }).click();
  }

  /** Saves the design as it stands under `name` and closes the dialog. */
  async saveVersion(name: string) {
    await this.openVersions();
    await this.dialog().getByLabel('Version name').fill(name);
    await this.dialog().getByRole('button', { name: 'Save version' }).click();
    await expect(this.dialog().getByRole('list', { name: 'Saved versions' }).getByRole('listitem', { name, exact: true })).toBeVisible();
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click();
  }

  /** Compares the saved version `name` with the design as it stands; returns the diff's region. */
  async compareWith(name: string) {
    await this.openVersions();
    await this.dialog().getByRole('listitem', { name, exact: true }).getByRole('button', { name: 'Compare' }).click();
    return this.page.getByRole('region', { name: 'Design diff' });
  }
}
