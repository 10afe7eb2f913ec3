import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { SCRATCH, typeCheck } from '../testing/compile';
import { exportDesignV2, harnessOrMonitorFiles, typeScriptModulesV2 } from './index';
import { promelaModelV2 } from './promela';
import { scxmlFilesV2 } from './scxml';
import { configurations } from './starts';
import { importModulesV2 } from './testing/loadModules';
import { startsDesign } from './testing/startsDesign';
import { ExportedSystem } from './testing/system';
import { xstateFilesV2 } from './xstate';

/**
 * Designs whose instances choose how they start (several initial states, listed initial values,
 * `initially`: docs/format-v2.md §2): every exporter writes the choice as the engine enumerates
 * it (`model.initials`), and the generated code takes it as a checked parameter.
 */

function load(value: unknown): ModelV2 {
  const r = loadAnyDesignValueV2(value);
  if (!r.ok || r.kind !== 'participants') throw new Error(`not a design of several participants: ${JSON.stringify(r.ok ? r.kind : r.errors)}`);
  return r.model;
}
const published = (name: string): ModelV2 => load(JSON.parse(readFileSync(join('test-fixtures/published', `${name}.protocol.json`), 'utf8')));
const model = load(startsDesign());

interface RoleModule {
  readonly Instance: { create(self: string, store: unknown, start?: unknown): Promise<{ snapshot(): { state: string; durable: Record<string, unknown>; ghost: Record<string, unknown> } }> };
  createMemoryStore(): unknown;
  readonly FIRST_START: unknown;
  readonly INITIAL_STATES: readonly string[];
}
interface InitialModule {
  readonly INITIAL_CONFIGURATIONS: readonly Record<string, { state: string; vars: Record<string, unknown> }>[];
  initialConfiguration(index: number): unknown;
}

