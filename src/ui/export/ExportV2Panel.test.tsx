// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExportV2Panel } from './ExportV2Panel';
import { testRoot } from '../common/testRoot';

const { host: hostOf, render } = testRoot();
let host: HTMLDivElement;
beforeEach(() => {
  host = hostOf();
});

const design = JSON.parse(readFileSync(join(__dirname, '../../../examples/v2/two-phase-commit-fixed.protocol.json'), 'utf8')) as unknown;

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await act(() => new Promise((r) => setTimeout(r, 25)));
  expect(test()).toBe(true);
}

const fileNames = () => [...host.querySelectorAll<HTMLOptionElement>('select[aria-label="Exported file"] option')].map((o) => o.textContent);

function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the export dialog for a version-2 design', () => {
  it('offers the version-2 targets and lists the files each makes', async () => {
    render(<ExportV2Panel design={design} designName="2PC" />);
    const target = host.querySelector<HTMLSelectElement>('select[aria-label="Export target"]')!;
    expect([...target.options].map((o) => o.value)).toEqual(['ts', 'xstate', 'mermaid', 'scxml', 'promela', 'harness', 'monitor', 'json']);
    await until(() => fileNames().length > 0);
    expect(fileNames()).toEqual(['protocol.ts', 'role-TM.ts', 'role-RM.ts', 'invariants.ts']);
    expect(host.querySelector('[data-testid="export-preview"]')!.textContent).toContain('Shared types of "Two-phase commit');
    choose(host.querySelector<HTMLSelectElement>('select[aria-label="Exported file"]')!, '1');
    await until(() => host.querySelector('[data-testid="export-preview"]')!.textContent!.includes('Role TM of'));
    choose(target, 'mermaid');
    await until(() => fileNames().includes('sequence.mmd'));
    expect(fileNames()).toEqual(['role-TM.mmd', 'role-RM.mmd', 'sequence.mmd']);
    choose(target, 'promela');
    await until(() => host.querySelector('[data-testid="export-preview"]')?.textContent?.includes('format-version-2 design, exported for Spin') ?? false);
    expect(host.querySelector('select[aria-label="Exported file"]')).toBeNull();
  });

  it('says why an invalid design does not export', async () => {
    render(<ExportV2Panel design={{ ...(design as object), roles: [] }} designName="x" />);
    await until(() => host.querySelector('[role="alert"]') !== null);
    expect(host.querySelector('[role="alert"]')!.textContent).toMatch(/error\(s\); fix them to export/);
  });
});
