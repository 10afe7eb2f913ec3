import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureTexts } from './exportFeatures';
import { loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/** A role's `crashes` (docs/format-v2.md §7): validated at the role, laid out only when it is needed. */

const broken = (): DesignV2 => JSON.parse(readFileSync(join(__dirname, '../../../examples/v2/two-phase-commit-broken.protocol.json'), 'utf8')) as DesignV2;

function load(edit: (d: DesignV2) => void) {
  const d = broken();
  edit(d);
  return loadDesignValueV2(d);
}

function errors(edit: (d: DesignV2) => void): [string, string, string][] {
  const r = load(edit);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.message]);
}

const role = (d: DesignV2, name: string) => d.roles.find((r) => r.name === name)!;
const tm = (d: DesignV2) => d.roles.findIndex((r) => r.name === 'TM');

describe("a role's crash setting", () => {
  it('is refused outside 0..3, at the role', () => {
    const e = errors((d) => (role(d, 'TM').crashes = 4));
    expect(e.map(([p, c]) => [p, c])).toEqual([[`/roles/${tm(broken())}/crashes`, 'out-of-range']]);
    expect(e[0]![2]).toContain('0 to 3');
    expect(errors((d) => (role(d, 'TM').crashes = -1)).map(([p, c]) => [p, c])).toEqual([[`/roles/${tm(broken())}/crashes`, 'out-of-range']]);
  });

  it('is refused when it allows crashes and the design has no crash budget, saying where to set it', () => {
    const e = errors((d) => {
      d.environment = { ...d.environment, crashes: 0 };
      role(d, 'TM').crashes = 1;
    });
    expect(e.map(([p, c]) => [p, c])).toEqual([[`/roles/${tm(broken())}/crashes`, 'no-crash-budget']]);
    expect(e[0]![2]).toContain('"environment": { "crashes": N }');
    // "Never crashes" needs no budget.
    expect(errors((d) => {
      d.environment = { ...d.environment, crashes: 0 };
      role(d, 'TM').crashes = 0;
    })).toEqual([]);
  });

  it('is refused in a design with clients, whose one participant crashes within the design budget', () => {
    const d: DesignV2 = {
      format: 'protocol-studio',
      version: 2,
      name: 'one service',
      roles: [{ name: 'S', crashes: 1, states: [{ name: 'idle', initial: true }], events: [{ name: 'Ping', source: 'client' }], transitions: [{ from: 'idle', event: 'Ping' }] }],
      environment: { crashes: 1 },
    };
    const r = loadDesignValueV2(d);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/crashes', 'clients-one-participant']]);
  });

  it('leaves the configuration layout of a design that does not need it unchanged', () => {
    const plain = load(() => {});
    // At or above the design budget the budget alone bounds each instance: no count is kept.
    const atBudget = load((d) => (role(d, 'RM').crashes = 1));
    const above = load((d) => (role(d, 'RM').crashes = 3));
    if (!plain.ok || !atBudget.ok || !above.ok) throw new Error('invalid');
    for (const m of [atBudget.model, above.model]) {
      expect(m.size).toBe(plain.model.size);
      expect([...m.slotBits]).toEqual([...plain.model.slotBits]);
      expect(m.roles.map((r) => r.crashCountSlot)).toEqual([-1, -1]);
    }
  });

  it('drops the mode and persisted state of a role that never crashes, and counts crashes below the budget', () => {
    const plain = load(() => {});
    const never = load((d) => (role(d, 'TM').crashes = 0));
    const counted = load((d) => {
      d.environment = { ...d.environment, crashes: 2 };
      role(d, 'RM').crashes = 1;
    });
    if (!plain.ok || !never.ok || !counted.ok) throw new Error('invalid');
    const tmOf = (m: typeof plain.model) => m.roles.find((r) => r.name === 'TM')!;
    expect(tmOf(plain.model).modeSlot).toBeGreaterThanOrEqual(0);
    expect([tmOf(never.model).modeSlot, tmOf(never.model).persistedSlot, tmOf(never.model).crashes]).toEqual([-1, -1, 0]);
    expect(never.model.size).toBe(plain.model.size - 2); // TM's mode and persisted state
    const rm = counted.model.roles.find((r) => r.name === 'RM')!;
    expect(rm.crashes).toBe(1);
    expect(rm.crashCountSlot).toBeGreaterThanOrEqual(0);
    expect(counted.model.slotBits[rm.bases[0]! + rm.crashCountSlot]).toBe(1);
  });
});

