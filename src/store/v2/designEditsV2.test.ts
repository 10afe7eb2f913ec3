import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { applyEditV2, emptyDesignV2, initialAlternatives, initialStateEdit, initialValuesEdit, renameEventField, roleLayout, valueAt, type DesignEditV2 } from './designEditsV2';

/** Every bundled example and every published specification written as a design (test-fixtures/published). */
const published = join(dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/published');
const sweep: readonly { readonly slug: string; readonly design: DesignV2 }[] = [
  ...examplesV2,
  ...readdirSync(published)
    .filter((f) => f.endsWith('.protocol.json'))
    .map((f) => ({ slug: f, design: JSON.parse(readFileSync(join(published, f), 'utf8')) as DesignV2 })),
];

const twoPhase = examplesV2.find((e) => e.slug === 'two-phase-commit-broken')!.design;
const pool = examplesV2.find((e) => e.slug === 'tla-two-phase')!.design;

describe('pointer edits', () => {
  it('set, insert and remove by JSON Pointer, sharing what they do not touch', () => {
    const d = emptyDesignV2();
    const a = applyEditV2(d, { type: 'set', path: '/roles/0/instances', value: 3 });
    expect(a.roles[0]!.instances).toBe(3);
    expect(a.roles[0]!.states).toBe(d.roles[0]!.states);
    const b = applyEditV2(a, { type: 'insert', path: '/messages', value: { name: 'Ping', from: 'Node', to: 'Node' } });
    expect(b.messages).toEqual([{ name: 'Ping', from: 'Node', to: 'Node' }]);
    // Made on the way: objects that did not exist yet.
    const c = applyEditV2(b, { type: 'set', path: '/environment/network', value: { model: 'pool' } });
    expect(c.environment).toEqual({ network: { model: 'pool' } });
    // An optional list left empty is removed, so the saved file stays clean.
    expect('messages' in applyEditV2(c, { type: 'remove', path: '/messages/0' })).toBe(false);
    // Undefined removes a key; an edit that changes nothing returns the same object.
    expect('instances' in applyEditV2(a, { type: 'set', path: '/roles/0/instances', value: undefined }).roles[0]!).toBe(false);
    expect(applyEditV2(d, { type: 'set', path: '/roles/0/description', value: undefined })).toBe(d);
    expect(applyEditV2(d, { type: 'set', path: '/roles/0/__proto__', value: {} })).toBe(d);
    expect(valueAt(c, '/environment/network/model')).toBe('pool');
  });

  it('renames a role with every reference: message ends, id and map types, expressions, layout', () => {
    const moved = applyEditV2(twoPhase, { type: 'moveStates', role: 'RM', positions: { working: { x: 1, y: 2 } } });
    const d = applyEditV2(moved, { type: 'renameRole', role: 1, name: 'Participant' });
    expect(d.roles[1]!.name).toBe('Participant');
    expect(d.messages!.map((m) => [m.from, m.to])).toEqual(twoPhase.messages!.map((m) => [m.from === 'RM' ? 'Participant' : m.from, m.to === 'RM' ? 'Participant' : m.to]));
    expect(JSON.stringify(d)).not.toMatch(/"RM"|\bRM\b\[|in RM\b/);
    expect(roleLayout(d, 'Participant')).toEqual({ working: { x: 1, y: 2 } });
    expect(loadDesignValueV2(d).ok).toBe(true);
  });

  it('renames a state, a message kind and an event with their references; the result still loads', () => {
    let d: DesignV2 = twoPhase;
    const tm = d.roles[0]!;
    d = applyEditV2(d, { type: 'renameState', role: 0, state: tm.states.findIndex((s) => s.name === 'collecting'), name: 'voting' });
    expect(d.roles[0]!.transitions.filter((t) => t.from === 'voting').length).toBe(tm.transitions.filter((t) => t.from === 'collecting').length);
    d = applyEditV2(d, { type: 'renameMessage', message: 0, name: 'Ballot' });
    expect(d.roles[0]!.transitions.some((t) => t.receive === 'Ballot')).toBe(true);
    expect(d.roles[1]!.transitions.some((t) => t.send?.some((s) => s.message === 'Ballot'))).toBe(true);
    d = applyEditV2(d, { type: 'renameEvent', role: 0, event: 0, name: 'Choose' });
    expect(d.roles[0]!.transitions.some((t) => t.event === 'Choose')).toBe(true);
    expect(loadDesignValueV2(d).ok).toBe(true);
  });

  it("renames a message kind's payload field in the sends that fill it and the receives that read it, not an event's field of the same name", () => {
    const vote = twoPhase.messages!.findIndex((m) => m.name === 'Vote');
    const d = applyEditV2(twoPhase, { type: 'renameField', owner: { message: vote }, field: 0, name: 'ballot' });
    expect(d.messages![vote]!.payload!.map((f) => f.name)).toEqual(['ballot']);
    const tm = d.roles.find((r) => r.name === 'TM')!;
    expect(tm.transitions.filter((t) => t.receive === 'Vote').map((t) => t.guard)).toEqual(['event.ballot == "yes"', 'event.ballot == "no"']);
    // RM's sends fill the new key; `event.value` there reads RM's own event Vote, which keeps its field.
    const rm = d.roles.find((r) => r.name === 'RM')!;
    expect(rm.transitions.flatMap((t) => t.send ?? []).filter((x) => x.message === 'Vote').map((x) => x.payload)).toEqual([{ ballot: 'event.value' }, { ballot: 'event.value' }]);
    expect(rm.transitions.filter((t) => t.event === 'Vote').map((t) => t.guard)).toEqual(['event.value == "yes"', 'event.value == "no"']);
    expect(loadDesignValueV2(d).ok).toBe(true);
  });

  it("renames an event's payload field in its role's transitions on that event, keys of sends left alone", () => {
    const rmIndex = twoPhase.roles.findIndex((r) => r.name === 'RM');
    const d = applyEditV2(twoPhase, { type: 'renameField', owner: { role: rmIndex, event: 0 }, field: 0, name: 'choice' });
    const rm = d.roles[rmIndex]!;
    expect(rm.events![0]!.payload!.map((f) => f.name)).toEqual(['choice']);
    expect(rm.transitions.filter((t) => t.event === 'Vote').map((t) => [t.guard, t.send?.[0]?.payload])).toEqual([
      ['event.choice == "yes"', { value: 'event.choice' }],
      ['event.choice == "no"', { value: 'event.choice' }],
    ]);
    // TM's receives read the message's field, which is not renamed.
    expect(d.roles.find((r) => r.name === 'TM')!.transitions.filter((t) => t.receive === 'Vote').map((t) => t.guard)).toEqual(['event.value == "yes"', 'event.value == "no"']);
    expect(loadDesignValueV2(d).ok).toBe(true);
    // A read written with spaces follows too; a var called like the field is never touched.
    expect(renameEventField('value + event.value - event . value', 'value', 'v')).toBe('value + event.v - event . v');
  });

  it('renames a call event with the calls of it and their outcome transitions, and its fields where they are filled and read', () => {
    const lease = examplesV2.find((e) => e.slug === 'lease-calls-broken')!.design;
    let d = applyEditV2(lease, { type: 'renameEvent', role: 0, event: 0, name: 'Take' });
    expect(d.roles[1]!.transitions.map((t) => t.call?.event ?? t.event)).toEqual(['Take', 'Take.ok', 'Take.error', 'Take.timeout']);
    expect(d.roles[0]!.transitions.filter((t) => t.event === 'Take').length).toBe(2);
    // A returns field: the serving transitions' `returns` keys, the callers' `event.F` in ok and error.
    d = applyEditV2(d, { type: 'renameField', owner: { role: 0, event: 0, returns: true }, field: 0, name: 'fence' });
    expect(d.roles[0]!.events![0]!.returns!.map((f) => f.name)).toEqual(['fence']);
    expect(d.roles[0]!.transitions.filter((t) => t.event === 'Take').map((t) => t.returns)).toEqual([{ fence: 'token + 1' }, { fence: '0' }]);
    expect(d.roles[1]!.transitions[1]!.updates).toEqual({ lease: 'event.fence' });
    // The Lock's own var `token` is not the field: it stays.
    expect(d.roles[0]!.transitions[0]!.updates).toEqual({ token: 'token + 1', holder: 'sender' });
    expect(loadDesignValueV2(d).ok).toBe(true);
    // A payload field: the calls' payload keys and the serving transitions' `event.F`.
    d = applyEditV2(d, { type: 'set', path: '/roles/0/events/0/payload', value: [{ name: 'n', type: { int: [0, 1] } }] });
    d = applyEditV2(d, { type: 'set', path: '/roles/1/transitions/0/call/payload', value: { n: '1' } });
    d = applyEditV2(d, { type: 'set', path: '/roles/0/transitions/0/guard', value: 'event.n == 1' });
    d = applyEditV2(d, { type: 'renameField', owner: { role: 0, event: 0 }, field: 0, name: 'amount' });
    expect(d.roles[1]!.transitions[0]!.call!.payload).toEqual({ amount: '1' });
    expect(d.roles[0]!.transitions[0]!.guard).toBe('event.amount == 1');
    const loaded = loadDesignValueV2(d);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    // A role renamed: the call's target expression follows.
    d = applyEditV2(d, { type: 'set', path: '/roles/1/transitions/0/call/to', value: 'Lock' });
    d = applyEditV2(d, { type: 'renameRole', role: 0, name: 'Mutex' });
    expect(d.roles[1]!.transitions[0]!.call!.to).toBe('Mutex');
  });

  it('renames a role in links, initially, symmetry and the instances id vars start with', () => {
    const design: DesignV2 = {
      format: 'protocol-studio',
      version: 2,
      name: 'renames',
      messages: [{ name: 'Ping', from: 'P', to: 'Q' }],
      roles: [
        {
          name: 'P',
          instances: 2,
          vars: [
            { name: 'peer', type: { id: 'P' }, initial: ['P[1]', 'P[2]'] },
            { name: 'seen', type: { map: { from: 'P', to: { id: 'P' } } }, initial: ['P[2]', 'P[1]'] },
            { name: 'mode', type: { enum: ['P', 'Q'] }, initial: 'P' },
          ],
          states: [{ name: 'idle', initial: true }],
          transitions: [{ from: 'idle', event: 'Go', send: [{ message: 'Ping', to: 'Q' }] }],
          events: [{ name: 'Go', source: 'internal' }],
        },
        { name: 'Q', vars: [{ name: 'last', type: { id: 'P' }, initial: ['P[1]', 'P[2]'] }], states: [{ name: 'idle', initial: true }], transitions: [{ from: 'idle', receive: 'Ping' }] },
      ],
      initially: 'forall p in P: p.peer != p',
      symmetry: { roles: ['P'] },
      environment: { network: { model: 'channels', links: [{ from: 'P', to: 'Q', model: 'pool' }] } },
    };
    const before = loadDesignValueV2(design);
    expect(before.ok ? [] : before.errors).toEqual([]);
    const d = applyEditV2(design, { type: 'renameRole', role: 0, name: 'Proc' });
    expect(d.roles[0]!.vars!.map((v) => v.initial)).toEqual([['Proc[1]', 'Proc[2]'], ['Proc[2]', 'Proc[1]'], 'P']);
    expect(d.roles[1]!.vars![0]!.initial).toEqual(['Proc[1]', 'Proc[2]']);
    expect(d.initially).toBe('forall p in Proc: p.peer != p');
    expect(d.symmetry).toEqual({ roles: ['Proc'] });
    expect(d.environment?.network?.links).toEqual([{ from: 'Proc', to: 'Q', model: 'pool' }]);
    const loaded = loadDesignValueV2(d);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it('renaming any role of any bundled example or published specification leaves a design that loads, with the same shape', () => {
    for (const example of sweep) {
      const before = loadDesignValueV2(example.design);
      if (!before.ok) continue;
      example.design.roles.forEach((role, index) => {
        const d = applyEditV2(example.design, { type: 'renameRole', role: index, name: `${role.name}X` });
        const after = loadDesignValueV2(d);
        expect(after.ok ? [] : after.errors, `${example.slug}: ${role.name}`).toEqual([]);
        if (after.ok) expect([after.model.size, after.model.initials.length], `${example.slug}: ${role.name}`).toEqual([before.model.size, before.model.initials.length]);
      });
    }
  });

  it('renaming any var or state of any bundled example or published specification rewrites every expression that reads it', () => {
    let renamedSomewhere = 0;
    for (const example of sweep) {
      const before = loadDesignValueV2(example.design);
      if (!before.ok) continue;
      const text = JSON.stringify(example.design);
      example.design.roles.forEach((role, r) => {
        const edits = [
          ...(role.vars ?? []).map((v, i) => ({ edit: { type: 'renameVar', role: r, var: i, name: `${v.name}Z` } as const, what: `var ${v.name}` })),
          ...role.states.map((st, i) => ({ edit: { type: 'renameState', role: r, state: i, name: `${st.name}Z` } as const, what: `state ${st.name}` })),
        ];
        for (const { edit, what } of edits) {
          const d = applyEditV2(example.design, edit);
          const after = loadDesignValueV2(d);
          expect(after.ok ? [] : after.errors, `${example.slug}: ${role.name} ${what}`).toEqual([]);
          if (after.ok) expect(after.model.size, `${example.slug}: ${role.name} ${what}`).toBe(before.model.size);
          if (JSON.stringify(d).length !== text.length + 1) renamedSomewhere++;
        }
      });
    }
    // Most renames reach expressions, not only the declaration.
    expect(renamedSomewhere).toBeGreaterThan(20);
  });

  it('renames a var by what each reference names: its role, quantified and id-typed instances, not another role\'s var of that name', () => {
    const design: DesignV2 = {
      format: 'protocol-studio',
      version: 2,
      name: 'vars',
      roles: [
        {
          name: 'RM',
          instances: 2,
          vars: [{ name: 'n', type: { int: [0, 2] }, initial: 0 }],
          states: [{ name: 'working', initial: true }, { name: 'done' }],
          events: [{ name: 'Go', source: 'internal' }],
          transitions: [{ from: 'working', to: 'done', event: 'Go', guard: 'n < 2 && TM.n == 0', updates: { n: 'n + 1' } }],
          invariants: [{ name: 'small', expr: 'n <= 2 && state != "done" || n >= 0' }],
        },
        {
          name: 'TM',
          vars: [
            { name: 'n', type: { int: [0, 2] }, initial: 0 },
            { name: 'who', type: { id: 'RM' }, initial: 'RM[1]' },
          ],
          states: [{ name: 'working', initial: true }],
          transitions: [],
          invariants: [{ name: 'sum', expr: 'n + who.n + RM[2].n <= 6 && (forall r in RM: r.n >= 0 || r.state == "working")' }],
        },
      ],
      invariants: [{ name: 'all', expr: '(count r in RM: r.n > 0) <= 2 && TM.n == 0 && RM[1].state != "done"' }],
    };
    const v = applyEditV2(design, { type: 'renameVar', role: 0, var: 0, name: 'count1' });
    expect(v.roles[0]!.transitions[0]!.guard).toBe('count1 < 2 && TM.n == 0');
    expect(v.roles[0]!.transitions[0]!.updates).toEqual({ count1: 'count1 + 1' });
    expect(v.roles[1]!.invariants![0]!.expr).toBe('n + who.count1 + RM[2].count1 <= 6 && (forall r in RM: r.count1 >= 0 || r.state == "working")');
    expect(v.invariants![0]!.expr).toBe('(count r in RM: r.count1 > 0) <= 2 && TM.n == 0 && RM[1].state != "done"');
    const st = applyEditV2(design, { type: 'renameState', role: 0, state: 1, name: 'finished' });
    expect(st.roles[0]!.invariants![0]!.expr).toBe('n <= 2 && state != "finished" || n >= 0');
    expect(st.invariants![0]!.expr).toContain('RM[1].state != "finished"');
    // "working" is a state of both roles: renaming RM's leaves TM's comparisons alone.
    const w = applyEditV2(design, { type: 'renameState', role: 1, state: 0, name: 'idle' });
    expect(w.roles[1]!.invariants![0]!.expr).toContain('r.state == "working"');
    for (const d of [v, st, w]) {
      const loaded = loadDesignValueV2(d);
      expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    }
  });

  it('renaming any message, event or payload field of any bundled example or published specification leaves a design that loads', () => {
    for (const example of sweep) {
      if (!loadDesignValueV2(example.design).ok) continue;
      const edits: { edit: Parameters<typeof applyEditV2>[1]; what: string }[] = [];
      (example.design.messages ?? []).forEach((m, i) => {
        edits.push({ edit: { type: 'renameMessage', message: i, name: `${m.name}Z` }, what: `message ${m.name}` });
        (m.payload ?? []).forEach((f, k) => edits.push({ edit: { type: 'renameField', owner: { message: i }, field: k, name: `${f.name}Z` }, what: `${m.name}.${f.name}` }));
      });
      example.design.roles.forEach((r, ri) =>
        (r.events ?? []).forEach((e, i) => {
          edits.push({ edit: { type: 'renameEvent', role: ri, event: i, name: `${e.name}Z` }, what: `event ${r.name}.${e.name}` });
          (e.payload ?? []).forEach((f, k) => edits.push({ edit: { type: 'renameField', owner: { role: ri, event: i }, field: k, name: `${f.name}Z` }, what: `${e.name}.${f.name}` }));
          (e.returns ?? []).forEach((f, k) => edits.push({ edit: { type: 'renameField', owner: { role: ri, event: i, returns: true }, field: k, name: `${f.name}Z` }, what: `${e.name} returns ${f.name}` }));
        }),
      );
      for (const { edit, what } of edits) {
        const after = loadDesignValueV2(applyEditV2(example.design, edit));
        expect(after.ok ? [] : after.errors, `${example.slug}: ${what}`).toEqual([]);
      }
    }
  });

  it('renaming onto a taken name changes only the name: the loader reports the clash at the role', () => {
    const d = applyEditV2(twoPhase, { type: 'renameRole', role: 1, name: 'TM' });
    expect(d.messages).toBe(twoPhase.messages);
    const result = loadDesignValueV2(d);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path.startsWith('/roles/1'))).toBe(true);
  });

  it('removes states with their transitions, and a role with its message kinds', () => {
    const d = applyEditV2(pool, { type: 'removeElements', role: 1, states: ['prepared'], transitions: [] });
    expect(d.roles[1]!.states.some((s) => s.name === 'prepared')).toBe(false);
    expect(d.roles[1]!.transitions.every((t) => t.to !== 'prepared' && t.from !== 'prepared' && !(Array.isArray(t.from) && t.from.includes('prepared')))).toBe(true);
    const gone = applyEditV2(pool, { type: 'removeRole', role: 1 });
    expect(gone.roles.map((r) => r.name)).toEqual(['TM']);
    expect((gone.messages ?? []).every((m) => m.from !== 'RM' && m.to !== 'RM')).toBe(true);
  });

  it('batches edits into one design', () => {
    const d = applyEditV2(emptyDesignV2(), { type: 'batch', edits: [{ type: 'set', path: '/name', value: 'A' }, { type: 'set', path: '/description', value: 'B' }] });
    expect([d.name, d.description]).toEqual(['A', 'B']);
  });
});

describe('initial states', () => {
  const initials = (d: DesignV2, role: number) => d.roles[role]!.states.filter((s) => s.initial === true).map((s) => s.name);
  it('"only" moves the mark, "also" adds a start, and with several every change is to one state', () => {
    const rm = twoPhase.roles.findIndex((r) => r.name === 'RM');
    const names = twoPhase.roles[rm]!.states.map((s) => s.name);
    const first = initials(twoPhase, rm)[0]!;
    const other = names.findIndex((n) => n !== first);
    const moved = applyEditV2(twoPhase, initialStateEdit(twoPhase, rm, other, true, 'only'));
    expect(initials(moved, rm)).toEqual([names[other]]);
    const both = applyEditV2(twoPhase, initialStateEdit(twoPhase, rm, other, true, 'also'));
    expect(initials(both, rm).sort()).toEqual([first, names[other]!].sort());
    expect(loadDesignValueV2(both).ok).toBe(true);
    // With two, unticking one keeps the other.
    const firstIndex = names.indexOf(first);
    expect(initials(applyEditV2(both, initialStateEdit(both, rm, firstIndex, false, 'only')), rm)).toEqual([names[other]]);
  });
});

describe('initial values of a var (several alternatives)', () => {
  const design: DesignV2 = {
    ...emptyDesignV2('alternatives'),
    roles: [
      { name: 'P', instances: 2, states: [{ name: 'idle', initial: true }], transitions: [], vars: [
        { name: 'b', type: 'bool', initial: false },
        { name: 'n', type: { int: [1, 3] }, initial: 2 },
        { name: 'e', type: { enum: ['x', 'y'] }, initial: 'y' },
        { name: 'who', type: { map: { from: 'P', to: { id: 'P' } } }, initial: 'P[1]' },
        { name: 'm', type: { int: [0, 1] }, initial: 0, storage: 'volatile' },
      ] },
    ],
  };
  const step = (d: DesignV2, v: number, change: Parameters<typeof initialValuesEdit>[3]): DesignV2 => {
    const edit = initialValuesEdit(d, 0, v, change);
    if (edit === null) throw new Error('no edit');
    return applyEditV2(d, edit);
  };
  const values = (d: DesignV2, v: number) => initialAlternatives(d.roles[0]!.vars![v]!);

  it('add lists the first value of the type not listed yet, as one set (one undo step); the loader accepts the list', () => {
    const edit = initialValuesEdit(design, 0, 0, { add: true }) as DesignEditV2;
    expect(edit).toEqual({ type: 'set', path: '/roles/0/vars/0/initial', value: [false, true] });
    expect(values(step(design, 1, { add: true }), 1)).toEqual([2, 1]);
    expect(values(step(step(design, 1, { add: true }), 1, { add: true }), 1)).toEqual([2, 1, 3]);
    expect(values(step(design, 2, { add: true }), 2)).toEqual(['y', 'x']);
    // A map's entries each choose among the listed instance ids.
    expect(values(step(design, 3, { add: true }), 3)).toEqual(['P[1]', 'P[2]']);
    const loaded = loadDesignValueV2(step(step(design, 0, { add: true }), 3, { add: true }));
    // Per instance: b two ways, each of who's two entries two ways; two instances: 8 × 8.
    expect(loaded.ok && loaded.model.initials.length).toBe(64);
  });

  it('no edit when every value is listed; remove keeps at least one and writes one value as itself', () => {
    const both = step(design, 0, { add: true });
    expect(initialValuesEdit(both, 0, 0, { add: true })).toBeNull();
    const one = step(both, 0, { remove: 0 });
    expect(one.roles[0]!.vars![0]!.initial).toBe(true);
    expect(initialValuesEdit(one, 0, 0, { remove: 0 })).toBeNull();
    expect(initialValuesEdit(design, 0, 9, { add: true })).toBeNull();
  });

  it('set replaces one alternative; a value the type lacks, a repeat or a list on a volatile var is the loader\'s error at its pointer', () => {
    const listed = step(design, 1, { add: true });
    expect(values(step(listed, 1, { set: 1, value: 3 }), 1)).toEqual([2, 3]);
    const errors = (d: DesignV2) => {
      const r = loadDesignValueV2(d);
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    expect(errors(step(listed, 1, { set: 1, value: 7 }))).toEqual(['/roles/0/vars/1/initial/1']);
    expect(errors(step(listed, 1, { set: 1, value: 2 }))).toEqual(['/roles/0/vars/1/initial/1']);
    expect(errors(step(design, 4, { add: true }))).toEqual(['/roles/0/vars/4/initial']);
  });
});
