// @vitest-environment jsdom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunView } from '../../engine/runView';
import { ConfigurationPanels } from './ConfigurationPanels';
import { SequenceDiagram } from './SequenceDiagram';
import { StepList } from './StepList';
import { testRoot } from '../common/testRoot';

const { host: hostOf, render } = testRoot();
let host: HTMLDivElement;
beforeEach(() => {
  host = hostOf();
});

const view = (over: Partial<RunView> = {}): RunView => ({
  mode: 'up',
  modeText: 'up',
  state: 'Charged',
  vars: [{ name: 'charges', value: '1', changed: true, storage: 'ghost' }],
  persisted: { state: 'Charged', vars: [{ name: 'balance', value: '1', differs: false }], dedupe: [{ request: 'Charge#1', reply: 'ok' }] },
  dedupe: [],
  toMachine: ['Charge#1'],
  toClient: [],
  clients: [{ request: 1, label: 'Charge#1', status: 'ambiguous', attempts: 2, maxAttempts: 2, payload: 'amount=2' }],
  invariants: [{ name: 'charged at most once', kind: 'state', value: true }],
  violations: [],
  steps: [],
  budgets: [],
  ...over,
});

describe('Simulate components', () => {
  it('groups step buttons by actor and takes the clicked one', () => {
    const onTake = vi.fn();
    render(
      <StepList
        steps={[
          { label: 'send Charge#1', actor: 'client' },
          { label: 'crash', actor: 'fault' },
        ]}
        onTake={onTake}
      />,
    );
    const faults = host.querySelector('section[aria-label="Faults steps"]')!;
    expect(faults.textContent).toContain('crash');
    const send = [...host.querySelectorAll('button')].find((b) => b.textContent === 'send Charge#1')!;
    act(() => send.click());
    expect(onTake).toHaveBeenCalledWith('send Charge#1');
  });

  it('raises an alert only when an invariant is false', () => {
    render(<ConfigurationPanels view={view()} />);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    render(<ConfigurationPanels view={view({ invariants: [{ name: 'charged at most once', kind: 'state', value: false }] })} />);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('VIOLATED: charged at most once');
    expect(host.querySelector('ul[aria-label="invariant list"]')?.textContent).toBe('charged at most once: FALSE');
  });

  it('says a false invariant once, with its detail, when the violations list it', () => {
    const broken = view({
      invariants: [{ name: 'charged at most once', kind: 'state', value: false }],
      violations: [{ kind: 'invariant', name: 'charged at most once', detail: 'charges <= sent.Charge is false', step: false }],
    });
    render(<ConfigurationPanels view={broken} />);
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('VIOLATION: invariant charged at most once: charges <= sent.Charge is false');
  });

  it('names the step a run ends on when it violates while computed, with each violation it produces', () => {
    const ended = view({
      violatingStep: { index: 5, label: 'deliver Charge#1' },
      violations: [
        { kind: 'replay', name: 'Charge', detail: 'the outcome differs from the first delivery', step: true },
        { kind: 'out-of-range', name: 'charges', detail: 'charges := 4 is outside 0..3', step: true },
      ],
    });
    render(<ConfigurationPanels view={ended} />);
    const lines = [...host.querySelectorAll('[role="alert"] > div')].map((d) => d.textContent);
    expect(lines[0]).toMatch(/^Step 5, deliver Charge#1, violates while it is computed: it produces no configuration/);
    expect(lines.slice(1)).toEqual([
      'VIOLATION: replay Charge: the outcome differs from the first delivery',
      'VIOLATION: out-of-range charges: charges := 4 is outside 0..3',
    ]);
    render(<StepList steps={[]} onTake={() => {}} violated violatingStep={ended.violatingStep} />);
    expect(host.querySelector('[role="status"]')?.textContent).toMatch(/^The run ends on step 5, deliver Charge#1: it violates while it is computed/);
  });

  it('shows the persisted record, the durable dedupe table and the ambiguous client', () => {
    render(<ConfigurationPanels view={view()} />);
    const persisted = host.querySelector('section[aria-label="Persisted record"]')!;
    expect(persisted.textContent).toContain('balance');
    expect(persisted.querySelector('table[aria-label="durable dedupe table"]')?.textContent).toContain('Charge#1');
    expect(host.querySelector('[data-testid="client-1"]')?.textContent).toContain('ambiguous');
    expect(host.querySelector('[data-testid="client-1"]')?.textContent).toContain('amount=2');
    expect(host.querySelector('tr[data-changed="true"]')?.textContent).toContain('charges');
  });

  it('draws each run step as a focusable row that jumps when clicked or on Enter', () => {
    const onJump = vi.fn();
    render(
      <SequenceDiagram
        start={{ requests: [1], initialState: 'Idle' }}
        events={[{ index: 1, label: 'send Charge#1', kind: 'send', request: 1, stateAfter: 'Idle', modeAfter: 'up' }]}
        cursor={1}
        onJump={onJump}
      />,
    );
    const rows = [...host.querySelectorAll('g[role="button"]')];
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['step 0: start', 'step 1: send Charge#1']);
    expect(rows[1]!.getAttribute('tabindex')).toBe('0');
    expect(rows[1]!.getAttribute('aria-current')).toBe('step');
    act(() => rows[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(onJump).toHaveBeenCalledWith(0);
    act(() => rows[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(onJump).toHaveBeenCalledWith(1);
    act(() => rows[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(document.activeElement).toBe(rows[0]);
  });
});
