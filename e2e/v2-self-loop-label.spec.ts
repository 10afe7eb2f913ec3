import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { RunDriver } from './runDriver';

type Rect = { left: number; top: number; right: number; bottom: number; text: string };

/** The boxes of a canvas's state names, state boxes, edge labels and self-loop labels, read in one go. */
async function boxes(canvas: Locator): Promise<{ names: Rect[]; states: Rect[]; labels: Rect[]; loops: Rect[] }> {
  return canvas.evaluate((root) => {
    const read = (selector: string) =>
      [...root.querySelectorAll(selector)].map((e) => {
        const b = e.getBoundingClientRect();
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, text: e.textContent ?? '' };
      });
    return { names: read('.state-node__name'), states: read('.react-flow__node'), labels: read('.role-edge-label'), loops: read('.role-edge-label.is-loop') };
  });
}

const overlap = (a: Rect, b: Rect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every pair of a label and a state name (or box) that cover each other, as text. */
function covering(labels: Rect[], targets: Rect[]): string[] {
  return labels.flatMap((l) => targets.filter((t) => overlap(l, t)).map((t) => `${l.text} over ${t.text}`));
}

/** Waits for both canvases of TwoPhase.tla to be laid out with their labels, and checks each. */
async function checkCanvases(page: Page) {
  for (const [role, states] of [['TM', 3], ['RM', 4]] as const) {
    const canvas = page.locator(`[aria-label="Canvas of role ${role}"]`);
    await expect(canvas).not.toHaveAttribute('aria-busy', 'true');
    await expect(canvas.locator('.react-flow__node')).toHaveCount(states);
    // TM's init and RM's committed and aborted each have a loop.
    await expect(canvas.locator('.role-edge-label.is-loop').first()).toBeVisible();
    const b = await boxes(canvas);
    expect(covering(b.labels, b.names)).toEqual([]);
    expect(covering(b.loops, b.states)).toEqual([]);
  }
}

// TwoPhase.tla: RM's ?Commit from working to committed runs past prepared (its label used to sit
// on prepared's name); then TM's ?Prepared loop on init given a long guard (a tall label).
test("no transition label covers a state's name; a self-loop's label sits clear of its state, selected or not", async ({ page }) => {
  const run = new RunDriver(page);
  await run.openApp();
  await run.openExample('TwoPhase.tla (Gray and Lamport)');
  await checkCanvases(page);

  const design = JSON.parse(readFileSync(new URL('../examples/v2/tla-two-phase.protocol.json', import.meta.url), 'utf8')) as { name: string; roles: { name: string; transitions: { id: string; guard?: string }[] }[] };
  design.name = 'TwoPhase, a long guard';
  const loop = design.roles.find((r) => r.name === 'TM')!.transitions.find((t) => t.id === 'TMRcvPrepared')!;
  loop.guard = 'forall r in RM: r == sender || !prepared[r] || (count q in RM: prepared[q]) < 3 || prepared[r] == prepared[r]';
  await page.evaluate((t) => window.__protocolStudio!.openDesign(t), JSON.stringify(design));
  await expect(page.getByRole('button', { name: `Documents (open: ${design.name})` })).toBeVisible();
  await checkCanvases(page);
  // Selected, the loop's label shows its whole guard (seven lines): still above its state.
  const tm = page.locator('[aria-label="Canvas of role TM"]');
  await tm.getByRole('button', { name: /^Transition 1 of TM: \?Prepared/ }).click();
  await expect(tm.locator('.role-edge-label.is-loop.is-selected')).toContainText('prepared[sender] := true');
  const b = await boxes(tm);
  expect(covering(b.loops, b.states)).toEqual([]);
  expect(covering(b.labels, b.names)).toEqual([]);
});
