import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { exportDesignV2 } from '../../export/v2/index';
import { ExportRefusal } from '../../export/v2/refusal';
import { featureTexts } from './exportFeatures';
import { loadAnyDesignValueV2, loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/**
 * The keys added to reproduce published TLA+ specifications (docs/format-v2.md §17, "Reproducing
 * published TLC figures"): the network model "set", `except` on a send to all, lists of initial
 * values with `initially`, `index(i)` and `RM[e]`, `lossy` and `"whenFull": "block"`.
 */

const read = (dir: string, file: string): DesignV2 => JSON.parse(readFileSync(join(__dirname, '../../..', dir, file), 'utf8')) as DesignV2;

/** Two nodes passing a token: Node[k] sends to Node[index(self) % 2 + 1]. */
function ring(edit: (d: DesignV2) => void = () => {}): DesignV2 {
  const d: DesignV2 = {
    format: 'protocol-studio',
    version: 2,
    name: 'ring',
    messages: [{ name: 'Token', from: 'Node', to: 'Node', payload: [{ name: 'hops', type: { int: [0, 3] } }] }],
    roles: [
      {
        name: 'Node',
        instances: 2,
        vars: [{ name: 'holds', type: 'bool', initial: false }],
        states: [{ name: 'idle', initial: true }],
        events: [{ name: 'Start', source: 'internal' }],
        transitions: [
          { id: 'start', from: 'idle', event: 'Start', guard: 'self == Node[1] && !holds', updates: { holds: 'true' }, send: [{ message: 'Token', to: 'Node[index(self) % 2 + 1]', payload: { hops: '0' } }] },
          { id: 'pass', from: 'idle', receive: 'Token', guard: 'event.hops < 3', send: [{ message: 'Token', to: 'Node[index(self) % 2 + 1]', payload: { hops: 'event.hops + 1' } }] },
        ],
      },
    ],
    environment: { network: { model: 'set' } },
  };
  edit(d);
  return d;
}

function errors(d: DesignV2): [string, string][] {
  const r = loadDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

describe('the network model "set"', () => {
  it('a receive takes the message out; in the pool it stays', () => {
    const set = exploreV2(loadOk(ring()));
    const pool = exploreV2(loadOk(ring((d) => (d.environment!.network!.model = 'pool'))));
    // set: start, then the token goes round with hops 0, 1, 2, 3, one message at a time; hops 3 is
    // accepted by no transition, so it stays (not received): 5 configurations in a line.
    expect([set.verdict, set.states, set.depth]).toEqual(['ok', 5, 4]);
    // pool: every token sent stays (the sets grow one by one) and may be received again, which changes nothing.
    expect(pool.states).toBe(5);
    expect(pool.transitions).toBeGreaterThan(set.transitions);
  });

  it('a receive that writes nothing still takes a set\'s message out (never the pool\'s inert step)', () => {
    const quiet = (model: 'set' | 'pool') =>
      ring((d) => {
        d.roles[0]!.transitions[1] = { id: 'swallow', from: 'idle', receive: 'Token' };
        d.environment!.network!.model = model;
      });
    // set: initial, the token at Node[2], the token swallowed (no message left); pool: the token stays.
    expect(exploreV2(loadOk(quiet('set'))).states).toBe(3);
    expect(exploreV2(loadOk(quiet('pool'))).states).toBe(2);
  });

  it('is a link model too, and is the pool\'s in what it refuses', () => {
    expect(errors(ring((d) => (d.environment = { network: { model: 'channels', links: [{ message: 'Token', model: 'set' }] } })))).toEqual([]);
    expect(errors(ring((d) => (d.environment = { network: { model: 'set', capacity: 2 } })))).toEqual([['/environment/network/capacity', 'not-for-pool']]);
  });
});

describe('except', () => {
  it('needs toAll', () => {
    expect(errors(ring((d) => (d.roles[0]!.transitions[0]!.send![0]!.except = ['self'])))).toEqual([['/roles/0/transitions/0/send/0/except', 'send-target']]);
  });

  it('must name instances of the receiving role', () => {
    expect(errors(ring((d) => (d.roles[0]!.transitions[0]!.send = [{ message: 'Token', toAll: true, except: ['3'], payload: { hops: '0' } }])))).toEqual([['/roles/0/transitions/0/send/0/except/0', 'not-bool']]);
  });

  it('leaves those instances out of a send to all', () => {
    const d = ring((x) => (x.roles[0]!.transitions[0]!.send = [{ message: 'Token', toAll: true, except: ['self'], payload: { hops: '2' } }]));
    const r = exploreV2(loadOk(d));
    // Node[1] sends only to Node[2] (hops 2), which passes it to Node[1] (hops 3, taken by no one):
    // the initial configuration and two more; a token to itself would make more.
    expect(r.states).toBe(3);
  });
});

describe('initial values and initially', () => {
  const choice = (initial: unknown, initially?: string) =>
    ring((d) => {
      d.roles[0]!.vars![0]!.initial = initial as never;
      if (initially !== undefined) d.initially = initially;
    });

  it('a list gives each instance (and each map entry) every listed value; initially filters the combinations', () => {
    expect(loadOk(choice([false, true])).initials).toHaveLength(4);
    expect(loadOk(choice([false, true], 'Node[1].holds != Node[2].holds')).initials).toHaveLength(2);
    expect(loadOk(choice(false)).initials).toHaveLength(1);
  });

  it('the first configuration is the first listed value everywhere, and every initial configuration is explored at depth 0', () => {
    const m = loadOk(choice([true, false]));
    expect(Array.from(m.initial)).toEqual(Array.from(m.initials[0]!));
    const r = exploreV2(m);
    expect(r.verdict).toBe('ok');
    expect(r.states).toBeGreaterThanOrEqual(4);
  });

  it('every way to get it wrong, at its path', () => {
    expect(errors(choice([]))).toEqual([['/roles/0/vars/0/initial', 'bad-initial']]);
    expect(errors(choice([false, 3]))).toEqual([['/roles/0/vars/0/initial/1', 'bad-initial']]);
    expect(errors(choice([true, true]))).toEqual([['/roles/0/vars/0/initial/1', 'bad-initial']]);
    expect(errors(ring((d) => Object.assign(d.roles[0]!.vars![0]!, { initial: [false, true], storage: 'volatile' })))).toEqual([['/roles/0/vars/0/initial', 'bad-initial']]);
    expect(errors(choice([false, true], 'Node[1].holds && !Node[1].holds'))).toEqual([['/initially', 'no-initial-configuration']]);
    expect(errors(choice([false, true], 'holds'))[0]).toEqual(['/initially', expect.any(String) as string]);
  });

  it('at most 262,144 combinations are tried, and combinations × parts at most 2^28', () => {
    const d = ring((x) => {
      x.roles[0]!.instances = 19;
      x.roles[0]!.vars![0]!.initial = [false, true];
    });
    expect(errors(d)).toEqual([['/roles', 'too-many']]);
    // 2^18 combinations are allowed, but not with 18 × 65 parts each (before any is built).
    const wide = ring((x) => {
      x.roles[0]!.instances = 18;
      x.roles[0]!.vars![0]!.initial = [false, true];
      x.roles[0]!.vars!.push({ name: 'wide', type: { map: { from: { int: [1, 64] }, to: 'bool' } }, initial: false });
    });
    expect(errors(wide)).toEqual([['/roles', 'too-many']]);
    const refused = loadDesignValueV2(wide);
    expect(refused.ok ? '' : refused.errors[0]!.message).toMatch(/262144 combinations of \d+ parts each; at most 268435456 parts/);
  });
});

describe('several initial states', () => {
  /** Node's states idle and busy both initial: each instance starts in either. */
  const two = (edit: (d: DesignV2) => void = () => {}) =>
    ring((d) => {
      d.roles[0]!.states.push({ name: 'busy', initial: true });
      edit(d);
    });

  it('each instance chooses among them, combined with listed values and filtered by initially, all at depth 0', () => {
    expect(loadOk(two()).initials).toHaveLength(4);
    expect(loadOk(two((d) => (d.roles[0]!.vars![0]!.initial = [false, true]))).initials).toHaveLength(16);
    const one = loadOk(two((d) => (d.initially = 'Node[1].state != Node[2].state')));
    expect(one.initials).toHaveLength(2);
    // The first configuration is the first initial state everywhere, when initially lets it through.
    expect(loadOk(two()).initials[0]).toEqual(loadOk(ring()).initial);
    const r = exploreV2(loadOk(two()));
    expect(r.verdict).toBe('ok');
    expect(r.states).toBeGreaterThanOrEqual(4);
  });

  it('an instance that crashes before entering another durable state restarts in the initial state it chose', () => {
    const d = two((x) => {
      x.environment = { network: { model: 'set' }, crashes: 1 };
      x.initially = 'Node[1].state == "busy" && Node[2].state == "busy"';
    });
    const r = exploreV2(loadOk(d));
    // Nothing leaves busy (the transitions are from idle): the initial configuration, either
    // instance down, both up again with the budget used. Restarting in idle would make two more
    // (Node[1] or Node[2] idle) and Node[1]'s Start after them.
    expect(r.states).toBe(1 + 2 + 1);
  });

  it('each one must be durable; none is an error', () => {
    expect(errors(two((d) => (d.roles[0]!.states[1]!.storage = 'volatile')))).toEqual([['/roles/0/states/1/storage', 'volatile-initial']]);
    expect(errors(ring((d) => (d.roles[0]!.states[0]!.initial = false)))).toEqual([['/roles/0/states', 'no-initial-state']]);
  });

  it('the code exporters translate it (src/export/v2 tests): only the ring\'s other keys are refused', async () => {
    const m = loadOk(two((d) => (d.roles[0]!.vars![0]!.initial = [false, true])));
    await expect(exportDesignV2(m, 'ts')).rejects.toThrow(/network model "set", which/);
    expect(featureTexts(m, 'tla')).toEqual(['the network model "set"']);
    expect(featureTexts(m, 'instanceNumbers')).toEqual(['instance numbers in expressions (index(i), RM[e])']);
  });
});

describe('instance numbers', () => {
  it('index(i) needs an instance; RM[k] with a literal out of range is refused when loaded', () => {
    expect(errors(ring((d) => (d.roles[0]!.transitions[0]!.guard = 'index(3) == 1')))).toEqual([['/roles/0/transitions/0/guard', 'type-mismatch']]);
    expect(errors(ring((d) => (d.roles[0]!.transitions[0]!.guard = 'self == Node[1 + 2]')))).toEqual([['/roles/0/transitions/0/guard', 'bad-instance']]);
  });

  it('RM[e] outside 1..instances while running is an eval-error of the transition', () => {
    const r = exploreV2(loadOk(ring((d) => (d.roles[0]!.transitions[0]!.send![0]!.to = 'Node[index(self) + 2]'))));
    expect(r.violations.map((v) => [v.kind, v.name])).toEqual([['eval-error', 'start']]);
    expect(r.violations[0]!.detail).toContain('Node[3] is no instance');
  });
});

describe('lossy and whenFull', () => {
  const channels = (network: Record<string, unknown>) => ring((d) => (d.environment = { network: network as never }));
  it('lossy drops uncounted; with a drop budget it is an error; both are channel keys', () => {
    expect(errors(channels({ model: 'channels', lossy: true }))).toEqual([]);
    expect(errors(channels({ model: 'channels', lossy: true, drop: 1 }))).toEqual([['/environment/network/drop', 'lossy-and-drop']]);
    expect(errors(channels({ model: 'pool', lossy: true }))).toEqual([['/environment/network/lossy', 'not-for-pool']]);
    expect(errors(channels({ model: 'pool', whenFull: 'block' }))).toEqual([['/environment/network/whenFull', 'not-for-pool']]);
    const lossy = exploreV2(loadOk(channels({ model: 'channels', lossy: true })));
    const budget = exploreV2(loadOk(channels({ model: 'channels', drop: 1 })));
    // One drop of the token at any of its 4 hops: the same configurations as lossy, each twice (budget used or not) except the start.
    expect(lossy.states).toBeLessThan(budget.states);
  });
});

describe('unexpected: wait', () => {
  const channels = (extra: Record<string, unknown>) => ring((d) => (d.environment = { network: { model: 'channels', capacity: 1, ...extra } as never }));
  it('a channel message no transition takes stays at its place instead of being consumed and ignored', () => {
    // The token goes round with hops 0..3; hops 3 is taken by no transition of Node[1].
    const ignore = exploreV2(loadOk(channels({})));
    const wait = exploreV2(loadOk(channels({ unexpected: 'wait' })));
    // ignore: one more configuration, the channel emptied by the "(ignored)" step.
    expect([ignore.states, wait.states]).toEqual([6, 5]);
    expect(errors(ring((d) => (d.environment = { network: { model: 'pool', unexpected: 'wait' } })))).toEqual([['/environment/network/unexpected', 'not-for-pool']]);
  });
});

describe('additivity', () => {
  it('no example and no conformance design uses these keys: each exports as before (no tla export features)', () => {
    const dir = join(__dirname, '../../../examples/v2');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.protocol.json'))) {
      const r = loadAnyDesignValueV2(read('examples/v2', f));
      if (r.ok && r.kind === 'participants') expect(featureTexts(r.model, 'tla'), f).toEqual([]);
    }
  });

  it('the exporters refuse a design that uses them, saying which', async () => {
    const m = loadOk(read('test-fixtures/published', 'echo.protocol.json'));
    await expect(exportDesignV2(m, 'ts')).rejects.toBeInstanceOf(ExportRefusal);
    await expect(exportDesignV2(m, 'promela')).rejects.toThrow(/network model "set", which/);
  });
});

function loadOk(d: DesignV2) {
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}
