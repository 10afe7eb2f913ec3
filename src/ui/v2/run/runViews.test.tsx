// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readExampleV2, twoStarts } from '../../../engine/v2/testDesigns';
import { createRoleOverlayStore } from '../../../store/v2/roleOverlay';
import { runStoresV2Of, setCheckRunnerV2ForTests } from '../../../store/v2/runStores';
import { startCheckV2 } from '../../../worker/checkClientV2';
import { inProcessWorkerV2 } from '../../../worker/testWorkerV2';
import { CheckV2, SimulateV2 } from './index';
import { testRoot } from '../../common/testRoot';

const { host: hostOf, render, button, click } = testRoot();
let host: HTMLDivElement;
beforeEach(() => {
  host = hostOf();
  setCheckRunnerV2ForTests((design, limits) => startCheckV2(design, limits, () => inProcessWorkerV2()));
});
afterEach(() => {
  setCheckRunnerV2ForTests(null);
});

const design = readExampleV2('two-phase-commit-broken.protocol.json');
// The same design with a TM state nothing enters: coverage must name it.
const withLimbo = { ...design, roles: design.roles.map((r) => (r.name === 'TM' ? { ...r, states: [...r.states, { name: 'limbo' }] } : r)) };

/** Clicks Run check and waits until the check of `overlay`'s run is done. */
async function runCheck(overlay: ReturnType<typeof createRoleOverlayStore>): Promise<void> {
  const done = new Promise<void>((resolve) => {
    const stop = runStoresV2Of(overlay).check.subscribe((s) => {
      if (s.status === 'done') {
        stop();
        resolve();
      }
    });
  });
  click(button('Run check'));
  await act(() => done);
}

const stateOf = (name: string) => host.querySelector(`[data-testid="state-${name}"]`)?.textContent;

describe('SimulateV2', () => {
  it('takes steps by button, digit key and canvas click; travels in time; draws every instance', () => {
    const overlay = createRoleOverlayStore();
    render(<SimulateV2 design={design} documentId="doc" overlay={overlay} />);
    expect(host.querySelectorAll('[aria-label^="Instance "]')).toHaveLength(3);
    click(button('RM[1] Vote(value=yes)'));
    expect(stateOf('RM[1]')).toBe('prepared');
    expect([...overlay.getState().roles.get('RM')!.instancesIn.get('prepared')!]).toEqual(['RM[1]']);
    // Key 1 takes the first step shown: TM receives the vote.
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' })));
    expect(host.textContent).toContain('Step 2 of 2');
    // A click on RM's vote-yes transition (index 0) on the canvas takes it for RM[2].
    act(() => overlay.getState().onTransitionClick!('RM', 0));
    expect(stateOf('RM[2]')).toBe('prepared');
    click(button('crash TM'));
    expect(host.textContent).toContain('(down)');
    expect(host.querySelector('[data-mark="crash"]')).not.toBeNull();
    // Back two steps, then a different step forks the run.
    click(button('Undo step'));
    click(button('Undo step'));
    expect(host.textContent).toContain('Step 2 of 4');
    click(button('RM[2] Vote(value=no)'));
    expect(host.textContent).toContain('Step 3 of 3');
    click(button('step 1: RM[1] Vote(value=yes)'));
    expect(host.textContent).toContain('Step 1 of 3');
    expect(host.querySelectorAll('[data-arrow]').length).toBeGreaterThan(0);
  });

  it('clears click-to-step when it unmounts', () => {
    const overlay = createRoleOverlayStore();
    render(<SimulateV2 design={design} documentId="doc" overlay={overlay} />);
    expect(overlay.getState().onTransitionClick).toBeTypeOf('function');
    render(<p />);
    expect(overlay.getState().onTransitionClick).toBeUndefined();
  });
});

