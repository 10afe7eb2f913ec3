import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';

/** A sender that sends A then B to one receiver, which counts what arrives. */
function design(network: Record<string, unknown>, edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const d = {
    format: 'protocol-studio',
    version: 2,
    name: 'two messages',
    messages: [
      { name: 'Msg', from: 'S', to: 'R', payload: [{ name: 'n', type: { enum: ['A', 'B'] } }] },
    ],
    roles: [
      {
        name: 'S',
        states: [{ name: 's0', initial: true }, { name: 's1' }, { name: 's2' }],
        events: [{ name: 'Go', source: 'internal' }],
        transitions: [
          { from: 's0', event: 'Go', to: 's1', send: [{ message: 'Msg', payload: { n: '"A"' } }] },
          { from: 's1', event: 'Go', to: 's2', send: [{ message: 'Msg', payload: { n: '"B"' } }] },
        ],
      },
      {
        name: 'R',
        vars: [{ name: 'got', type: { int: [0, 3] }, initial: 0 }, { name: 'last', type: { enum: ['A', 'B'] }, initial: 'A' }],
        states: [{ name: 'r', initial: true }],
        transitions: [{ from: 'r', receive: 'Msg', updates: { got: 'got + 1', last: 'event.n' } }],
      },
    ],
    invariants: [{ name: 'in order', expr: 'R.last == "B" => R.got >= 2' }],
    environment: { network },
  } as unknown as DesignV2;
  edit(d);
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

function labels(sim: SimulationV2): string[] {
  return sim.enabled().map((s) => s.label);
}

describe('channels', () => {
  it('FIFO: only the head can be received; messages arrive in order', () => {
    const sim = new SimulationV2(design({ model: 'channels' }));
    sim.take(0);
    sim.take(0);
    expect(sim.view().network).toEqual(['S→R: Msg(n=A), Msg(n=B)']);
    expect(labels(sim)).toEqual(['R receive Msg(n=A)']);
    expect(exploreV2(design({ model: 'channels' })).verdict).toBe('ok');
  });

  it('reorder: any message can be received, which breaks an order the design relied on', () => {
    const r = exploreV2(design({ model: 'channels', reorder: true }));
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['invariant', 'in order', 3]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual(['S Go', 'S Go', 'R receive Msg(n=B)']);
  });

  it('drop removes any message within the budget; equal neighbours are one step', () => {
    const sim = new SimulationV2(design({ model: 'channels', drop: 1 }));
    sim.take(0);
    sim.take(0);
    expect(labels(sim)).toEqual(['R receive Msg(n=A)', 'drop Msg(n=A) S→R', 'drop Msg(n=B) S→R']);
    sim.take(2);
    expect(sim.view().used.drops).toBe(1);
    expect(labels(sim)).toEqual(['R receive Msg(n=A)']);
  });

  it('duplicate appends a copy within the budget and the capacity', () => {
    const sim = new SimulationV2(design({ model: 'channels', duplicate: 1, capacity: 3 }));
    sim.take(0);
    expect(labels(sim)).toEqual(['S Go', 'R receive Msg(n=A)', 'duplicate Msg(n=A) S→R']);
    sim.take(2);
    expect(sim.view().network).toEqual(['S→R: Msg(n=A), Msg(n=A)']);
    expect(exploreV2(design({ model: 'channels', duplicate: 1, capacity: 3 })).verdict).toBe('ok');
  });

  it('a send to a full channel is a step violation named by the message kind', () => {
    const r = exploreV2(design({ model: 'channels', capacity: 1 }));
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['channel-full', 'Msg', 2]]);
    // The sentence names what fills a channel besides the design's own sends, and the ways out.
    expect(r.violations[0]!.detail).toMatch(/already holds 1 message, its capacity \(a duplicate, a retry or a timer that fires again takes a slot too\): raise "capacity" \(at most 8\), bound the sender, or carry Msg in the pool with a link\.$/);
  });

  it('a message no transition takes is consumed and ignored', () => {
    const m = design({ model: 'channels' }, (d) => (d.roles[1]!.transitions[0]!.guard = 'event.n == "B"'));
    const sim = new SimulationV2(m);
    sim.take(0);
    expect(labels(sim)).toEqual(['S Go', 'R receive Msg(n=A) (ignored)']);
    sim.take(1);
    expect(sim.view().network).toEqual([]);
    expect(sim.view().instances[1]!.vars).toEqual({ got: 0, last: 'A' });
  });

  it('an update outside its range is a step violation named Role.var', () => {
    const m = design({ model: 'pool' }, (d) => (d.roles[1]!.vars![0]!.type = { int: [0, 0] }));
    const r = exploreV2(m);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['out-of-range', 'R.got', 2]]);
  });

  it('a payload outside its int field is a step violation named Msg.field, and nothing is sent', () => {
    // Without the check the value's payload index named another message: a sent 2 of [0, 1] arrived as a message of another kind or payload.
    for (const model of ['pool', 'channels']) {
      const m = design({ model }, (d) => {
        d.messages![0]!.payload = [{ name: 'n', type: { int: [0, 1] } }];
        const [first, second] = d.roles[0]!.transitions;
        first!.send![0]!.payload = { n: '1' };
        second!.send![0]!.payload = { n: '1 + 1' };
        d.roles[1]!.vars![1]!.type = { int: [0, 1] };
        d.roles[1]!.vars![1]!.initial = 0;
        for (const t of d.roles[1]!.transitions) if (t.updates && 'last' in t.updates) t.updates.last = 'event.n';
        d.invariants = [];
      });
      const r = exploreV2(m);
      expect(r.violations.map((v) => [v.kind, v.name, v.depth, v.detail])).toEqual([['out-of-range', 'Msg.n', 2, 'S#1 sends Msg with n = 2, outside [0, 1].']]);
    }
  });

  it('the pool keeps a received message: it can be received again', () => {
    const sim = new SimulationV2(design({ model: 'pool' }));
    sim.take(0);
    sim.take(labels(sim).indexOf('R receive Msg(n=A)'));
    expect(labels(sim)).toContain('R receive Msg(n=A)');
    expect(sim.view().network).toEqual(['Msg(n=A) S→R']);
  });
});
