import { describe, expect, it } from 'vitest';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';
import { Symmetry } from './symmetry';
import type { CheckResultV2 } from './result';
import { explorePartitionedV2 } from './threadResult';
import { traceRowsV2 } from './traceTable';
import { viewConfigurationV2 } from './view';
import { crashOnlyDesign, loadExampleV2, modelOfV2, walkV2 } from './testDesigns';

/**
 * Fail-stop roles (`"afterCrash": "stop"`, docs/format-v2.md §7): a crashed instance stays down for
 * the rest of the run, `down(i)` reads it, and a deadlock names an up instance blocked by it (§9).
 */

const STOPS = 'two-phase-commit-coordinator-stops.protocol.json';
const roleOf = (d: DesignV2, name: string) => d.roles.find((r) => r.name === name)!;

/** By hand: each instance of a stop role is up or down for good, at most `budget` down; the others as the restart rules make them. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

describe('fail-stop roles', () => {
  it('count as subsets of instances down for good: at most the budget, never restarted, at most once each', () => {
    for (const [instances, budget] of [[1, 1], [2, 1], [2, 2], [3, 2], [3, 3], [4, 2]] as const) {
      const r = exploreV2(modelOfV2(crashOnlyDesign([{ instances, stop: true }], budget)));
      let states = 0;
      let steps = 0;
      for (let k = 0; k <= Math.min(budget, instances); k++) {
        states += choose(instances, k);
        // From a configuration with k down (and budget left), each of the instances - k up ones crashes.
        if (k < budget) steps += choose(instances, k) * (instances - k);
      }
      expect([r.states, r.transitions], `${instances} instances, budget ${budget}`).toEqual([states, steps]);
    }
    // A role's crashes above 1 changes nothing: an instance that stopped cannot crash again.
    const three = exploreV2(modelOfV2(crashOnlyDesign([{ instances: 2, crashes: 3, stop: true }], 3)));
    expect(three.states).toBe(4);
    // "crashes": 0 with stop: never crashes, nothing to stop.
    expect(exploreV2(modelOfV2(crashOnlyDesign([{ instances: 2, crashes: 0, stop: true }], 3))).states).toBe(1);
  });

  it('"afterCrash": "restart" written out gives exactly the results of the design without the key', () => {
    for (const file of ['two-phase-commit-broken.protocol.json', 'two-phase-commit-fixed.protocol.json', 'primary-backup-broken.protocol.json']) {
      const plain = exploreV2(loadExampleV2(file));
      const written = exploreV2(loadExampleV2(file, undefined, (d) => d.roles.forEach((r) => (r.afterCrash = 'restart'))));
      const figures = (x: typeof plain) => [x.verdict, x.states, x.transitions, x.depth, x.coverage, x.violations.map((v) => [v.kind, v.name, v.depth, v.trace.map((s) => s.label)])];
      expect(figures(written), file).toEqual(figures(plain));
    }
  });

  it('the example: two-phase commit blocks when its coordinator fails for good (deadlock of a prepared participant, depth 3)', () => {
    const r = exploreV2(loadExampleV2(STOPS));
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['deadlock', 'RM[1]', 3], ['deadlock', 'RM[2]', 3]]);
    const first = r.violations[0]!;
    expect(first.trace.map((s) => s.label)).toEqual(['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)', 'crash TM']);
    expect(first.detail).toBe('Nothing is left to do but RM[1] is in prepared, which is not final (TM has crashed and never restarts).');
    // The second: RM[1] voted no, so the outcome can only be abort, yet RM[2] cannot know it.
    expect(r.violations[1]!.trace.map((s) => s.label)).toEqual(['RM[1] Vote(value=no)', 'RM[2] Vote(value=yes)', 'crash TM']);
    // The last configuration: TM down, both resource managers waiting, their votes still in flight to TM.
    const end = first.trace.at(-1)!.configuration;
    expect(end.instances.map((i) => [i.name, i.state, i.recovering])).toEqual([['TM', 'collecting', true], ['RM[1]', 'prepared', false], ['RM[2]', 'prepared', false]]);
    expect(end.network).toEqual(['RM[1]→TM: Vote(value=yes)', 'RM[2]→TM: Vote(value=yes)']);
    // The trace table writes the stopped coordinator's state as such (a restarting one's is "(down)").
    const model = loadExampleV2(STOPS);
    const { rows } = traceRowsV2(model, first, viewConfigurationV2(model, model.initial));
    expect(rows.at(-1)!.slice(0, 3)).toEqual(['3', 'crash TM', 'collecting (stopped)']);
  });

  it('the example without the deadlock check: every configuration, all or nothing holds, and a participant gives up only before it voted', () => {
    const r = exploreV2(loadExampleV2(STOPS, undefined, (d) => (d.environment = { ...d.environment, checks: { deadlock: false } })));
    expect([r.verdict, r.states, r.transitions, r.depth]).toEqual(['ok', 123, 250, 10]);
    expect(r.coverage.transitions.unreached).toEqual([]);
    // With a coordinator that restarts (the fixed design), the same participants never block.
    expect(exploreV2(loadExampleV2('two-phase-commit-fixed.protocol.json')).verdict).toBe('ok');
  });

  it('offers no step to a stopped instance, not even a receive, and no second crash', () => {
    const sim = walkV2(loadExampleV2(STOPS), ['RM[1] Vote(value=yes)', 'crash TM']);
    const labels = sim.enabled().map((s) => s.label);
    expect(labels.filter((l) => l.includes('TM'))).toEqual([]);
    // RM[2] has not voted: seeing the coordinator down, it may give up.
    expect(labels).toContain('RM[2] CoordinatorFailed');
    expect(sim.view().instances[0]!.recovering).toBe(true);
  });

  it('reads down(i) in guards and invariants, false for a role that never crashes', () => {
    const m = loadExampleV2(STOPS, undefined, (d) => {
      d.invariants = [
        { name: 'coordinator up', expr: '!down(TM)' },
        { name: 'no participant down', expr: 'forall r in RM: !down(r)' },
      ];
    });
    const r = exploreV2(m);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth, v.trace.map((s) => s.label)])).toEqual([['invariant', 'coordinator up', 1, ['crash TM']]]);
    // A guard reading down(TM) is never true while TM is up.
    const sim = new SimulationV2(loadExampleV2(STOPS));
    expect(sim.enabled().map((s) => s.label)).not.toContain('RM[1] CoordinatorFailed');
  });

  it('agree on 1, 2 and 3 partitions, the resource managers stopping too', async () => {
    const model = loadExampleV2(STOPS, 3, (d) => {
      d.environment = { ...d.environment, crashes: 2 };
      roleOf(d, 'RM').crashes = 1;
      roleOf(d, 'RM').afterCrash = 'stop';
    });
    const one = exploreV2(model);
    for (const count of [2, 3]) {
      const split = await explorePartitionedV2(model, {}, count, 256);
      expect([split.states, split.transitions, split.depth, split.violations.map((v) => `${v.kind} ${v.name} @${v.depth}`).sort()]).toEqual([
        one.states,
        one.transitions,
        one.depth,
        one.violations.map((v) => `${v.kind} ${v.name} @${v.depth}`).sort(),
      ]);
    }
  });

  it('under symmetry of the stopping resource managers: the classes of the full search, and the same deadlocks', () => {
    const edit = (symmetric: boolean, deadlock: boolean) => (d: DesignV2) => {
      d.environment = { ...d.environment, crashes: 2, checks: { deadlock } };
      roleOf(d, 'RM').crashes = 1;
      roleOf(d, 'RM').afterCrash = 'stop';
      if (symmetric) d.symmetry = { roles: ['RM'] };
    };
    const full = loadExampleV2(STOPS, 3, edit(false, false));
    const reduced = loadExampleV2(STOPS, 3, edit(true, false));
    const e = createExplorationV2(full);
    while (!e.run(1000));
    const sym = new Symmetry(reduced);
    const classes = new Set(Array.from({ length: e.result().states }, (_, r) => sym.canonical(e.stored(r).configuration).join())).size;
    const r = exploreV2(reduced);
    expect(r.verdict).toBe('ok');
    expect(r.states).toBe(classes);
    expect(r.states).toBeLessThan(e.result().states);
    const withDeadlock = (symmetric: boolean) => exploreV2(loadExampleV2(STOPS, 3, edit(symmetric, true)));
    // Which instance is named may differ (RM[1] or its image): the kinds and depths agree.
    const kinds = (x: CheckResultV2) => [...new Set(x.violations.map((v) => `${v.kind} ${v.depth}`))].sort();
    const reducedDeadlocks = withDeadlock(true);
    expect(kinds(reducedDeadlocks)).toEqual(kinds(withDeadlock(false)));
    for (const v of reducedDeadlocks.violations) walkV2(reduced, v.trace.map((s) => s.label));
  });
});

describe('deadlock beside stopped instances', () => {
  it('is not reported when every instance that is up is final, whatever state the stopped one is in', () => {
    // TM stops before anyone voted; both resource managers give up: nobody up is blocked.
    const sim = walkV2(loadExampleV2(STOPS), ['crash TM', 'RM[1] CoordinatorFailed', 'RM[2] CoordinatorFailed']);
    expect(sim.enabled()).toEqual([]);
    const r = exploreV2(loadExampleV2(STOPS, 1));
    // One resource manager: it votes yes, TM stops: deadlock; it votes no or gives up: no deadlock there.
    expect(r.violations.map((v) => [v.name, v.trace.map((s) => s.label)])).toEqual([['RM', ['RM Vote(value=yes)', 'crash TM']]]);
  });
});