describe('CheckV2', () => {
  it('checks in the worker, shows the violation and coverage, and replays it into Simulate', async () => {
    const overlay = createRoleOverlayStore();
    const onShowSimulate = vi.fn();
    render(<CheckV2 design={withLimbo} documentId="doc" overlay={overlay} onShowSimulate={onShowSimulate} />);
    await runCheck(overlay);
    expect(host.querySelector('[data-testid="verdict"]')!.textContent).toBe('Violation: 1 shortest trace at depth 10.');
    expect(host.querySelector('[aria-label="coverage of TM"]')!.textContent).toContain('state limbo');
    expect(overlay.getState().roles.get('TM')!.dimmedStates).toEqual(['limbo']);
    // No calls: no outcomes per call site.
    expect(host.querySelector('[aria-label="Client outcomes per call site"]')).toBeNull();
    const table = host.querySelector('[aria-label="trace of all or nothing"]')!;
    // The command line's table: row 0 is the initial configuration, then one row per step (the crash forgets TM's volatile vars).
    expect(table.querySelectorAll('tbody tr')).toHaveLength(11);
    const cells = [...table.querySelector('tbody tr:nth-child(9)')!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['8', 'crash TM', 'collecting (down) yes[RM[1]]=false yes[RM[2]]=false told[RM[1]]=false', 'committed', 'prepared', '']);
    click(button('Replay invariant all or nothing'));
    expect(onShowSimulate).toHaveBeenCalled();
    render(<SimulateV2 design={withLimbo} documentId="doc" overlay={overlay} />);
    expect(host.textContent).toContain('Step 0 of 10');
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })));
    expect(host.textContent).toContain('Step 1 of 10');
    click(button('step 10: RM[2] receive Abort'));
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('all or nothing');
  });

  it('shows the client outcomes per call site, timeout as the ambiguous third, and replays a shortest run to one', async () => {
    const calls = readExampleV2('lease-calls-fixed.protocol.json');
    const overlay = createRoleOverlayStore();
    const onShowSimulate = vi.fn();
    render(<CheckV2 design={calls} documentId="calls" overlay={overlay} onShowSimulate={onShowSimulate} />);
    await runCheck(overlay);
    const section = host.querySelector('[aria-label="Client outcomes per call site"]')!;
    expect([...section.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['call site', 'ok', 'error', 'timeout (ambiguous)']);
    const row = section.querySelector('[aria-label="outcomes of Client → Lock.Acquire"]')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Client → Lock.Acquire', '200 Replay', '80 Replay', '162 Replay']);
    expect(section.textContent).toContain('neither success nor failure');
    // Coverage counts the transitions written; the call's machinery is listed per call site apart.
    expect([...host.querySelector('[aria-label="coverage of Client"]')!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Client', '4/4', '4/4', 'none']);
    expect(host.querySelector('[aria-label="Call machinery"]')!.textContent).toContain('Client → Lock.Acquire: a timed-out call was retried;');
    click(button('Replay a shortest run where Client → Lock.Acquire timed out'));
    expect(onShowSimulate).toHaveBeenCalled();
    render(<SimulateV2 design={calls} documentId="calls" overlay={overlay} />);
    expect(host.textContent).toContain('Step 0 of 12');
  });
});

describe('several initial configurations', () => {
  it('Replay starts where the trace starts, and the picker starts the run over from another', async () => {
    const overlay = createRoleOverlayStore();
    render(<CheckV2 design={twoStarts} documentId="starts" overlay={overlay} onShowSimulate={() => {}} />);
    await runCheck(overlay);
    click(button('Replay invariant under three'));
    render(<SimulateV2 design={twoStarts} documentId="starts" overlay={overlay} />);
    const picker = host.querySelector<HTMLSelectElement>('[aria-label="Initial configuration"] select')!;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['1: Counter[2].n = 0', '2: Counter[2].n = 2']);
    expect(picker.value).toBe('1');
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })));
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('under three');
    click(button('Previous initial configuration'));
    expect(host.querySelector<HTMLSelectElement>('[aria-label="Initial configuration"] select')!.value).toBe('0');
    expect(host.textContent).toContain('Step 0 of 0');
    expect((button('Previous initial configuration') as HTMLButtonElement).disabled).toBe(true);
  });
});
