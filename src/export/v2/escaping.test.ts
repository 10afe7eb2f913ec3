import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import type { DesignV2 } from '../../model/v2/schema';
import { SCRATCH, typeCheck } from '../testing/compile';
import { harnessOrMonitorFiles, typeScriptModulesV2 } from './index';
import { happyPath, mermaidFilesV2 } from './mermaid';
import { promelaModelV2 } from './promela';
import { importModulesV2 } from './testing/loadModules';
import { xstateFilesV2 } from './xstate';
import { SimulationV2 } from '../../engine/v2/simulator';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { loadDesignValueV2 } from '../../model/v2/load';
import { ExportedSystem } from './testing/system';
import { nestedDesign } from './testing/nestedDesign';

/** Names and descriptions that try to end a comment, a string or a line in every target. */
const HOSTILE = '*/ export const pwned = 1; /* " \' ` ${pwned} </script> \u2028 \n#define assert(c) skip\n%%{init: {}}%% ]]>';

function hostile(d: DesignV2): void {
  d.name = HOSTILE.slice(0, 80);
  d.description = HOSTILE;
  d.messages![0]!.description = HOSTILE;
  for (const r of d.roles) {
    r.description = HOSTILE;
    for (const s of r.states) s.description = HOSTILE;
    for (const v of r.vars ?? []) v.description = HOSTILE;
    r.transitions.forEach((t, k) => {
      t.description = HOSTILE;
      t.id = `${HOSTILE.replace(/#/g, '').slice(0, 50)} ${r.name}${k}`;
    });
  }
  d.invariants = [...(d.invariants ?? []), { name: HOSTILE.slice(0, 60), expr: 'true' }];
}

describe('version-2 exports of a design whose names and descriptions try to break out', () => {
  const model = loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, hostile);

  it('TypeScript and XState compile under strict tsc and export nothing but their own names', async () => {
    const files = [...typeScriptModulesV2(model), ...xstateFilesV2(model)];
    mkdirSync(join(SCRATCH, 'v2-hostile'), { recursive: true });
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-hostile/${f.name}`, f.text])))).toEqual([]);
    const modules = await importModulesV2(files);
    for (const m of Object.values(modules)) expect(Object.keys(m as object)).not.toContain('pwned');
    const tm = modules['role-TM.ts'] as { decide: unknown; Instance: unknown };
    expect(typeof tm.decide).toBe('function');
  });

  it('the harness and the monitor (with the running system) compile under strict tsc and export nothing but their own names', async () => {
    const files = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1)];
    mkdirSync(join(SCRATCH, 'v2-hostile-harness'), { recursive: true });
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-hostile-harness/${f.name}`, f.text])))).toEqual([]);
    const modules = await importModulesV2(files);
    for (const m of Object.values(modules)) expect(Object.keys(m as object)).not.toContain('pwned');
    const system = modules['system.ts'] as { spec: { design: string; dedupeNotes: object } };
    // The design's name reaches the code as a string, whole.
    expect(system.spec.design).toBe(model.name);
    const harness = modules['harness.ts'] as { runChoices(a: unknown, c: number[]): Promise<{ failure: unknown; trace: string[] }>; referenceAdapters(): unknown };
    const run = await harness.runChoices(harness.referenceAdapters(), [0, 1, 2, 3, 4, 5]);
    expect(run.failure).toBeNull();
    expect(run.trace.length).toBeGreaterThan(0);
  });

  it('Mermaid keeps them on their comment or label line, without directives', () => {
    // A run of steps too, so the sequence diagram's arrows carry the hostile transition ids.
    for (const f of mermaidFilesV2(model, { labels: happyPath(model), title: HOSTILE })) {
      expect(f.text).not.toContain('%%{');
      expect(f.text).not.toMatch(/^#define/m);
      // No markup reaches a renderer: `<` and `>` leave only as entity codes (`x <= 3` reads `x #60;= 3`).
      const rendered = f.text.split('\n').filter((l) => !l.trimStart().startsWith('%%')); // comments are never drawn
      expect(rendered.filter((l) => /<[a-z!/]/i.test(l))).toEqual([]);
    }
  });

  it('Promela keeps them inside comments', () => {
    const text = promelaModelV2(model);
    expect(text).not.toContain('#define');
    expect(text.split('\n').filter((l) => l.includes('pwned')).every((l) => /^\s*(.*;\s*)?\/\* [^*]*\*\/$/.test(l))).toBe(true);
  });
});

/**
 * A set var called `toString` of an enum whose values are names objects already have
 * (`__proto__`, `constructor`, `toString`; enum values are identifiers), and a map keyed by them (docs/format-v2.md §2).
 */
