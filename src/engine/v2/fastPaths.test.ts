import { describe, expect, it } from 'vitest';
import { poolSlot, type ModelV2 } from '../../model/v2/model';
import { StepRules } from './stepRules';
import { loadExampleV2, participantExamplesV2 } from './testDesigns';

/**
 * Steps of transitions whose sends are fixed pool messages (no payload fields, `toAll` without
 * `except` or a role's only instance) are applied from precomputed slots (`PlainSends` in
 * stepRules.ts). Here every such step of the first configurations of a breadth-first walk is
 * held to the layout read from the model (`poolSlot`): each receiver's slot set in the
 * configuration it produces, and `onSend` told of each copy in `send`'s order.
 */
function checkPlainSends(model: ModelV2, limit: number): number {
  const rules = new StepRules(model);
  const sent: number[][] = [];
  rules.onSend = (message, to, payload) => sent.push([message, to, payload]);
  const seen = new Set<string>();
  const queue: Float64Array[] = [];
  for (const initial of model.initials) {
    seen.add(initial.join());
    queue.push(Float64Array.from(initial));
  }
  let checked = 0;
  for (let q = 0; q < queue.length && q < limit; q++) {
    const vec = queue[q]!;
    sent.length = 0;
    rules.forEachStep(vec, (step, next) => {
      const told = sent.splice(0);
      if (next === null) return;
      const copy = Float64Array.from(next);
      if (!seen.has(copy.join())) {
        seen.add(copy.join());
        queue.push(copy);
      }
      if (step.transition < 0 || (step.kind !== 'event' && step.kind !== 'receive')) return;
      const t = model.transitions[step.transition]!;
      const fixed = t.sends.every((s) => model.messages[s.message]!.pool && model.messages[s.message]!.payload.fields.length === 0 && s.except.length === 0 && (s.toAll || s.to === null));
      if (t.sends.length === 0 || !fixed) return;
      const sender = model.instances[step.instance]!.local;
      const expected: number[][] = [];
      for (const s of t.sends) {
        const m = model.messages[s.message]!;
        const toRole = model.roles[m.to]!;
        for (let d = 0; d < (s.toAll ? toRole.instances : 1); d++) {
          expected.push([m.index, toRole.first + d, 0]);
          expect(next[poolSlot(m, sender, d, 0)], `${t.name}: ${m.name} to ${d}`).toBe(1);
        }
      }
      expect(told).toEqual(expected);
      checked++;
    });
  }
  return checked;
}

describe('plain transitions with fixed pool sends', () => {
  it('set each receiver’s slot and tell onSend, in TwoPhase with shared slots and with a slot per receiver', () => {
    expect(checkPlainSends(loadExampleV2('tla-two-phase.protocol.json', 3), 300)).toBeGreaterThan(100);
    // Abort also sent to one RM: a slot per receiver (MessageV2.receivers 3), so TMAbort's toAll writes three.
    const perReceiver = loadExampleV2('tla-two-phase.protocol.json', 3, (d) => {
      d.roles[0]!.transitions.push({ id: 'TMNudge', from: 'aborted', event: 'Abort', to: 'aborted', send: [{ message: 'Abort', to: 'RM[1]' }] });
    });
    expect(perReceiver.messages.map((k) => k.receivers)).toEqual([1, 1, 3]);
    expect(checkPlainSends(perReceiver, 300)).toBeGreaterThan(100);
  });

  it('agree with the model’s layout in every example', () => {
    for (const file of participantExamplesV2('all')) checkPlainSends(loadExampleV2(file), 200);
  });
});

describe('forEachStepChanged', () => {
  /** The steps of `vec` as text: each step's fields and the configuration it produces. */
  const steps = (run: (sink: Parameters<StepRules['forEachStep']>[1]) => void): string[] => {
    const out: string[] = [];
    run((step, next, violations, changed) => out.push(`${JSON.stringify(step)} ${next?.join() ?? 'null'} ${violations.length} ${changed}`));
    return out;
  };

  it('copies only the listed slots when given the array of its previous call, and everything after a call on another array', () => {
    const model = loadExampleV2('tla-two-phase.protocol.json', 3);
    const rules = new StepRules(model);
    // Two configurations: the initial one, and one step further on (the first step's result).
    const a = Float64Array.from(model.initials[0]!);
    let b: Float64Array | null = null;
    rules.forEachStep(a, (_, next) => {
      b ??= Float64Array.from(next!);
    });
    const other = b! as Float64Array;
    const differ = Int32Array.from([...a.keys()].filter((i) => a[i] !== other[i]));
    expect(differ.length).toBeGreaterThan(0);
    const reference = new StepRules(model);
    const cur = Float64Array.from(a);
    expect(steps((sink) => rules.forEachStepChanged(cur, new Int32Array(0), 0, sink))).toEqual(steps((sink) => reference.forEachStep(a, sink)));
    cur.set(other);
    expect(steps((sink) => rules.forEachStepChanged(cur, differ, differ.length, sink))).toEqual(steps((sink) => reference.forEachStep(other, sink)));
    // Called on another array in between: `cur` (back to `a`, no slots listed) is copied whole.
    rules.forEachStep(other, () => {});
    cur.set(a);
    expect(steps((sink) => rules.forEachStepChanged(cur, new Int32Array(0), 0, sink))).toEqual(steps((sink) => reference.forEachStep(a, sink)));
  });
});
