import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples } from '../../examples';
import { loadDesignValue } from './load';
import { renameReferences, type Rename } from './rename';
import type { Design } from './schema';

const payment: Design = {
  format: 'protocol-studio',
  version: 1,
  name: 'Payment',
  vars: [
    { name: 'charged', type: { int: [0, 3] }, initial: 0 },
    { name: 'mode', type: { enum: ['Charged', 'Idle'] }, initial: 'Idle' },
  ],
  states: [{ name: 'Idle', initial: true }, { name: 'Charged' }],
  events: [
    { name: 'Charge', source: 'client', payload: [{ name: 'amount', type: { int: [1, 2] } }] },
    { name: 'Refund', source: 'client', payload: [{ name: 'amount', type: { int: [1, 2] } }] },
  ],
  transitions: [
    {
      from: 'Idle',
      event: 'Charge',
      to: 'Charged',
      guard: 'charged<3 && event.amount > 0',
      updates: { charged: 'charged + event.amount', mode: 'state == "Idle" ? "Charged" : mode' },
      invariants: [{ name: 'grows', expr: "charged' >= charged" }],
    },
    { from: 'Charged', event: 'Refund', to: 'Idle', guard: 'event.amount <= charged', updates: { charged: 'charged - event.amount' } },
  ],
  invariants: [
    { name: 'bounded', expr: 'charged <= sent.Charge * 2' },
    { name: 'state', expr: 'state == "Charged" => (charged > 0 || acked.Charge == 0)' },
    { name: 'step', expr: "sent.Charge' >= sent.Charge", kind: 'step' },
  ],
  layout: { Idle: { x: 0, y: 0 }, Charged: { x: 200, y: 0 } },
};

/** The declaration rename the editor does next to `renameReferences`, for these tests. */
function renameDeclaration(design: Design, r: Rename): Design {
  switch (r.kind) {
    case 'var':
      return { ...design, vars: design.vars.map((v) => (v.name === r.from ? { ...v, name: r.to } : v)) };
    case 'state':
      return { ...design, states: design.states.map((s) => (s.name === r.from ? { ...s, name: r.to } : s)) };
    case 'event':
      return { ...design, events: design.events.map((e) => (e.name === r.from ? { ...e, name: r.to } : e)) };
    case 'field':
      return {
        ...design,
        events: design.events.map((e) =>
          e.name === r.event ? { ...e, payload: e.payload?.map((f) => (f.name === r.from ? { ...f, name: r.to } : f)) } : e,
        ),
      };
    case 'enumValue': {
      const swap = (t: Design['vars'][number]['type']) =>
        typeof t === 'object' && 'enum' in t ? { enum: t.enum.map((v) => (v === r.from ? r.to : v)) } : t;
      const [event, field] = r.owner.split('.');
      return {
        ...design,
        vars: design.vars.map((v) => (v.name === r.owner ? { ...v, type: swap(v.type) } : v)),
        events: design.events.map((e) =>
          e.name === event ? { ...e, payload: e.payload?.map((f) => (f.name === field ? { ...f, type: swap(f.type) } : f)) } : e,
        ),
      };
    }
  }
}

const renamed = (design: Design, r: Rename) => renameDeclaration(renameReferences(design, r), r);