function hostileSets(): DesignV2 {
  const values = ['constructor', '__proto__', 'toString'];
  return {
    format: 'protocol-studio',
    version: 2,
    name: HOSTILE.slice(0, 40),
    roles: [
      {
        name: 'R',
        instances: 2,
        vars: [
          { name: 'toString', type: { set: { enum: values } }, initial: [[], ['__proto__']] },
          { name: 'm', type: { map: { from: { enum: values }, to: { set: { enum: values } } } }, initial: [values[0]!] },
        ],
        states: [{ name: 'on', initial: true }],
        events: [{ name: 'Pick', source: 'internal', payload: [{ name: 'v', type: { enum: values } }] }],
        transitions: [{ id: HOSTILE.slice(0, 30), from: 'on', event: 'Pick', guard: '!(event.v in toString)', updates: { toString: 'toString + {event.v}', 'm[event.v]': 'm[event.v] - {event.v} + toString' } }],
        invariants: [{ name: HOSTILE.slice(0, 50), expr: 'forall y in toString: card(m[y]) >= 0 && toString <= toString + m[y]' }],
      },
    ],
    invariants: [{ name: 'Everyone', expr: 'forall r in R: forall y in r.toString: y in r.toString' }],
  };
}

describe('version-2 TypeScript of sets and maps keyed by values whose names try to break out', () => {
  const loaded = loadDesignValueV2(hostileSets());
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  const model = loaded.model;

  it('compiles under strict tsc, exports nothing but its own names, and runs as the engine does', async () => {
    const files = [...typeScriptModulesV2(model), ...xstateFilesV2(model)];
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-hostile-sets/${f.name}`, f.text])))).toEqual([]);
    const modules = await importModulesV2(files);
    for (const m of Object.values(modules)) expect(Object.keys(m as object)).not.toContain('pwned');
    for (let start = 0; start < model.initials.length; start++) {
      const sim = new SimulationV2({ ...model, initial: model.initials[start]! });
      const sys = await ExportedSystem.start(model, modules, start);
      for (let k = 0; k < 6; k++) {
        const all = sim.enabled();
        const steps = all.filter((s) => s.next !== null);
        if (steps.length === 0) break;
        const pick = steps[k % steps.length]!;
        const mine = (await sys.enabled()).find((s) => s.label === pick.label)!;
        await mine.take();
        sim.take(all.indexOf(pick));
        const engine = viewConfigurationV2(model, sim.current);
        expect(sys.view().instances).toEqual(engine.instances);
      }
    }
  });

  it('Promela holds them as masks and indices: the names appear only inside comments', () => {
    const text = promelaModelV2(model);
    expect(text).not.toContain('#define');
    expect(text.split('\n').filter((l) => /pwned|__proto__|constructor|toString/.test(l)).every((l) => /^\s*(.*;\s*)?\/\* [^*]*\*\/$/.test(l))).toBe(true);
  });
});

describe('version-2 exports of a fail-stop design (STOPS, down(i)) whose names and descriptions try to break out', () => {
  const model = loadExampleV2('two-phase-commit-coordinator-stops.protocol.json', undefined, hostile);

  it('TypeScript compiles under strict tsc, exports nothing but its own names, and keeps down(i) a read of the view', async () => {
    const files = typeScriptModulesV2(model);
    mkdirSync(join(SCRATCH, 'v2-hostile-stops'), { recursive: true });
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-hostile-stops/${f.name}`, f.text])))).toEqual([]);
    const modules = await importModulesV2(files);
    for (const m of Object.values(modules)) expect(Object.keys(m as object)).not.toContain('pwned');
    expect((modules['role-TM.ts'] as { STOPS: boolean }).STOPS).toBe(true);
  });

  it('Promela keeps them inside comments', () => {
    const text = promelaModelV2(model);
    expect(text).not.toContain('#define');
    expect(text.split('\n').filter((l) => l.includes('pwned')).every((l) => /^\s*(.*;\s*)?\/\* [^*]*\*\/$/.test(l))).toBe(true);
  });
});

describe('version-2 TypeScript of a nested map whose inner keys are __proto__, constructor and toString', () => {
  const loaded = loadDesignValueV2(
    nestedDesign((d) => {
      const t = d.roles[0]!.vars![1] as { type: unknown };
      t.type = { map: { from: 'bool', to: { map: { from: { enum: ['__proto__', 'constructor', 'toString'] }, to: { map: { from: { int: [1, 2] }, to: { int: [0, 1] } } } } } } };
      d.roles[0]!.transitions[1]!.guard = 't[true]["__proto__"][event.i] == 0 && self == P[1]';
      d.roles[0]!.transitions[1]!.updates = { 't[true]["__proto__"][event.i]': '1' };
      d.invariants = [{ name: 'OnlyProto', expr: 'forall p in P: p.t[true]["constructor"][1] + p.t[false]["toString"][2] == 0' }];
    }),
  );
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
  const model = loaded.model;

  it('compiles under strict tsc, keeps the keys own entries, and runs as the engine does', async () => {
    const files = typeScriptModulesV2(model);
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-hostile-nested/${f.name}`, f.text])))).toEqual([]);
    const modules = await importModulesV2(files);
    const sim = new SimulationV2(model);
    const sys = await ExportedSystem.start(model, modules);
    expect(sys.view().instances).toEqual(viewConfigurationV2(model, sim.current).instances);
    for (let k = 0; k < 8; k++) {
      const all = sim.enabled();
      const steps = all.filter((s) => s.next !== null);
      if (steps.length === 0) break;
      const pick = steps[(k * 5) % steps.length]!;
      await (await sys.enabled()).find((s) => s.label === pick.label)!.take();
      sim.take(all.indexOf(pick));
      expect(sys.view().instances).toEqual(viewConfigurationV2(model, sim.current).instances);
    }
  });
});