describe('the TypeScript modules of a design with several initial configurations', () => {
  it('compile under strict tsc with the harness, the monitor and XState, and define nothing a name could inject', async () => {
    const files = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1), ...xstateFilesV2(model)];
    // And a variant whose choosing roles list no var (several initial states only) and whose \`initially\` leaves one configuration.
    const statesOnly = startsDesign();
    statesOnly.roles[0]!.vars![0]!.initial = 0;
    statesOnly.roles[1]!.vars![0]!.initial = false;
    statesOnly.initially = 'Voter[1].state == "yes" && Voter[2].state == "no"';
    const one = load(statesOnly);
    expect(one.initials).toHaveLength(1);
    const more = [...harnessOrMonitorFiles(one, 'harness'), ...harnessOrMonitorFiles(one, 'monitor').slice(-1), ...xstateFilesV2(one)];
    mkdirSync(join(SCRATCH, 'v2-starts'), { recursive: true });
    mkdirSync(join(SCRATCH, 'v2-starts-one'), { recursive: true });
    expect(typeCheck({ ...Object.fromEntries(files.map((f) => [`v2-starts/${f.name}`, f.text])), ...Object.fromEntries(more.map((f) => [`v2-starts-one/${f.name}`, f.text])) })).toEqual([]);
    // With one configuration the system and the monitor start in it without being told.
    const oneModules = await importModulesV2(more);
    expect((await (oneModules['system.ts'] as { startSystem(): Promise<{ instanceView(n: string): { state: string } }> }).startSystem()).instanceView('Voter[2]').state).toBe('no');
    expect(files.map((f) => f.name)).toContain('initial.ts');
    // The map called __proto__ is an own key of every start, never a prototype.
    const modules = await importModulesV2(typeScriptModulesV2(model));
    const initial = modules['initial.ts'] as InitialModule;
    const tally = initial.INITIAL_CONFIGURATIONS.map((c) => c['Tally']!.vars);
    expect(tally.every((v) => Object.prototype.hasOwnProperty.call(v, '__proto__') && Object.getPrototypeOf(v) === Object.prototype)).toBe(true);
  });

  it('lists the engine\'s initial configurations, in its order, each choosing instance\'s start', async () => {
    const modules = await importModulesV2(typeScriptModulesV2(model));
    const initial = modules['initial.ts'] as InitialModule;
    expect(model.initials).toHaveLength(48);
    expect(initial.INITIAL_CONFIGURATIONS).toEqual(configurations(model));
    model.initials.forEach((vector, k) => {
      const view = viewConfigurationV2(model, vector);
      const c = initial.INITIAL_CONFIGURATIONS[k]!;
      for (const inst of view.instances) expect(c[inst.name]?.state, `${k} ${inst.name}`).toBe(inst.state);
    });
    expect(() => initial.initialConfiguration(48)).toThrow(RangeError);
    expect(() => initial.initialConfiguration(1.5)).toThrow(/numbered 0 to 47/);
  });

  it('Instance.create takes the start, checks it and says what is wrong', async () => {
    const modules = await importModulesV2(typeScriptModulesV2(model));
    const voter = modules['role-Voter.ts'] as RoleModule;
    const tally = modules['role-Tally.ts'] as RoleModule;
    const inst = await voter.Instance.create('Voter[2]', voter.createMemoryStore(), { state: 'no', vars: { ballots: 1 } });
    expect(inst.snapshot().state).toBe('no');
    expect(inst.snapshot().ghost).toEqual({ ballots: 1 });
    await expect(voter.Instance.create('Voter[1]', voter.createMemoryStore(), { state: 'voted', vars: { ballots: 0 } })).rejects.toThrow('Voter[1]: the state cannot start as "voted"; its initial choices are "yes", "no"');
    await expect(voter.Instance.create('Voter[1]', voter.createMemoryStore(), { state: 'yes', vars: { ballots: 2 } })).rejects.toThrow(RangeError);
    await expect(voter.Instance.create('Voter[1]', voter.createMemoryStore())).rejects.toThrow(/a start is \{ state, vars \}/);
    await expect(tally.Instance.create('Tally', tally.createMemoryStore(), { state: 'open', vars: JSON.parse('{"__proto__": {"Voter[1]": true}}') })).rejects.toThrow('Tally: __proto__[Voter[2]] cannot start as undefined');
    const t = await tally.Instance.create('Tally', tally.createMemoryStore(), tally.FIRST_START);
    expect(t.snapshot().durable).toEqual(JSON.parse('{"__proto__": {"Voter[1]": false, "Voter[2]": false}, "yeses": 0}'));
  });

  it('the running system starts in the configuration asked for, and asks for one when there are several', async () => {
    const modules = await importModulesV2(typeScriptModulesV2(model));
    await expect(ExportedSystem.start(model, modules)).rejects.toThrow('the design has 48 initial configurations: say which one the system starts in (start: 0 to 47)');
    await expect(ExportedSystem.start(model, modules, 48)).rejects.toThrow(RangeError);
    for (const k of [0, 7, 47]) {
      const sys = await ExportedSystem.start(model, modules, k);
      // States and the listed vars (the engine's view drops a var called __proto__; system.property.test.ts compares whole views).
      const c = configurations(model)[k]!;
      for (const name of ['Voter[1]', 'Voter[2]', 'Tally']) {
        const v = sys.instanceView(name);
        expect(v.state, `${k} ${name}`).toBe(c[name]!.state);
        for (const [key, value] of Object.entries(c[name]!.vars)) expect(v.vars[key], `${k} ${name}.${key}`).toEqual(value);
      }
    }
  });

  it('the harness passes the reference from every configuration; the monitor needs to be told which', async () => {
    const files = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1)];
    const modules = await importModulesV2(files);
    const harness = modules['harness.ts'] as { findHarnessFailure(a: unknown, o: object): Promise<unknown>; referenceAdapters(): unknown; runTrace(a: unknown, l: string[], o: object): Promise<unknown> };
    expect(await harness.findHarnessFailure(harness.referenceAdapters(), { numRuns: 60, seed: 1 })).toBeNull();
    // A trace from the first configuration where a voter starts in no replays from there.
    const k = configurations(model).findIndex((c) => c['Voter[2]']!.state === 'no');
    expect(k).toBeGreaterThan(0);
    expect(await harness.runTrace(harness.referenceAdapters(), ['Voter[2] Cast', 'Tally receive Vote(value=no) from Voter[2] (ignored)'], { start: k })).toBeNull();
    await expect(harness.runTrace(harness.referenceAdapters(), ['Voter[2] Cast', 'Tally receive Vote(value=no) from Voter[2] (ignored)'], { start: 0 })).rejects.toThrow(/is not a step of the design after 1 steps/);
    const monitorModule = modules['monitor.ts'] as { createMonitor(o?: object): Promise<{ observe(line: string, n: number): Promise<unknown[]> }> };
    await expect(monitorModule.createMonitor()).rejects.toThrow(/say which one/);
    const monitor = await monitorModule.createMonitor({ start: k });
    expect(await monitor.observe('Voter[2] Cast', 1)).toEqual([]);
    expect(await monitor.observe('Tally receive Vote(value=no) from Voter[2]', 2)).toEqual([]);
    const wrongStart = await monitorModule.createMonitor({ start: 0 });
    await wrongStart.observe('Voter[2] Cast', 1);
    expect((await wrongStart.observe('Tally receive Vote(value=no) from Voter[2]', 2)).map((r) => (r as { kind: string }).kind)).toEqual(['not-allowed']);
  });

  it('the XState actor system spawns every instance as the configuration says, each machine in its initial state', async () => {
    const modules = await importModulesV2([...typeScriptModulesV2(model), ...xstateFilesV2(model)]);
    const system = (modules['system.xstate.ts'] as { system: AnyStateMachine }).system;
    for (const k of [0, 5]) {
      const actor = createActor(system, { input: { start: k } }).start();
      const c = configurations(model)[k]!;
      for (const name of ['Voter[1]', 'Voter[2]']) {
        const child = actor.system.get(name) as AnyActorRef;
        expect(child.getSnapshot().value, `${k} ${name}`).toBe(c[name]!.state);
        expect(child.getSnapshot().context.snapshot.ghost).toEqual(c[name]!.vars);
      }
      actor.stop();
    }
    const wrong = createActor(system, { input: { start: 99 } });
    const errors: unknown[] = [];
    wrong.subscribe({ error: (e) => errors.push(e) });
    wrong.start();
    expect(wrong.getSnapshot().status).toBe('error');
    expect(String(errors[0])).toContain('RangeError: initial configuration 99: the design has 48, numbered 0 to 47');
  });

  it('SCXML starts each document from the data start, which the system passes per instance', () => {
    const files = scxmlFilesV2(model);
    const voter = files.find((f) => f.name === 'role-Voter.scxml')!.text;
    expect(voter).toContain('initial="protocol-start"');
    expect(voter).toMatch(/<transition cond="s.state === &quot;no&quot;" target="no"\/>/);
    const system = files.find((f) => f.name === 'system.scxml')!.text;
    expect(system).toContain('<param name="start" expr="P.configs[start][&quot;Voter[2]&quot;]"/>');
  });

  it('Promela chooses among exactly the engine\'s configurations at boot', () => {
    const text = promelaModelV2(model);
    const options = text.slice(text.indexOf('active proctype boot()'), text.indexOf('fi\n}')).split('\n').filter((l) => l.trim().startsWith(':: d_step'));
    expect(options).toHaveLength(48);
  });

  it('published specifications that only needed several initial configurations now export to every target', async () => {
    for (const name of ['acp-nb', 'acp-sb', 'ab-correctness', 'asynch-interface', 'inner-fifo', 'async-termination-detection']) {
      const m = published(name);
      expect(m.initials.length, name).toBeGreaterThan(1);
      for (const target of ['ts', 'promela'] as const) await expect(exportDesignV2(m, target)).resolves.not.toHaveLength(0);
    }
  }, 60_000);
});
