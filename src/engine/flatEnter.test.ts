import { describe, expect, it } from 'vitest';
import { applyStep } from './apply';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import { createFlatCodec } from './flatCodec';
import { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';
import { FlatStepper } from './flatStep';
import { testModel } from './testDesign';

/**
 * `flatEnter.ts` (a transition's updates resolved once, in locals for up to two updates) against
 * the readable engine: for transitions of 0 to 4 updates, some leaving their type, some dividing
 * by zero, fired and delivered from every reachable configuration, the same violations (kind and
 * name; the report shows the readable engine's details) in the same order, and the same successor.
 */
const vars = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: { int: [0, 3] }, initial: 0, storage: 'durable' }));
const updates = [{}, { a: 'a + 1' }, { a: 'a + 2', b: 'b + 3' }, { a: 'a + 1', b: '6 / c', c: 'c + 2' }, { a: 'a + 3', b: 'b + 1', c: '3 / (d - 1)', d: 'd + 2' }];
const model = testModel({
  vars,
  states: [{ name: 'S', initial: true }],
  events: [...updates.map((_, k) => ({ name: `U${k}`, source: 'internal' })), { name: 'Put', source: 'client' }],
  transitions: [
    ...updates.map((u, k) => ({ from: 'S', event: `U${k}`, to: 'S', guard: k === 0 ? 'a < 3' : undefined, updates: u })),
    { from: 'S', event: 'Put', to: 'S', updates: { b: 'b + 2', d: 'd + 1' } },
  ],
  environment: { requests: 1, crashes: 0, checks: { replay: false, deadlock: false } },
});

describe('a transition applied through its plan', () => {
  it('gives the violations (in order) and successors of the readable engine', () => {
    const L = F.flatLayout(model);
    const zobrist = new FlatFingerprint(createFlatCodec(model, L));
    const stepper = new FlatStepper(model, L, zobrist);
    const vec = new Int32Array(L.width), want = new Int32Array(L.width);
    const queue: Configuration[] = [initialConfiguration(model)];
    const seen = new Set([JSON.stringify(queue[0])]);
    const kinds = new Set<string>();
    for (let at = 0; at < queue.length; at++) {
      const config = queue[at]!;
      F.toFlat(model, L, config, vec);
      zobrist.of(vec);
      const steps = enabledSteps(model, config);
      expect(stepper.enumerate(vec)).toBe(steps.length);
      steps.forEach((step, k) => {
        const outcome = applyStep(model, config, step);
        zobrist.begin();
        const produced = stepper.apply(vec, k);
        expect(stepper.violations.map((v) => `${v.kind} ${v.name}`)).toEqual(outcome.violations.map((v) => `${v.kind} ${v.name}`));
        for (const v of stepper.violations) kinds.add(v.kind);
        expect(produced).toBe(outcome.next !== null);
        if (outcome.next !== null) {
          F.toFlat(model, L, outcome.next, want);
          expect(Array.from(vec)).toEqual(Array.from(want));
          const text = JSON.stringify(outcome.next);
          if (!seen.has(text)) {
            seen.add(text);
            queue.push(outcome.next);
          }
        }
        zobrist.undo(vec);
      });
    }
    expect([...kinds].sort()).toEqual(['eval-error', 'out-of-range']);
    expect(queue.length).toBeGreaterThan(10);
  });
});
