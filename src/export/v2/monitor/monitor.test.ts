import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../../engine/v2/explorer';
import { SimulationV2 } from '../../../engine/v2/simulator';
import { loadExampleV2, participantExamplesV2 } from '../../../engine/v2/testDesigns';
import type { ModelV2 } from '../../../model/v2/model';
import type { DesignV2 } from '../../../model/v2/schema';
import { harnessOrMonitorFiles } from '../index';
import { importModulesV2 } from '../testing/loadModules';
import { PUBLISHED_SET_DESIGNS, publishedSetDesign } from '../testing/setDesigns';
import { EngineSystem } from './engineSystem';
import { StepMonitor, type MonitorOptions, type MonitorReport } from './monitorRuntime';

const EXAMPLES = participantExamplesV2();

type MonitorModule = { createMonitor(o: MonitorOptions): Promise<StepMonitor> };

/** The monitor over the exported modules (`export --to monitor`), and the same core over the engine (`monitor DESIGN LOG` on the command line). */
const SYSTEMS: [string, (model: ModelV2) => Promise<MonitorModule>][] = [
  [
    'exported modules',
    async (model) =>
      (await importModulesV2(harnessOrMonitorFiles(model, 'monitor')))['monitor.ts'] as MonitorModule,
  ],
  [
    'the engine',
    (model) =>
      Promise.resolve({
        createMonitor: (o: MonitorOptions) =>
          Promise.resolve(StepMonitor.following(new EngineSystem(model), o)),
      }),
  ],
];

async function feed(monitor: StepMonitor, lines: readonly string[]): Promise<MonitorReport[]> {
  const out: MonitorReport[] = [];
  for (const [i, l] of lines.entries()) out.push(...(await monitor.observe(l, i + 1)));
  return out;
}

/** The state invariants the engine finds false (those the exported functions check: not over `crashes`). */
function engineBroken(model: ModelV2, sim: SimulationV2): string[] {
  const checkable = new Set(
    [...model.invariants, ...model.roles.flatMap((r) => r.invariants)]
      .filter((i) => i.kind === 'state' && !/\bcrashes\b/.test(i.expr.text))
      .map((i) => i.name),
  );
  return [...new Set(sim.violations().map((v) => v.name))].filter((n) => checkable.has(n)).sort();
}

/** Each channel example with every network fault and a crash, as the system property test varies them. */
function faulty(d: DesignV2): void {
  const net = d.environment?.network;
  if (!net || net.model !== 'channels') return;
  d.environment = {
    ...d.environment,
    network: { ...net, capacity: 2, drop: 1, duplicate: 1, reorder: true },
    crashes: Math.max(1, d.environment?.crashes ?? 0),
  };
}

