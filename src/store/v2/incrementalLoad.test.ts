import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignIncrementallyV2 } from '../../model/v2/incrementalLoad';
import { loadAnyDesignValueV2, type AnyLoadResultV2 } from '../../model/v2/load';
import { toPointer, type PathSegment } from '../../model/pointer';
import type { DesignV2 } from '../../model/v2/schema';
import { applyEditV2, type DesignEditV2 } from './designEditsV2';
import { editorBenchDesignV2 as benchDesign } from '../../../bench/editorBenchDesign.mjs';

/**
 * The incremental loader (role checks remembered by object identity) gives exactly what the full
 * loader gives, after every edit of random edit sequences made the way the editor makes them
 * (`applyEditV2`, which keeps untouched roles' objects): the same errors in the same order, or
 * the same model.
 */

const folder = join(__dirname, '../../../examples/v2');
const examples = readdirSync(folder)
  .filter((f) => f.endsWith('.protocol.json'))
  .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as DesignV2)
  .filter((d) => d.version === 2);


/** Every path in a value; edits land on one of them (layout left out: it is never checked by role). */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!(prefix.length === 0 && k === 'layout')) out.push(...paths(v, [...prefix, k]));
  return out;
}

const replacement = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 40 }),
  fc.boolean(),
  fc.constantFrom('', 'S1', 'A', 'B', 'MA', 'Step', 'true', 'false', 'x + 1', 'sender', 'self', 'count r in A: true', 'prepared[', '1 / 0', 'durable', 'volatile', 'internal', '$restart'),
  fc.string({ maxLength: 6 }),
  fc.dictionary(fc.constantFrom('name', 'from', 'to', 'event', 'receive', 'guard', 'initial', 'x-note', '__proto__'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

type RandomEdit = { kind: 'set' | 'insert' | 'remove' | 'copy'; at: number; other: number; value: unknown };
const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  kind: fc.constantFrom('set', 'set', 'insert', 'remove', 'copy'),
  at: fc.nat(),
  other: fc.nat(),
  value: replacement,
});

/** A random edit as the editor's store would apply it (`copy` sets one part to another's value, e.g. a valid guard or state). */
function toEdit(design: DesignV2, e: RandomEdit): DesignEditV2 {
  const all = paths(design).filter((p) => p.length > 0);
  if (all.length === 0) return { type: 'set', path: '/roles', value: [] };
  const path = all[e.at % all.length]!;
  const pointer = toPointer(path);
  switch (e.kind) {
    case 'set':
      return { type: 'set', path: pointer, value: e.value };
    case 'remove':
      return { type: 'remove', path: pointer };
    case 'insert':
      return { type: 'insert', path: toPointer(path.slice(0, -1)), value: e.value, at: 0 };
    case 'copy': {
      const from = all[e.other % all.length]!;
      let v: unknown = design;
      for (const s of from) v = (v as Record<string, unknown>)[s];
      return { type: 'set', path: pointer, value: structuredClone(v) };
    }
  }
}

/** A result as data: functions and typed arrays made comparable, so two models compare by shape and numbers. */
function plain(result: AnyLoadResultV2): unknown {
  return JSON.parse(JSON.stringify(result, (_, v: unknown) => (typeof v === 'function' ? `fn:${v.toString().length}` : v instanceof Float64Array ? Array.from(v) : v)));
}

function sameAsFull(design: DesignV2): void {
  const incremental = loadDesignIncrementallyV2(design);
  const full = loadAnyDesignValueV2(design);
  expect(plain(incremental)).toEqual(plain(full));
  if (!full.ok) expect(incremental.ok ? [] : incremental.errors).toEqual(full.errors);
}

describe('the incremental version-2 loader', () => {
  const seeds = [...examples, benchDesign()];

  it('accepts every example and the bench design exactly as the full loader does', () => {
    expect(seeds.length).toBeGreaterThan(5);
    for (const seed of seeds) sameAsFull(seed);
  });

  it('after every edit of random edit sequences, gives the full loader\'s errors (paths, messages, order) or model', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(randomEdit, { minLength: 1, maxLength: 8 }), (k, edits) => {
        let design = seeds[k]!;
        sameAsFull(design);
        for (const e of edits) {
          design = applyEditV2(design, toEdit(design, e));
          sameAsFull(design);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sends a design past the count limits (which span roles) to the full loader', () => {
    const design = benchDesign();
    const big = (role: number, count: number): DesignV2 => applyEditV2(design, { type: 'set', path: `/roles/${role}/transitions`, value: Array.from({ length: count }, () => design.roles[role]!.transitions[1]) });
    // 3 × 1400 transitions pass each role's own check but not the design's limit of 4000 together.
    const tooMany = applyEditV2(applyEditV2(big(0, 1400), { type: 'set', path: '/roles/1/transitions', value: big(1, 1400).roles[1]!.transitions }), { type: 'set', path: '/roles/2/transitions', value: big(2, 1400).roles[2]!.transitions });
    sameAsFull(big(0, 1400));
    sameAsFull(tooMany);
    expect(loadAnyDesignValueV2(tooMany).ok).toBe(false);
  });

  it('treats unknown keys, extension keys and wrong shapes at the top and in a role as the full loader does', () => {
    const design = benchDesign();
    const cases: DesignEditV2[] = [
      { type: 'set', path: '/colour', value: 'red' },
      { type: 'set', path: '/x-note', value: { any: 1 } },
      { type: 'set', path: '/roles/2/x-note', value: 'kept aside' },
      { type: 'set', path: '/roles/2/colour', value: 'red' },
      { type: 'set', path: '/roles/0/states/3/x-pos', value: 1 },
      { type: 'set', path: '/roles/1', value: 'not a role' },
      { type: 'set', path: '/messages/0/from', value: 'Z' },
      { type: 'set', path: '/version', value: 1 },
    ];
    for (const edit of cases) {
      const next = applyEditV2(design, edit);
      sameAsFull(next);
    }
    expect(loadDesignIncrementallyV2(applyEditV2(design, { type: 'set', path: '/colour', value: 'red' })).ok).toBe(false);
    expect(loadDesignIncrementallyV2(applyEditV2(design, { type: 'set', path: '/roles/2/x-note', value: 'kept aside' })).ok).toBe(true);
  });

  it('keeps an untouched role\'s object across an edit of another role, so its check is reused', () => {
    const design = benchDesign();
    const next = applyEditV2(design, { type: 'set', path: '/roles/1/transitions/3/guard', value: 'true' });
    expect(next.roles[0]).toBe(design.roles[0]);
    expect(next.roles[2]).toBe(design.roles[2]);
    expect(next.roles[1]).not.toBe(design.roles[1]);
    expect(plain(loadDesignIncrementallyV2(next))).toEqual(plain(loadAnyDesignValueV2(next)));
  });
});
