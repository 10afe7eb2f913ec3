// @vitest-environment jsdom
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../../cli/check';
import type { CheckResult } from '../../../engine/result';
import { resultWithClients } from '../../../engine/v2/clients';
import { readExampleV2 } from '../../../engine/v2/testDesigns';
import { setCheckRunnerForTests } from '../../../store/simulationStores';
import { clientRunStoresOf } from '../../../store/v2/clientRunStores';
import { createRoleOverlayStore, type RoleOverlayStore } from '../../../store/v2/roleOverlay';
import { startCheck } from '../../../worker/checkClient';
import { inProcessWorker } from '../../../worker/testWorker';
import { CheckV2, SimulateV2 } from './index';
import { testRoot } from '../../common/testRoot';

const { host: hostOf, render, button, click } = testRoot();
let host: HTMLDivElement;
beforeEach(() => {
  host = hostOf();
  setCheckRunnerForTests((design, limits) => startCheck(design, limits, () => inProcessWorker()));
});
afterEach(() => {
  setCheckRunnerForTests(null);
  vi.restoreAllMocks();
});

const BROKEN = 'lease-service-retries-broken.protocol.json';
const FIXED = 'lease-service-retries-fixed.protocol.json';

const verdict = () => host.querySelector('[data-testid="verdict"]')!.textContent;

/** Renders Check, runs the check in the in-process worker, and resolves once it is done. */
async function check(file: string, overlay: RoleOverlayStore, onShowSimulate = () => {}): Promise<CheckResult> {
  render(<CheckV2 design={readExampleV2(file)} documentId={file} overlay={overlay} onShowSimulate={onShowSimulate} />);
  const store = clientRunStoresOf(overlay).check;
  const done = new Promise<CheckResult>((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.status === 'done' && s.result) {
        stop();
        resolve(s.result);
      }
    });
  });
  click(button('Run check'));
  return act(() => done);
}

/** What `protocol-studio check FILE --json --threads 1` prints, without the figures of time and memory. */
async function cliResult(file: string): Promise<Record<string, unknown>> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await checkCommand([join(import.meta.dirname, '../../../../examples/v2', file), '--json', '--threads', '1']);
  vi.restoreAllMocks();
  return withoutTimes(JSON.parse(out) as Record<string, unknown>);
}
function withoutTimes(r: object): Record<string, unknown> {
  const { seconds: _s, statesPerSecond: _p, bytesPerState: _b, threads: _t, ...rest } = r as Record<string, unknown>;
  return rest;
}

describe('a version-2 design with clients in the studio', () => {
  it('Check finds what the command line finds, replays it in Simulate, and re-checks the role\'s own invariants', async () => {
    const overlay = createRoleOverlayStore();
    const onShowSimulate = vi.fn();
    const result = await check(BROKEN, overlay, onShowSimulate);
    expect(verdict()).toBe('Violation: 1 shortest trace at depth 6.');
    // The same result as the command line, to the trace and the coverage (named as version 2 names them).
    expect(withoutTimes(JSON.parse(JSON.stringify(resultWithClients(result, 'LockService'))) as object)).toEqual(await cliResult(BROKEN));
    // The replay check's meaning, and the second check, of the role's own invariants with the replay check off.
    expect(host.textContent).toContain('A retry or duplicate of Acquire reached the machine');
    const recheck = clientRunStoresOf(overlay).recheck;
    await act(
      () =>
        new Promise<void>((resolve) => {
          if (recheck.getState().status === 'done') resolve();
          const stop = recheck.subscribe((s) => s.status === 'done' && (stop(), resolve()));
        }),
    );
    expect(host.querySelector('[aria-label="Your invariants"]')!.textContent).toMatch(/also breaks|every one of your own invariants holds/);
    click(button('Replay replay Acquire'));
    expect(onShowSimulate).toHaveBeenCalled();

    render(<SimulateV2 design={readExampleV2(BROKEN)} documentId={BROKEN} overlay={overlay} />);
    expect(host.textContent).toContain('Step 0 of 6');
    // Time travel: → steps forward, the role's canvas follows (its one instance, the last transition).
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })));
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' })));
    expect(host.textContent).toContain('Step 2 of 6');
    const lane = overlay.getState().roles.get('LockService')!;
    expect([...lane.instancesIn]).toEqual([['held', ['LockService']]]);
    expect(lane.lastTransition).toBe(0);
    click(button('step 6: deliver Acquire#1'));
    expect(host.textContent).toContain('Step 6 of 6');
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('Acquire');
  });

  it('the fixed design checks OK with the command line\'s client outcomes, each with a Replay', async () => {
    const overlay = createRoleOverlayStore();
    const result = await check(FIXED, overlay);
    expect(verdict()).toMatch(/^OK/);
    expect(withoutTimes(JSON.parse(JSON.stringify(resultWithClients(result, 'LockService'))) as object)).toEqual(await cliResult(FIXED));
    expect(host.querySelector('[aria-label="Client outcomes"]')!.textContent).toContain('ok 6 · error 0 · ambiguous 4');
    click(button('Replay a shortest run ending ambiguous'));
    render(<SimulateV2 design={readExampleV2(FIXED)} documentId={FIXED} overlay={overlay} />);
    expect(host.textContent).toMatch(/Step 0 of \d+/);
    expect(host.querySelector('[aria-label="Clients"]')).not.toBeNull();
  });

  it('Simulate takes steps by button, digit key and a click on the role\'s canvas; Undo steps back', () => {
    const overlay = createRoleOverlayStore();
    render(<SimulateV2 design={readExampleV2(BROKEN)} documentId="sim" overlay={overlay} />);
    expect(host.textContent).toContain('Step 0 of 0');
    click(button('send Acquire#1'));
    expect(overlay.getState().roles.get('LockService')!.enabledTransitions.has(0)).toBe(true);
    // A click on the grant transition (index 0) of the role's canvas delivers the request.
    act(() => overlay.getState().onTransitionClick!('LockService', 0));
    expect(host.querySelector('[data-testid="sim-state"]')!.textContent).toBe('held');
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' })));
    expect(host.textContent).toContain('Step 3 of 3');
    click(button('Undo step'));
    expect(host.textContent).toContain('Step 2 of 3');
    render(<p />);
    expect(overlay.getState().onTransitionClick).toBeUndefined();
  });
});
