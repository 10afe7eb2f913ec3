import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { SimulationV2 } from '../../engine/v2/simulator';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { roleNames, viewConfigurationV2 } from '../../engine/v2/view';
import type { FieldV2, ModelV2 } from '../../model/v2/model';
import { formatScalar } from '../../model/v2/scalarTypes';
import { typeScriptModulesV2 } from './index';
import { roleFile } from './names';
import { importModulesV2 } from './testing/loadModules';
import { PUBLISHED_SET_DESIGNS, publishedSetDesign } from './testing/setDesigns';
import { xstateFilesV2 } from './xstate';

/** Decodes payload index p into the typed object the exported modules use. */
function payloadObject(model: ModelV2, fields: readonly FieldV2[], p: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let f = fields.length - 1; f >= 0; f--) {
    const field = fields[f]!;
    const v = field.values[p % field.values.length]!;
    p = Math.floor(p / field.values.length);
    out[field.name] = field.type.kind === 'int' ? v : field.type.kind === 'bool' ? v === 1 : formatScalar(field.type, v, roleNames(model));
  }
  return out;
}

/** Vars as the simulator shows them: a set (an array in the type's order) as `{a, b}`, also as a map's entry. */
function shown(vars: Record<string, unknown>): Record<string, unknown> {
  const one = (x: unknown): unknown => (Array.isArray(x) ? `{${x.map(String).join(', ')}}` : x);
  return Object.fromEntries(Object.entries(vars).map(([k, x]) => [k, x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).map(([key, e]) => [key, one(e)])) : one(x)]));
}

async function load(model: ModelV2) {
  return importModulesV2([...typeScriptModulesV2(model), ...xstateFilesV2(model)]);
}

describe('the version-2 XState export', () => {
  it('runs as an actor system: a Prepare of RM[1] reaches TM through sendTo', async () => {
    const model = loadExampleV2('tla-two-phase.protocol.json');
    const mods = await load(model);
    const { system } = mods['system.xstate.ts'] as { system: AnyStateMachine };
    const actor = createActor(system).start();
    const rm1 = actor.system.get('RM[1]') as AnyActorRef;
    rm1.send({ type: 'ev.Prepare', event: { type: 'Prepare', payload: {} } });
    expect(rm1.getSnapshot().value).toBe('prepared');
    const tm = actor.system.get('TM') as AnyActorRef;
    // The Prepared message went to TM's mailbox at once (sendTo), and TM took it.
    expect(tm.getSnapshot().context.snapshot.durable.prepared).toEqual({ 'RM[1]': true, 'RM[2]': false, 'RM[3]': false });
    actor.stop();
  });

  it.each([
    ...['tla-two-phase.protocol.json', 'tla-tcommit.protocol.json', 'two-phase-commit-fixed.protocol.json', 'lease-with-fencing.protocol.json'].map((f): [string, () => ModelV2] => [
      f,
      () =>
        loadExampleV2(f, undefined, (d) => {
          d.environment = { ...d.environment, crashes: 0 };
        }),
    ]),
    // Sets and maps keyed by values (docs/format-v2.md §2, §5), each in its first initial configuration.
    ...PUBLISHED_SET_DESIGNS.map((f): [string, () => ModelV2] => [`published ${f}`, () => publishedSetDesign(f)]),
  ])(
    '%s: each instance actor takes the engine\'s transitions and states',
    async (_name, modelOf) => {
      const model = modelOf();
      const mods = await load(model);
      const starts = (mods['initial.ts'] as { INITIAL_CONFIGURATIONS: readonly Record<string, unknown>[] } | undefined)?.INITIAL_CONFIGURATIONS[0] ?? {};
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), async (choices) => {
          const actors: AnyActorRef[] = [];
          const world = new Proxy({}, { get: () => (id: string) => actors[model.instances.findIndex((i) => i.name === id)]!.getSnapshot().context.snapshot, }) as Record<string, (id: string) => unknown>;
          const views = new Proxy({}, {
            get: (_t, role: string) => (id: string) => (mods[roleFile(role)] as { view: (s: unknown) => unknown }).view(world[role]!(id)),
          });
          for (const inst of model.instances) {
            const role = model.roles[inst.role]!.name;
            const { machine } = mods[`role-${role}.xstate.ts`] as { machine: AnyStateMachine };
            actors.push(createActor(machine, { input: { self: inst.name, world: views, ...(inst.name in starts ? { start: starts[inst.name] } : {}) } }).start());
          }
          const sim = new SimulationV2(model);
          for (const choice of choices) {
            const good = sim.enabled().filter((s) => s.next !== null);
            if (good.length === 0) break;
            const pick = good[choice % good.length]!;
            const { step } = pick;
            const inst = model.instances[step.instance]!;
            const role = model.roles[inst.role]!;
            if (step.kind === 'event') {
              const events = (mods[roleFile(role.name)] as { EVENTS: readonly unknown[] }).EVENTS;
              const before = role.events.slice(0, step.what).reduce((n, e) => n + e.payload.count, 0);
              actors[step.instance]!.send({ type: `ev.${role.events[step.what]!.name}`, event: events[before + step.payload] });
            } else if (step.kind === 'receive') {
              const m = model.messages[step.what]!;
              const message = { kind: m.name, from: model.instances[step.sender]!.name, to: inst.name, payload: payloadObject(model, m.payload.fields, step.payload) };
              actors[step.instance]!.send({ type: `msg.${m.name}`, message });
            }
            sim.take(sim.enabled().findIndex((s) => s.label === pick.label));
            const view = viewConfigurationV2(model, sim.current);
            model.instances.forEach((_x, g) => {
              const snap = actors[g]!.getSnapshot();
              expect(snap.value, sim.taken.join(' / ')).toBe(view.instances[g]!.state);
              const s = snap.context.snapshot;
              expect(shown({ ...s.durable, ...s.volatile, ...s.ghost })).toEqual(view.instances[g]!.vars);
            });
          }
          for (const a of actors) a.stop();
        }),
        { numRuns: 30 },
      );
    },
    60_000,
  );
});
