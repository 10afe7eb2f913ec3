import { expect, type Page } from '@playwright/test';

/** Drives the editor the way a person does: mouse and keyboard, found by role and name. */
export class EditorDriver {
  constructor(readonly page: Page) {}

  canvas() {
    return this.page.getByRole('application');
  }

  state(name: string) {
    return this.page.getByRole('group', { name: `State ${name}`, exact: true });
  }

  async openApp() {
    await this.page.goto('/');
    await expect(this.page.getByRole('tab', { name: 'Design', exact: true })).toBeVisible();
    await expect(this.page.getByRole('group', { name: /^State / }).first()).toBeVisible();
  }

  async newDocument() {
    await this.page.getByRole('button', { name: /^Documents/ }).click();
    await this.page.getByRole('button', { name: 'New document' }).click();
    await expect(this.page.getByRole('group', { name: /^State / })).toHaveCount(0);
  }

  /** Double-clicks empty canvas at a point relative to the canvas' top-left corner. */
  async addStateAt(x: number, y: number) {
    const box = (await this.canvas().boundingBox())!;
    await this.page.mouse.dblclick(box.x + x, box.y + y);
  }

  /** Drags from a state's connect handle to another state (or itself) and picks or types the event. */
  async connect(from: string, to: string, event: string) {
    const handle = this.page.getByLabel(`Connect from ${from}`, { exact: true });
    const h = (await handle.boundingBox())!;
    const target = (await this.state(to).boundingBox())!;
    await this.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(target.x + target.width / 2 - 10, target.y + target.height / 2 + 20, { steps: 8 });
    await this.page.mouse.move(target.x + target.width / 2 - 10, target.y + target.height / 2, { steps: 4 });
    await this.page.mouse.up();
    const dialog = this.page.getByRole('dialog', { name: `New transition ${from} → ${to}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Event name').fill(event);
    await dialog.getByRole('button', { name: 'Add transition' }).click();
    await expect(dialog).toBeHidden();
  }

  async sideTab(name: 'Inspector' | 'About' | 'Vars' | 'Events' | 'Invariants' | 'Environment') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** Types into a CodeMirror expression field, replacing its text. */
  async typeExpression(label: string, text: string) {
    const box = this.page.getByRole('textbox', { name: label, exact: true });
    await box.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
  }

  async stateNames(): Promise<string[]> {
    const groups = this.page.getByRole('group', { name: /^State / });
    const labels = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return labels.map((l) => l.replace(/^State /, '')).sort();
  }
}