describe.each(SYSTEMS)('the version-2 monitor over %s', (_system, moduleOf) => {
  const monitorOf = async (model: ModelV2, options: MonitorOptions = {}): Promise<StepMonitor> =>
    (await moduleOf(model)).createMonitor(options);

  describe('accepts what the design allows', () => {
    const cases: [string, ModelV2][] = [
      ...EXAMPLES.map((f): [string, ModelV2] => [f, loadExampleV2(f)]),
      ...['two-phase-commit-fixed.protocol.json', 'lease-calls-fixed.protocol.json'].map(
        (f): [string, ModelV2] => [
          `${f} (drop, duplicate, reorder, crash)`,
          loadExampleV2(f, undefined, faulty),
        ],
      ),
      // Sets and maps keyed by values (docs/format-v2.md §2, §5).
      ...PUBLISHED_SET_DESIGNS.map((f): [string, ModelV2] => [`published ${f}`, publishedSetDesign(f)]),
    ];

    it.each(cases)(
      '%s: every run of the engine reads without a report but the invariants it breaks',
      async (_name, model) => {
        const exported = await moduleOf(model);
        await fc.assert(
          fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (choices) => {
            const monitor = await exported.createMonitor({});
            const sim = new SimulationV2(model);
            const reports: MonitorReport[] = [];
            for (const choice of choices) {
              const steps = sim.enabled();
              const good = steps.filter((s) => s.next !== null);
              if (good.length === 0 || engineBroken(model, sim).length > 0) break;
              const pick = good[choice % good.length]!;
              sim.take(steps.indexOf(pick));
              reports.push(...(await monitor.observe(pick.label)));
            }
            expect(reports.filter((r) => r.kind !== 'invariant')).toEqual([]);
            expect(
              reports
                .filter((r) => r.kind === 'invariant')
                .map((r) => r.name)
                .sort(),
            ).toEqual(engineBroken(model, sim));
            expect(monitor.view().instances.map((i) => i.state)).toEqual(
              sim.view().instances.map((i) => i.state),
            );
          }),
          { numRuns: 20 },
        );
      },
      60_000,
    );
  });

  describe('flags what the design forbids', () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json');

    it('a delivery of a message never sent, and an event whose guard is false, are not allowed and not taken', async () => {
      const monitor = await monitorOf(model);
      const [commit, decide] = await feed(monitor, ['RM[1] receive Commit', 'TM Decide']);
      expect(commit).toMatchObject({ kind: 'not-allowed', line: 1, name: 'RM[1]' });
      expect(commit!.message).toContain('RM[1] may: RM[1] Vote(value=yes); RM[1] Vote(value=no)');
      expect(decide).toMatchObject({ kind: 'not-allowed', line: 2, name: 'TM' });
      expect(monitor.view().instances.map((i) => i.state)).toEqual(['collecting', 'working', 'working']);
      expect(await feed(monitor, ['RM[1] Vote(value=yes)', 'TM receive Vote(value=yes) from RM[1]'])).toEqual(
        [],
      );
    });

    it('a send the step does not make is reported; one it makes is not; with sends logged, a missing one is', async () => {
      const monitor = await monitorOf(model, { sendsLogged: true });
      const reports = await feed(monitor, [
        'RM[1] Vote(value=yes)',
        'RM[1] sent Vote(value=no) to TM',
        'RM[1] sent Vote(value=yes) to TM',
        'RM[2] Vote(value=no)',
        'crash RM[2]',
      ]);
      expect(reports.map((r) => [r.kind, r.line])).toEqual([
        ['send', 2],
        ['missing-send', 5],
      ]);
      expect(reports[1]!.message).toBe(
        'RM[2] never sent Vote(value=no) to TM, which its previous step sends',
      );
    });

    it("a crash beyond the budget is not allowed; a restart takes the design's restart transition", async () => {
      const monitor = await monitorOf(model);
      const reports = await feed(monitor, ['crash TM', 'restart TM', 'crash RM[1]']);
      expect(reports.map((r) => [r.kind, r.text])).toEqual([['not-allowed', 'crash RM[1]']]);
      expect(monitor.view().instances[0]!.state).toBe('aborted');
    });

    it('the shortest counterexample of the broken two-phase commit breaks "all or nothing", reported once with its trace', async () => {
      const broken = loadExampleV2('two-phase-commit-broken.protocol.json');
      const v = exploreV2(broken, {}).violations.find((x) => x.kind === 'invariant')!;
      const labels = v.trace.map((s) => s.label);
      const monitor = await monitorOf(broken, { maxTrace: 3 });
      const reports = await feed(monitor, labels);
      expect(reports.map((r) => [r.kind, r.name, r.line])).toEqual([['invariant', v.name, labels.length]]);
      // Bounded evidence: the last three steps.
      expect(reports[0]!.trace).toEqual(labels.slice(-3));
    });

    it('on first-in-first-out channels a message received past another reads as a drop, within the drop budget only', async () => {
      // A coordinator that answers a no with Abort and then Commit: two different messages on one channel.
      const twoSends = (drop: number) =>
        loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, (d) => {
          d.environment = { ...d.environment, network: { model: 'channels', capacity: 2, drop } };
          d.roles[0]!.transitions.find((t) => t.id === 'tm-no')!.send = [
            { message: 'Abort', toAll: true },
            { message: 'Commit', toAll: true },
          ];
        });
      const lines = ['RM[2] Vote(value=no)', 'TM receive Vote(value=no) from RM[2]', 'RM[1] receive Commit'];
      const lossy = await monitorOf(twoSends(1));
      expect(await feed(lossy, lines)).toEqual([]);
      expect(lossy.view().used.drops).toBe(1);
      expect(lossy.view().network).toEqual(['TM→RM[2]: Abort, Commit']);
      const reliable = await monitorOf(twoSends(0));
      expect((await feed(reliable, lines)).map((r) => [r.kind, r.line])).toEqual([['not-allowed', 3]]);
    });

    it('lines given without awaiting each are read in order', async () => {
      const monitor = await monitorOf(model);
      const reports = await Promise.all(
        [
          'RM[1] Vote(value=yes)',
          'TM receive Vote(value=yes) from RM[1]',
          'RM[2] Vote(value=yes)',
          'TM receive Vote(value=yes) from RM[2]',
          'TM Decide',
        ].map((l, i) => monitor.observe(l, i + 1)),
      );
      expect(reports.flat()).toEqual([]);
      expect(monitor.view().instances[0]!.state).toBe('committed');
    });

    it('a line longer than the limit is a bad line', async () => {
      const monitor = await monitorOf(model);
      expect((await monitor.observe('x'.repeat(5000), 9))[0]).toMatchObject({ kind: 'bad-line', line: 9 });
    });
  });
});
