import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';
import { crashOnlyDesign, loadExampleV2, type CrashOnlyRole } from './testDesigns';

/** Per-role crash settings (docs/format-v2.md §7): the crash step honours them, and they change verdicts. */

function model(design: DesignV2): ModelV2 {
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}

/**
 * An independent plain search of the same rules, written from the reference: an instance is up
 * or down; crash needs it up, the design's budget not spent and its role's limit not reached;
 * restart brings a down instance up. The configuration holds the modes, the total, and an
 * instance's own count only when its role's limit is below the budget (§8).
 */
function plainSearch(roles: readonly CrashOnlyRole[], budget: number): { states: number; transitions: number } {
  const limits = roles.flatMap((r) => Array.from({ length: r.instances }, () => (budget === 0 ? 0 : Math.min(r.crashes ?? budget, budget))));
  const counted = roles.flatMap((r) => Array.from({ length: r.instances }, () => r.crashes !== undefined && r.crashes > 0 && r.crashes < budget));
  type Config = { down: boolean[]; count: number[]; total: number };
  const key = (c: Config) => JSON.stringify([c.down, c.count.map((n, i) => (counted[i] ? n : 0)), c.total]);
  const start: Config = { down: limits.map(() => false), count: limits.map(() => 0), total: 0 };
  const seen = new Set([key(start)]);
  const queue = [start];
  let transitions = 0;
  while (queue.length) {
    const c = queue.shift()!;
    const successors: Config[] = [];
    c.down.forEach((down, i) => {
      if (down) successors.push({ ...c, down: c.down.map((d, j) => (j === i ? false : d)) });
    });
    c.down.forEach((down, i) => {
      if (!down && c.total < budget && c.count[i]! < limits[i]!) {
        successors.push({ down: c.down.map((d, j) => (j === i ? true : d)), count: c.count.map((n, j) => (j === i ? n + 1 : n)), total: c.total + 1 });
      }
    });
    for (const s of successors) {
      transitions++;
      if (!seen.has(key(s))) {
        seen.add(key(s));
        queue.push(s);
      }
    }
  }
  return { states: seen.size, transitions };
}

describe('per-role crash settings', () => {
  it('count as a plain search of the crash rules counts them', () => {
    const cases: [CrashOnlyRole[], number][] = [
      [[{ instances: 2 }], 2],
      [[{ instances: 2, crashes: 1 }], 2],
      [[{ instances: 2, crashes: 0 }], 2],
      [[{ instances: 3, crashes: 1 }], 3],
      [[{ instances: 2, crashes: 2 }], 3],
      [[{ instances: 1, crashes: 0 }, { instances: 3, crashes: 1 }], 2],
      [[{ instances: 1, crashes: 1 }, { instances: 2 }], 3],
      [[{ instances: 2, crashes: 3 }, { instances: 1, crashes: 1 }], 2],
    ];
    for (const [roles, budget] of cases) {
      const r = exploreV2(model(crashOnlyDesign(roles, budget)));
      expect([r.states, r.transitions], JSON.stringify([roles, budget])).toEqual(Object.values(plainSearch(roles, budget)));
    }
  });

  it('by hand: two instances, budget 2: 8 configurations; at most one crash each: 9; never: 1', () => {
    // Budget alone: total 0 (both up), 1 (one down, or both up again: 3), 2 (4 mode pairs) = 8.
    expect(exploreV2(model(crashOnlyDesign([{ instances: 2 }], 2))).states).toBe(8);
    // One each: after one crash and restart, which instance used its crash matters: 1 + 4 + 4 = 9.
    expect(exploreV2(model(crashOnlyDesign([{ instances: 2, crashes: 1 }], 2))).states).toBe(9);
    expect(exploreV2(model(crashOnlyDesign([{ instances: 2, crashes: 0 }], 2))).states).toBe(1);
  });

  it('turn the broken two-phase commit correct when only the resource managers may crash', () => {
    const tmNever = exploreV2(loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => (d.roles.find((r) => r.name === 'TM')!.crashes = 0)));
    expect(tmNever.verdict).toBe('ok');
    expect(tmNever.coverage.transitions.unreached).toContain('presume-abort');
    const rmNever = exploreV2(loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => (d.roles.find((r) => r.name === 'RM')!.crashes = 0)));
    expect(rmNever.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['invariant', 'all or nothing', 10]]);
    expect(rmNever.violations[0]!.trace.map((s) => s.label)).toContain('crash TM');
  });

  it('decide the broken primary/backup: the acked write is lost only when the backup may crash', () => {
    const checked = (edit: (d: DesignV2) => void) => exploreV2(loadExampleV2('primary-backup-broken.protocol.json', undefined, edit));
    const roleOf = (d: DesignV2, name: string) => d.roles.find((r) => r.name === name)!;
    expect(checked((d) => (roleOf(d, 'Backup').crashes = 0)).verdict).toBe('ok');
    const clientNever = checked((d) => (roleOf(d, 'Client').crashes = 0));
    expect(clientNever.violations.map((v) => [v.name, v.depth])).toEqual([['acked write survives', 7]]);
    // The client crashing too only adds configurations: fewer here than with the default.
    expect(clientNever.states).toBeLessThan(checked(() => {}).states);
  });

  it('offer crash in the simulator only for instances that may still crash', () => {
    const m = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, crashes: 3 };
      d.roles.find((r) => r.name === 'TM')!.crashes = 0;
      d.roles.find((r) => r.name === 'RM')!.crashes = 1;
    });
    const sim = new SimulationV2(m);
    const crashes = () => sim.enabled().map((s) => s.label).filter((l) => l.startsWith('crash'));
    expect(crashes()).toEqual(['crash RM[1]', 'crash RM[2]']);
    sim.take(sim.enabled().findIndex((s) => s.label === 'crash RM[1]'));
    expect(crashes()).toEqual(['crash RM[2]']);
    sim.take(sim.enabled().findIndex((s) => s.label.startsWith('restart RM[1]')));
    expect(crashes()).toEqual(['crash RM[2]']);
    expect(sim.view().used.crashes).toBe(1);
  });
});
