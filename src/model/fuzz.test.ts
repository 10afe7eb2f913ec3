import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { paymentDesign } from './designFixture';
import { loadDesign, loadDesignValue } from './load';

/** Whatever it is given, the loader returns data: a model or errors with pointers, never a throw. */

const seeds: unknown[] = [paymentDesign()];
for (const half of ['valid', 'invalid'] as const) {
  const folder = conformanceDir(half);
  for (const f of readdirSync(folder).filter((name) => name.endsWith('.protocol.json'))) {
    try {
      seeds.push(JSON.parse(readFileSync(join(folder, f), 'utf8')));
    } catch {
      // not-json.protocol.json is a seed for the text fuzzer only
    }
  }
}

function assertWellFormed(result: ReturnType<typeof loadDesign>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path === '' || e.path.startsWith('/')).toBe(true);
    expect(e.message.trim()).not.toBe('');
    expect(e.code).toMatch(/^[a-z-]+$/);
  }
}

/** All paths to values inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('', 'Idle', 'Charge', '$restart', 'x-', 'charges + 1', "x'", 'event.amount', '(((', 'true', 'sent.Charge', 'bool', 'client', 'durable'),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('name', 'int', 'enum', 'x-a', 'expr', 'guardd', '__proto__'), fc.jsonValue(), { maxKeys: 3 }),
);

function mutate(seed: unknown, edits: { at: number; value: unknown; renameTo: string | null }[]): unknown {
  const copy = structuredClone(seed);
  for (const edit of edits) {
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const path = all[edit.at % all.length]!;
    let parent: any = copy; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const segment of path.slice(0, -1)) parent = parent[segment];
    const key = path[path.length - 1]!;
    if (edit.renameTo !== null && !Array.isArray(parent)) {
      const v = parent[key];
      delete parent[key];
      parent[edit.renameTo] = v;
    } else if (edit.value === undefined && !Array.isArray(parent)) delete parent[key];
    else parent[key] = edit.value;
  }
  return copy;
}

describe('the loader never throws', () => {
  it('on mutated conformance designs (keys, values and types changed at random)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.record({ at: fc.nat(), value: replacement, renameTo: fc.option(fc.constantFrom('nam', 'guardd', 'x-y', 'kind', 'from', 'initial'), { freq: 4 }) }), { minLength: 1, maxLength: 4 }),
        (seed, edits) => {
          const mutated = mutate(seed, edits);
          assertWellFormed(loadDesignValue(mutated));
          assertWellFormed(loadDesign(JSON.stringify(mutated) ?? ''));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assertWellFormed(loadDesignValue(value));
      }),
      { numRuns: 500 },
    );
  });

  it('on random text and on truncated files', () => {
    const text = JSON.stringify(paymentDesign(), null, 2);
    fc.assert(
      fc.property(fc.string(), fc.nat({ max: text.length }), (random, cut) => {
        assertWellFormed(loadDesign(random));
        assertWellFormed(loadDesign(text.slice(0, cut)));
      }),
      { numRuns: 500 },
    );
  });

  it('on random expressions in every expression slot', () => {
    const tokens = fc.constantFrom('charges', 'mode', 'paid', 'state', 'event.amount', 'sent.Charge', "charges'", 'crashes', '"fast"', '"Idle"', '1', '0', 'true', '+', '-', '*', '/', '%', '==', '<', '&&', '||', '=>', '!', '?', ':', '(', ')', 'min(', 'abs(', ',');
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 12 }).map((t) => t.join(' ')), fc.nat(4), (expr, slot) => {
        const d = paymentDesign() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        if (slot === 0) d.transitions[0].guard = expr;
        if (slot === 1) d.transitions[0].updates.charges = expr;
        if (slot === 2) d.invariants[0].expr = expr;
        if (slot === 3) d.transitions[0].invariants[0].expr = expr;
        if (slot === 4) d.transitions[2].guard = expr;
        const r = loadDesignValue(d);
        assertWellFormed(r);
        if (!r.ok) for (const e of r.errors) if (e.column !== undefined) expect(e.column).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('hostile input is refused with a clear error', () => {
  it('5 MB of deep nesting', () => {
    const r = loadDesign('['.repeat(2_500_000) + ']'.repeat(2_500_000));
    expect(r).toMatchObject({ ok: false, errors: [{ path: '', code: 'file-too-large' }] });
    if (!r.ok) expect(r.errors[0]!.message).toContain('2 MiB');
  });
  it('a 5 MB string', () => {
    const r = loadDesign(JSON.stringify({ ...paymentDesign(), description: 'x'.repeat(5_000_000) }));
    expect(r).toMatchObject({ ok: false, errors: [{ path: '', code: 'file-too-large' }] });
  });
  it('deep nesting under the size limit', () => {
    const r = loadDesign('{"layout":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}');
    expect(r).toMatchObject({ ok: false, errors: [{ path: '', code: 'too-deep' }] });
  });
  it('a deep value handed over by the editor', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(loadDesignValue({ ...paymentDesign(), layout: { deep } })).toMatchObject({ ok: true });
    expect(loadDesignValue({ ...paymentDesign(), extra: deep })).toMatchObject({ ok: false, errors: [{ path: '', code: 'too-deep' }] });
  });
  it('huge strings where names and expressions go', () => {
    const d = paymentDesign() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    d.states[1].name = 'S'.repeat(1_000_000);
    d.transitions[0].guard = 'a'.repeat(1_000_000);
    const r = loadDesign(JSON.stringify(d));
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([['/states/1/name', 'name-too-long'], ['/transitions/0/guard', 'expression-too-long']]),
    );
  });
  it('a huge array of elements', () => {
    const d = paymentDesign() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    d.transitions = Array.from({ length: 20_000 }, () => ({ from: 'Idle', event: 'Tick', to: 'Idle' }));
    expect(loadDesign(JSON.stringify(d))).toMatchObject({ ok: false, errors: [{ path: '/transitions', code: 'too-many' }] });
  });
});
