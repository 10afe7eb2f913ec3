// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../cli/export';
import { TARGETS } from '../../export';
import { ExportVersion2 } from './ExportDialogContent';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
let copied: string[];
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) } });
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

const file = join(__dirname, '../../../examples/v2/lease-service-retries-broken.protocol.json');
const design = JSON.parse(readFileSync(file, 'utf8')) as unknown;

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !test(); i++) await act(() => new Promise((r) => setTimeout(r, 25)));
  expect(test()).toBe(true);
}

/** What `export FILE --to target` prints. */
async function cliExport(target: string): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  expect(await exportCommand([file, '--to', target])).toBe(0);
  write.mockRestore();
  return out;
}

const copyButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Copy' || b.textContent === 'Copied');

describe('the export dialog for a version-2 design with clients', () => {
  it("offers version 1's targets, and each copies the text the command line prints", async () => {
    act(() => root.render(<ExportVersion2 design={design as { name?: unknown }} />));
    const target = host.querySelector<HTMLSelectElement>('select[aria-label="Export target"]')!;
    expect([...target.options].map((o) => o.value)).toEqual([...TARGETS]);
    expect(host.querySelector('select[aria-label="Exported file"]')).toBeNull();
    for (const t of TARGETS) {
      act(() => {
        target.value = t;
        target.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await until(() => copyButton() !== undefined);
      const before = copied.length;
      await act(async () => copyButton()!.click());
      expect(copied.length).toBe(before + 1);
      expect(copied.at(-1), t).toBe(await cliExport(t));
    }
    // json is the version-2 design as written, not its lowered version-1 model.
    expect(JSON.parse(copied[TARGETS.indexOf('json')]!)).toEqual(design);
  });
});
