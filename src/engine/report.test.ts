import { describe, expect, it } from 'vitest';
import { linksOf, ParentLinks } from './parentLinks';
import { buildReport, type Explored, type Found } from './report';
import { testModel } from './testDesign';

const model = testModel({
  vars: [{ name: 'x', type: { int: [0, 3] }, initial: 0 }],
  states: [{ name: 'A', initial: true }, { name: 'B' }],
  events: [{ name: 'Go', source: 'client' }],
  transitions: [{ from: 'A', event: 'Go', to: 'B', updates: { x: 'x + 1' } }],
  invariants: [{ name: 'small', expr: 'x == 0' }],
  environment: { requests: 1 },
});

/** What an explorer hands `buildReport`: the initial configuration (id 0) and one found violation. */
/** The initial configuration (0) and one successor of it (1, by step 0). */
function twoLinks() {
  const links = new ParentLinks();
  links.add(-1, -1);
  links.add(0, 0);
  return links.data();
}

function explored(found: Found): Explored {
  return {
    verdict: 'violation',
    states: 2,
    transitions: 1,
    depth: found.depth,
    found: [found],
    links: linksOf(twoLinks()),
    statesReached: new Uint8Array(2),
    transitionsReached: new Uint8Array(1),
    outcomes: { ok: 0, error: 0, ambiguous: 0 },
    seconds: 0,
    statesPerSecond: 0,
    bytesPerState: 0,
    limit: null,
  };
}

// Step 0 of the initial configuration is `send Go#1`, step 0 after it `deliver Go#1`, which breaks `small`.
const real: Found = { kind: 'invariant', name: 'small', detail: '`x == 0` is false', depth: 2, parent: 1, stepIndex: 0 };

describe('a reported violation is re-executed through the readable engine', () => {
  it('reports a confirmed violation with the readable engine’s own trace and text', () => {
    const r = buildReport(model, explored({ ...real, detail: 'the fast path’s wording' }));
    expect(r.verdict).toBe('violation');
    expect(r.internalErrors).toBeUndefined();
    expect(r.violations[0]!.trace.map((t) => t.label)).toEqual(['send Go#1', 'deliver Go#1']);
    expect(r.violations[0]!.detail).toBe('`x == 0` is false');
    expect(r.violations[0]!.trace.at(-1)!.violation).toBe('invariant small: `x == 0` is false');
  });

  it('turns a violation the readable engine does not reproduce into an internal error, never a violation', () => {
    const r = buildReport(model, explored({ ...real, name: 'other' }));
    expect(r.violations).toEqual([]);
    expect(r.verdict).toBe('incomplete');
    expect(r.reason).toMatch(/^internal error/);
    expect(r.internalErrors).toEqual([
      {
        message: 'the last step, deliver Go#1, does not violate it in the readable engine',
        reported: { kind: 'invariant', name: 'other', detail: '`x == 0` is false', depth: 2 },
        trace: ['send Go#1', 'deliver Go#1'],
        design: model.design,
      },
    ]);
  });

  it('names a step index the readable engine does not have', () => {
    const r = buildReport(model, explored({ ...real, stepIndex: 40 }));
    expect(r.internalErrors?.[0]?.message).toBe('step 2 (index 40) is not enabled in the readable engine');
    expect(r.internalErrors?.[0]?.trace).toEqual(['send Go#1']);
  });

  it('checks a violation of the initial configuration against the initial configuration', () => {
    const r = buildReport(model, explored({ ...real, depth: 0, parent: -1, stepIndex: -1 }));
    expect(r.internalErrors?.[0]?.message).toBe('the initial configuration does not violate it');
  });
});
