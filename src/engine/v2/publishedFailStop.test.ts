import { describe, expect, it } from 'vitest';
import { createExplorationV2, exploreV2 } from './explorer';
import { expectBrokenBy, loadPublishedV2 } from './testDesigns';
import { viewConfigurationV2 } from './view';

/**
 * nbacg_guer01.tla (tlaplus/Examples, N = 3; manifest.json: 24,922 distinct states, depth 16), a
 * crash-stop specification written with a fail-stop role (docs/format-v2.md §7, §17): Crash(i) is
 * the engine's crash step, and the counts of messages faulty processes may have sent are read with
 * down(i). TLC keeps counts where the design keeps which process sent or crashed, so the design has
 * more configurations; mapped onto TLC's variables they are exactly TLC's distinct states.
 */
const FILE = 'nbacg-guer01.protocol.json';

describe('nbacg_guer01.tla with nbacg_guer01.cfg (N = 3), processes that crash for good', () => {
  it('our figures: 74,296 configurations from 64 initial ones, depth 18; AgrrLtl holds', () => {
    const r = exploreV2(loadPublishedV2(FILE));
    expect([r.verdict, r.states, r.transitions, r.depth]).toEqual(['ok', 74296, 213744, 18]);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it("read as TLC's variables (pc BYZ when down, the message counts summed): TLC's 24,922 distinct states, depth 16 as TLC counts it", () => {
    const model = loadPublishedV2(FILE);
    const e = createExplorationV2(model);
    while (!e.run(1000));
    const n = e.result().states;
    const depth = new Int32Array(n);
    // Each TLC state, with the least depth of a configuration that reads as it (records are in breadth-first order).
    const tlc = new Map<string, number>();
    for (let r = 0; r < n; r++) {
      const stored = e.stored(r);
      depth[r] = stored.parent < 0 ? 0 : depth[stored.parent]! + 1;
      const view = viewConfigurationV2(model, stored.configuration);
      const sum = (f: (i: (typeof view.instances)[number]) => boolean) => view.instances.filter(f).length;
      const key = JSON.stringify([
        sum((i) => i.vars.sentNo === true),
        sum((i) => i.vars.sentYes === true),
        sum((i) => i.recovering && i.state === 'NO'),
        sum((i) => i.recovering && i.state === 'YES'),
        view.instances.map((i) => [i.vars.nRcvdYes, i.vars.nRcvdNo, i.vars.someFail, i.recovering ? 'BYZ' : i.state]),
      ]);
      if (!tlc.has(key)) tlc.set(key, depth[r]!);
    }
    expect(tlc.size).toBe(24922);
    expect(Math.max(...tlc.values()) + 1).toBe(16);
  });

  it('is not vacuous: committing on two YES messages breaks AgrrLtl', () => {
    const r = exploreV2(loadPublishedV2(FILE, (d) => (d.roles[0]!.transitions.find((t) => t.id === 'commit')!.guard = 'nRcvdNo == 0 && nRcvdYes >= 2')));
    expectBrokenBy(r, 'AgrrLtl');
    expect(r.violations[0]!.depth).toBe(6);
  });
});
