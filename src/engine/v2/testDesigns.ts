import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { usesFeature } from '../../model/v2/exportFeatures';
import { loadAnyDesignValueV2, loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import type { CheckResultV2 } from './result';
import { SimulationV2 } from './simulator';

/** Test fixture: a version-2 example as a model, with the last role's instance count changed and any edit applied. */
export function loadExampleV2(file: string, instances?: number, edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const design = readExampleV2(file);
  if (instances !== undefined) design.roles[design.roles.length - 1]!.instances = instances;
  edit(design);
  return modelOfV2(design, file);
}

/** Test fixture: a design of participants as a model; an invalid one fails the test with its errors. */
export function modelOfV2(design: DesignV2, name = design.name): ModelV2 {
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(`${name}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.model;
}

/** Test helper: a simulation that took the steps with exactly these labels, in order; a label not enabled fails the test. */
export function walkV2(model: ModelV2, labels: readonly string[]): SimulationV2 {
  const sim = new SimulationV2(model);
  for (const label of labels) {
    const i = sim.enabled().findIndex((s) => s.label === label);
    if (i < 0) throw new Error(`"${label}" is not enabled after ${JSON.stringify(sim.taken)}: ${JSON.stringify(sim.enabled().map((s) => s.label))}`);
    sim.take(i);
  }
  return sim;
}

/** Test fixture: a published specification's design (test-fixtures/published) as a model, with any edit applied. */
export function loadPublishedV2(file: string, edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const design = JSON.parse(readFileSync(join(__dirname, '../../../test-fixtures/published', file), 'utf8')) as DesignV2;
  edit(design);
  return modelOfV2(design, file);
}

export function readExampleV2(file: string): DesignV2 {
  return JSON.parse(readFileSync(join(__dirname, '../../../examples/v2', file), 'utf8')) as DesignV2;
}

/**
 * The version-2 examples that are designs of participants (those with clients run on version 1's
 * engine, §13): by default those the code exporters translate (the exporters' tests run each);
 * `'all'` adds those they refuse by rule (`tla` features of `ModelV2.exportFeatures`, §16), for the engine's own tests.
 */
export function participantExamplesV2(which: 'exported' | 'all' = 'exported'): string[] {
  return readdirSync(join(__dirname, '../../../examples/v2'))
    .filter((f) => f.endsWith('.protocol.json'))
    .filter((f) => {
      const loaded = loadAnyDesignValueV2(readExampleV2(f));
      return loaded.ok && loaded.kind === 'participants' && (which === 'all' || !usesFeature(loaded.model, 'tla'));
    });
}

/**
 * Test design with several initial configurations (docs/format-v2.md §8): a counter that starts at 0
 * or 2 and must stay under 3. Its one shortest violation starts from the second configuration;
 * the same labels from the first reach no violation, so a replay that forgot where the trace
 * starts would show a different run without a word.
 */
export const twoStarts: DesignV2 = {
  format: 'protocol-studio',
  version: 2,
  name: 'two starts',
  roles: [
    {
      name: 'Counter',
      instances: 2,
      vars: [{ name: 'n', type: { int: [0, 3] }, initial: [0, 2] }],
      states: [{ name: 'on', initial: true }],
      events: [{ name: 'Bump', source: 'internal' }],
      transitions: [{ id: 'bump', from: 'on', event: 'Bump', guard: 'n < 3', updates: { n: 'n + 1' } }],
      invariants: [{ name: 'under three', expr: 'n < 3' }],
    },
  ],
  initially: 'Counter[1].n == 0',
};

/** Test helper: a search that ends ok with TLC's published figures (distinct states; depth as TLC counts it, the initial state as 1). */
export function expectTlcFigures(r: CheckResultV2, states: number, tlcDepth: number): void {
  expect(r.verdict).toBe('ok');
  expect(r.states).toBe(states);
  expect(r.depth + 1).toBe(tlcDepth);
}

/** Test helper: a broken variant's search finds a violation of `name`. */
export function expectBrokenBy(r: CheckResultV2, name: string): void {
  expect(r.verdict).toBe('violation');
  expect(r.violations.map((v) => v.name)).toContain(name);
}

/** A role of `crashOnlyDesign`: its instances, its own crash limit, and whether it stops after a crash (docs/format-v2.md §7). */
export interface CrashOnlyRole {
  readonly instances: number;
  readonly crashes?: number;
  readonly stop?: boolean;
}

/** Test fixture: roles that do nothing but crash (and restart, unless they stop): the configurations are exactly what the crash rules make. */
export function crashOnlyDesign(roles: readonly CrashOnlyRole[], budget: number): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'crash only',
    roles: roles.map((r, i) => ({
      name: `R${i}`,
      instances: r.instances,
      ...(r.crashes !== undefined ? { crashes: r.crashes } : {}),
      ...(r.stop ? { afterCrash: 'stop' as const } : {}),
      states: [{ name: 'up', initial: true }],
      transitions: [],
    })),
    environment: { crashes: budget },
  };
}

type TransitionJson = DesignV2['roles'][number]['transitions'][number];
/** The transition `id` of `role` in design `d` (a published design's broken variants edit one). */
export function transitionOf(d: DesignV2, role: string, id: string): TransitionJson {
  const t = d.roles.find((r) => r.name === role)?.transitions.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no transition ${role}.${id}`);
  return t;
}