describe('renameReferences', () => {
  it('follows a var into guards, update keys and values, primed reads and invariants, keeping the spacing', () => {
    const next = renamed(payment, { kind: 'var', from: 'charged', to: 'charges' });
    expect(next.transitions[0]).toMatchObject({
      guard: 'charges<3 && event.amount > 0',
      updates: { charges: 'charges + event.amount', mode: 'state == "Idle" ? "Charged" : mode' },
      invariants: [{ name: 'grows', expr: "charges' >= charges" }],
    });
    expect(next.invariants.map((i) => i.expr)).toEqual([
      'charges <= sent.Charge * 2',
      'state == "Charged" => (charges > 0 || acked.Charge == 0)',
      "sent.Charge' >= sent.Charge",
    ]);
    expect(loadDesignValue(next).ok).toBe(true);
  });

  it('follows a state into quoted names compared with state, not into an enum value spelled the same', () => {
    const next = renamed(payment, { kind: 'state', from: 'Charged', to: 'Paid' });
    expect(next.invariants[1]?.expr).toBe('state == "Paid" => (charged > 0 || acked.Charge == 0)');
    // mode's enum also has a value "Charged": it is another type and stays.
    expect(next.transitions[0]?.updates?.['mode']).toBe('state == "Idle" ? "Charged" : mode');
    expect(next.transitions.map((t) => [t.from, t.to])).toEqual([['Idle', 'Paid'], ['Paid', 'Idle']]);
    expect(Object.keys(next.layout ?? {})).toEqual(['Idle', 'Paid']);
    expect(loadDesignValue(next).ok).toBe(true);
  });

  it("follows an enum value only where it is read as its owner's enum", () => {
    const next = renamed(payment, { kind: 'enumValue', owner: 'mode', from: 'Idle', to: 'Resting' });
    expect(next.vars[1]).toMatchObject({ initial: 'Resting', type: { enum: ['Charged', 'Resting'] } });
    // "Idle" compared with state is a state name and stays; the branches are mode's values.
    expect(next.transitions[0]?.updates?.['mode']).toBe('state == "Idle" ? "Charged" : mode');
    const flipped = renamed(payment, { kind: 'enumValue', owner: 'mode', from: 'Charged', to: 'Done' });
    expect(flipped.transitions[0]?.updates?.['mode']).toBe('state == "Idle" ? "Done" : mode');
    expect(flipped.invariants[1]?.expr).toBe(payment.invariants[1]?.expr);
    expect(loadDesignValue(flipped).ok).toBe(true);
  });

  it('follows an event into its transitions and the observables of invariants, primed or not', () => {
    const next = renamed(payment, { kind: 'event', from: 'Charge', to: 'Pay' });
    expect(next.transitions.map((t) => t.event)).toEqual(['Pay', 'Refund']);
    expect(next.invariants.map((i) => i.expr)).toEqual([
      'charged <= sent.Pay * 2',
      'state == "Charged" => (charged > 0 || acked.Pay == 0)',
      "sent.Pay' >= sent.Pay",
    ]);
    expect(loadDesignValue(next).ok).toBe(true);
  });

  it("follows a payload field only in the transitions on that field's event", () => {
    const next = renamed(payment, { kind: 'field', event: 'Charge', from: 'amount', to: 'cents' });
    expect(next.transitions[0]?.guard).toBe('charged<3 && event.cents > 0');
    expect(next.transitions[1]?.guard).toBe('event.amount <= charged');
    expect(loadDesignValue(next).ok).toBe(true);
  });

  it('leaves an expression that does not parse, and refuses a new name that is not an identifier', () => {
    const broken: Design = { ...payment, invariants: [{ name: 'half', expr: 'charged + ' }] };
    expect(renameReferences(broken, { kind: 'var', from: 'charged', to: 'n' }).invariants[0]?.expr).toBe('charged + ');
    expect(renameReferences(payment, { kind: 'var', from: 'charged', to: 'two words' })).toBe(payment);
  });

  it('returns the design itself when nothing refers to the name', () => {
    expect(renameReferences(payment, { kind: 'var', from: 'nobody', to: 'someone' })).toBe(payment);
  });
});

/** Every bundled and conformance design, valid ones only. */
function validDesigns(): [string, Design][] {
  const out: [string, Design][] = examples.map((e) => [e.slug, e.design]);
  const dir = join(__dirname, '../../test-fixtures/conformance/valid');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.protocol.json'))) {
    out.push([file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Design]);
  }
  return out.filter(([, d]) => loadDesignValue(d).ok);
}

/** Every name a design declares, as a rename onto a fresh name. */
function everyRename(design: Design): Rename[] {
  const fresh = (name: string) => `${name}_x`;
  const out: Rename[] = [];
  for (const v of design.vars) {
    out.push({ kind: 'var', from: v.name, to: fresh(v.name) });
    if (typeof v.type === 'object' && 'enum' in v.type) for (const value of v.type.enum) out.push({ kind: 'enumValue', owner: v.name, from: value, to: fresh(value) });
  }
  for (const s of design.states) out.push({ kind: 'state', from: s.name, to: fresh(s.name) });
  for (const e of design.events) {
    out.push({ kind: 'event', from: e.name, to: fresh(e.name) });
    for (const f of e.payload ?? []) out.push({ kind: 'field', event: e.name, from: f.name, to: fresh(f.name) });
  }
  return out;
}

describe('renaming any declared name in a valid design', () => {
  const cases = validDesigns().flatMap(([file, d]) => everyRename(d).map((r) => [`${file}: ${r.kind} ${r.from}`, d, r] as const));

  it('covers many names', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s keeps the design valid, and renaming back restores it', (_label, design, r) => {
    const next = renamed(design, r);
    const result = loadDesignValue(next);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const back: Rename = r.kind === 'field' ? { ...r, event: r.event, from: r.to, to: r.from } : { ...r, from: r.to, to: r.from };
    expect(renamed(next, back)).toEqual(design);
  });
});
