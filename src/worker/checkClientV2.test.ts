import { describe, expect, it } from 'vitest';
import { readExampleV2 } from '../engine/v2/testDesigns';
import { startCheckV2 } from './checkClientV2';
import type { ValidatedDesignV2 } from './protocol';
import { inProcessWorkerV2 } from './testWorkerV2';

function design(file: string, rms?: number): ValidatedDesignV2 {
  const d = readExampleV2(file);
  if (rms !== undefined) d.roles[d.roles.length - 1]!.instances = rms;
  return { design: d, identity: file };
}

describe('the version-2 check client and worker session', () => {
  it('finds the broken 2PC violation with a shortest trace, with progress on the way', async () => {
    const progress: number[] = [];
    const check = startCheckV2(design('two-phase-commit-broken.protocol.json'), {}, () => inProcessWorkerV2());
    check.subscribe((p) => progress.push(p.states));
    const outcome = await check.result;
    if (outcome.kind !== 'result') throw new Error(outcome.kind);
    expect(outcome.result.verdict).toBe('violation');
    expect(outcome.result.violations.map((v) => v.name)).toEqual(['all or nothing']);
    expect(outcome.result.violations[0]!.trace.at(-1)!.violation).toMatch(/all or nothing/);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('cancels a long check and reports what was explored (not a pass)', async () => {
    // Cancelled at its first progress report, not after a time: however fast or loaded the
    // machine, the search (296,448 configurations) is under way and not finished.
    const check = startCheckV2(design('tla-two-phase.protocol.json', 7), {}, () => inProcessWorkerV2());
    check.subscribe(() => check.cancel());
    const outcome = await check.result;
    if (outcome.kind !== 'result') throw new Error(outcome.kind);
    expect(outcome.result.verdict).toBe('incomplete');
    expect(outcome.result.limit).toBe('cancelled');
    expect(outcome.result.states).toBeGreaterThan(0);
    expect(outcome.result.states).toBeLessThan(296_448);
  });

  it('reports a design that does not load as a failure, never a verdict', async () => {
    const bad = { design: { ...readExampleV2('two-phase-commit-broken.protocol.json'), roles: [] }, identity: 'x' };
    const outcome = await startCheckV2(bad, {}, () => inProcessWorkerV2()).result;
    expect(outcome.kind).toBe('failed');
  });

  it('reports the client outcomes per call site of a design with calls', async () => {
    const outcome = await startCheckV2(design('lease-calls-fixed.protocol.json'), {}, () => inProcessWorkerV2()).result;
    if (outcome.kind !== 'result') throw new Error(outcome.kind);
    expect(outcome.result.outcomes).toEqual([expect.objectContaining({ site: 'Client → Lock.Acquire', ok: 200, error: 80, timeout: 162 })]);
    expect(outcome.result.outcomes![0]!.traces.timeout).toHaveLength(12);
  });
});