describe('"afterCrash": "stop" (fail-stop, docs/format-v2.md §7)', () => {
  it('refuses a $restart transition in a stopping role, at its event, saying why it could never be taken', () => {
    const e = errors((d) => (role(d, 'TM').afterCrash = 'stop'));
    const presume = broken().roles[tm(broken())]!.transitions.findIndex((t) => t.event === '$restart');
    expect(e.map(([p, c]) => [p, c])).toEqual([[`/roles/${tm(broken())}/transitions/${presume}/event`, 'restart-never-taken']]);
    expect(e[0]![2]).toContain('"afterCrash": "stop"');
    expect(e[0]![2]).toContain('could never be taken');
  });

  it('is refused in a design with clients, whose one participant restarts as in version 1', () => {
    const d: DesignV2 = {
      format: 'protocol-studio',
      version: 2,
      name: 'one service',
      roles: [{ name: 'S', afterCrash: 'stop', states: [{ name: 'idle', initial: true }], events: [{ name: 'Ping', source: 'client' }], transitions: [{ from: 'idle', event: 'Ping' }] }],
      environment: { crashes: 1 },
    };
    const r = loadDesignValueV2(d);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/afterCrash', 'clients-one-participant']]);
  });

  it('refuses any other value at the key, naming the two', () => {
    const e = errors((d) => ((role(d, 'TM') as { afterCrash?: string }).afterCrash = 'never'));
    expect(e.map(([p]) => p)).toEqual([`/roles/${tm(broken())}/afterCrash`]);
    expect(e[0]![2]).toMatch(/restart.*stop/);
  });

  it('keeps the mode and drops the crash count: an instance stops at most once', () => {
    const r = load((d) => {
      d.environment = { ...d.environment, crashes: 3 };
      const t = role(d, 'TM');
      t.afterCrash = 'stop';
      t.crashes = 2;
      t.transitions = t.transitions.filter((x) => x.event !== '$restart');
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const t = r.model.roles.find((x) => x.name === 'TM')!;
    expect([t.stops, t.crashes, t.modeSlot >= 0, t.crashCountSlot]).toEqual([true, 1, true, -1]);
    expect(r.model.roles.find((x) => x.name === 'RM')!.stops).toBe(false);
  });

  it('is named among what the code exporters do not translate, with down(i)', () => {
    const r = load((d) => {
      const t = role(d, 'TM');
      t.afterCrash = 'stop';
      t.transitions = t.transitions.filter((x) => x.event !== '$restart');
      d.invariants = [...(d.invariants ?? []), { name: 'up', expr: '!down(TM) || true' }];
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(featureTexts(r.model, 'failStop')).toEqual(['the role TM\'s "afterCrash": "stop" (crashed instances that never restart)', 'down(i) in expressions']);
    expect(featureTexts(r.model, 'tla')).toEqual([]);
    const plain = load(() => {});
    expect(plain.ok && featureTexts(plain.model, 'failStop')).toEqual([]);
  });
});

describe('down(i)', () => {
  const withInvariant = (expr: string, edit: (d: DesignV2) => void = () => {}) =>
    errors((d) => {
      edit(d);
      d.invariants = [{ name: 'probe', expr }];
    });

  it('takes an instance of any role, also one that never crashes, in invariants and guards', () => {
    expect(withInvariant('forall r in RM: down(r) || r.state != "committed"')).toEqual([]);
    expect(withInvariant('!down(TM)', (d) => (role(d, 'TM').crashes = 0))).toEqual([]);
    expect(errors((d) => (role(d, 'RM').transitions[0]!.guard = 'down(TM)'))).toEqual([]);
  });

  it('refuses what is not an instance', () => {
    const e = withInvariant('down(1)');
    expect(e.map(([, c]) => c)).toEqual(['type-mismatch']);
    expect(e[0]![2]).toContain('down takes an instance');
  });

  it('leaves a var named down a var: only down followed by "(" is the function', () => {
    expect(
      errors((d) => {
        const t = role(d, 'TM');
        t.vars = [...(t.vars ?? []), { name: 'down', type: 'bool', initial: false }];
        t.invariants = [{ name: 'probe', expr: '!down || down(self) || !down(TM)' }];
      }),
    ).toEqual([]);
  });
});
