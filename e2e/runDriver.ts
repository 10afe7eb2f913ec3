import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Drives Simulate and Check the way a person does, by role and accessible name. */
export class RunDriver {
  constructor(readonly page: Page) {}

  async openApp() {
    await this.page.goto('/');
    await expect(this.page.getByRole('tab', { name: 'Design' })).toBeVisible();
    await this.page.waitForFunction(() => window.__protocolStudio !== undefined);
  }

  /** Opens a fixture from `e2e/fixtures/` through the app's test hook (what opening a file does). */
  async openFixture(name: string) {
    await this.openFile(new URL(`./fixtures/${name}`, import.meta.url));
  }

  /** Opens a design file (a published specification, an example) through the app's test hook. */
  async openFile(file: URL) {
    const text = readFileSync(file, 'utf8');
    const design = JSON.parse(text) as { name: string };
    await this.page.evaluate((t) => window.__protocolStudio!.openDesign(t), text);
    await expect(this.page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();
  }

  async openExample(title: string) {
    await this.page.getByRole('button', { name: /^Documents/ }).click();
    await this.page.getByRole('button', { name: `Open example ${title}` }).click();
    // Opening an example closes the documents dialog and shows the example's lesson.
    await expect(this.page.getByRole('dialog')).toBeHidden();
    await expect(this.page.getByRole('note', { name: 'Lesson' })).toBeVisible();
  }

  async mode(name: 'Design' | 'Simulate' | 'Check') {
    // The mode tabs (a version-2 design's side panel has a Design tab of its own).
    const tab = this.page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Takes an enabled step by its label. */
  async take(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  row(name: string | RegExp) {
    return this.page.getByRole('group', { name: 'sequence diagram' }).getByRole('button', { name });
  }

  position() {
    return this.page.getByText(/^Step \d+ of \d+/);
  }

  panel(name: 'Invariants' | 'Memory' | 'Persisted record' | 'In flight' | 'Clients') {
    return this.page.getByRole('region', { name, exact: true });
  }
}
