import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadExampleV2, participantExamplesV2, twoStarts } from '../../engine/v2/testDesigns';
import { featureTexts } from '../../model/v2/exportFeatures';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import { promelaWithSteps } from '../../export/v2/promela';
import { replayTrailV2 } from '../../export/v2/promelaTrail';
import { nestedDesign, nestedSetsDesign } from '../../export/v2/testing/nestedDesign';
import { startsDesign } from '../../export/v2/testing/startsDesign';
import { publishedSetDesign } from '../../export/v2/testing/setDesigns';
import { setsDesign } from '../../export/v2/testing/setsDesign';
import { ringDesign } from '../../export/v2/testing/ringDesign';
import { exploreV2 } from '../../engine/v2/explorer';
import type { DesignV2 } from '../../model/v2/schema';
import { modelOf, variation } from '../../export/v2/testing/randomDesigns';
import { crossCheckV2 } from './crossCheckV2';
import { runPromela, spinAvailable } from './runSpin';

function loadV2(value: unknown): ModelV2 {
  const r = loadAnyDesignValueV2(value);
  if (!r.ok || r.kind !== 'participants') throw new Error('not a design of several participants');
  return r.model;
}

/**
 * Spin against the version-2 explorer (issue 20 item 5): every example, each channel example
 * again with every network fault and a crash, and the two TLA+ specifications with more
 * resource managers. Needs `spin` and `gcc`; without them this suite fails with the command.
 */

const FAST = { optimize: 0, hashBits: 20 } as const;
const EXAMPLES = participantExamplesV2();

function faulty(d: DesignV2): void {
  const net = d.environment?.network;
  if (!net || net.model !== 'channels') return;
  d.environment = { ...d.environment, network: { ...net, capacity: 2, drop: 1, duplicate: 1, reorder: true }, crashes: Math.max(1, d.environment?.crashes ?? 0) };
}

describe('Spin and the version-2 explorer agree', () => {
  it('has Spin and gcc (apt-get install -y spin gcc)', () => {
    expect(spinAvailable()).toBe(true);
  });

  it.each(EXAMPLES)('%s', (file) => {
    expect(crossCheckV2(loadExampleV2(file), FAST)).toEqual([]);
  }, 60_000);

  it.each(EXAMPLES.filter((f) => !f.startsWith('tla-')))('%s with drop, duplicate, reorder and a crash', (file) => {
    expect(crossCheckV2(loadExampleV2(file, undefined, faulty), FAST)).toEqual([]);
  }, 60_000);

  it('channels of one slot with a duplicate budget: no copy ever fits, so no network process', () => {
    const oneSlot = (d: DesignV2) => {
      d.environment = { ...d.environment, network: { model: 'channels', capacity: 1, duplicate: 1 } };
    };
    expect(crossCheckV2(loadExampleV2('lease-calls-broken.protocol.json', undefined, oneSlot), FAST)).toEqual([]);
  }, 60_000);

  it('per-role crash settings: each resource manager at most once, the coordinator never (ok, counted per instance)', () => {
    const perRole = (d: DesignV2) => {
      d.environment = { ...d.environment, crashes: 3 };
      d.roles.find((r) => r.name === 'TM')!.crashes = 0;
      d.roles.find((r) => r.name === 'RM')!.crashes = 1;
    };
    const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, perRole);
    expect(model.roles.map((r) => r.crashCountSlot >= 0)).toEqual([false, true]);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 60_000);

  it('per-role crash settings: only the coordinator crashes (the broken design still breaks)', () => {
    const tmOnly = (d: DesignV2) => {
      d.roles.find((r) => r.name === 'RM')!.crashes = 0;
    };
    expect(crossCheckV2(loadExampleV2('two-phase-commit-broken.protocol.json', undefined, tmOnly), FAST)).toEqual([]);
  }, 60_000);

  it('a best-effort callee whose states are partly volatile, with a durable table and refusals acked durably (the flush before the ack)', () => {
    const mixed = (d: DesignV2) => {
      d.roles[0]!.transitions[0]!.ack = 'best-effort';
      d.roles[0]!.states[1]!.storage = 'volatile';
    };
    const model = loadExampleV2('lease-calls-fixed.protocol.json', undefined, mixed);
    expect(model.roles[0]!.record).not.toBeNull();
    expect(model.roles[0]!.persistedSlot).toBeGreaterThanOrEqual(0);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 120_000);

  it('several initial configurations: boot chooses among the engine\'s 48 (two initial states, a listed ghost var and a listed map, initially, a crash)', () => {
    const model = loadV2(startsDesign());
    expect(model.initials).toHaveLength(48);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 60_000);

  it('several initial configurations with a violation reached only from the second: the trail says where it starts', () => {
    const model = loadV2(twoStarts);
    const { text, steps } = promelaWithSteps(model);
    const spin = runPromela(text, FAST);
    expect(spin.ok && spin.trail !== null).toBe(true);
    const replay = spin.ok && spin.trail ? replayTrailV2(model, steps, spin.trail) : null;
    expect(replay?.ok && replay.violations.map((v) => [v.name, v.start, v.depth])).toEqual([['under three', 1, 1]]);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 60_000);

  it.each(['acp-nb', 'acp-sb', 'ab-correctness', 'asynch-interface', 'inner-fifo'])('published %s (several initial configurations)', (name) => {
    expect(crossCheckV2(loadV2(JSON.parse(readFileSync(join('test-fixtures/published', `${name}.protocol.json`), 'utf8'))), FAST)).toEqual([]);
  }, 120_000);

  it('sets and a map keyed by ints (published voting-sets without its symmetry, which Spin does not apply: 599 configurations)', () => {
    const d = JSON.parse(readFileSync(join('test-fixtures/published', 'voting-sets.protocol.json'), 'utf8')) as DesignV2;
    delete d.symmetry;
    const model = loadV2(d);
    expect(exploreV2({ ...model, checks: { deadlock: false } }).states).toBe(599);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 120_000);

  it.each([
    ['simple-allocator', 'sets built from literals typed by the other side, 400 configurations'],
    ['bcast-byz', 'a bool payload per process and 64 initial configurations, 14,424'],
  ])('published %s: %s', (name) => {
    expect(crossCheckV2(loadV2(JSON.parse(readFileSync(join('test-fixtures/published', `${name}.protocol.json`), 'utf8'))), FAST)).toEqual([]);
  }, 120_000);

  it('a nested map, first key major (published crdt-nested: counter[n][o], 25,000 configurations)', () => {
    const model = loadV2(JSON.parse(readFileSync(join('test-fixtures/published', 'crdt-nested.protocol.json'), 'utf8')));
    expect(featureTexts(model, 'nestedMap')).toEqual(['the var System.counter (a nested map)']);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 120_000);

  it('nested maps three levels deep, keyed by instances, bool, an enum and ints, read of another instance and under primes (testing/nestedDesign.ts)', () => {
    const model = loadV2(nestedDesign());
    expect(featureTexts(model, 'nestedMap').length).toBe(2);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 120_000);

  it('a nested map of sets (bool, then instances, to sets of an enum), written from another entry', () => {
    const model = loadV2(nestedSetsDesign());
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 120_000);

  it('sets and a map keyed by an enum (published missionaries-and-cannibals: Solution broken at depth 11)', () => {
    expect(crossCheckV2(publishedSetDesign('missionaries-and-cannibals'), FAST)).toEqual([]);
  }, 120_000);

  it('instance numbers, / and %: index(i) and Node[index(self) % 3 + 1] round a ring; Node[e] past the last node and a division by zero are eval-errors at the engine\'s depth', () => {
    expect(crossCheckV2(loadV2(ringDesign()), FAST)).toEqual([]);
    expect(crossCheckV2(loadV2(ringDesign('overrun')), FAST)).toEqual([]);
    expect(crossCheckV2(loadV2(ringDesign('zero')), FAST)).toEqual([]);
  }, 120_000);

  it('sets of every element type, maps keyed by bool, an enum and ints, and their eval-errors (testing/setsDesign.ts)', () => {
    expect(crossCheckV2(loadV2(setsDesign()), FAST)).toEqual([]);
  }, 120_000);

  it('the same without its eval-errors, with one instance (Mark\'s keys 1..2, Push\'s elements 0..1, the invariant Tallied): every configuration, one more stored', () => {
    const d = setsDesign();
    d.invariants = d.invariants!.filter((i) => i.name === 'Tallied');
    const role = d.roles[0]!;
    role.instances = 1;
    role.events![1]!.payload = [{ name: 'k', type: { int: [1, 2] } }];
    role.events![2]!.payload = [{ name: 'k', type: { int: [0, 1] } }];
    role.vars![4]!.initial = [[], ['P']];
    const model = loadV2(d);
    const ours = exploreV2({ ...model, checks: { deadlock: false } });
    expect(ours.verdict).toBe('ok');
    expect(ours.states).toBeGreaterThan(1_000);
    expect(crossCheckV2(model, FAST)).toEqual([]);
  }, 300_000);

  it('TwoPhase.tla with 4 resource managers: 1,568 configurations', () => {
    expect(crossCheckV2(loadExampleV2('tla-two-phase.protocol.json', 4), FAST)).toEqual([]);
  }, 60_000);
});

describe('Spin and the version-2 explorer agree on random designs', () => {
  it('variations of the examples', () => {
    let compared = 0;
    fc.assert(
      fc.property(variation, (v) => {
        const model = modelOf(v, 3_000);
        // Variations too large for a quick Spin run are skipped, not counted: fast-check draws others.
        fc.pre(model !== null);
        compared++;
        expect(crossCheckV2(model, FAST), JSON.stringify(v)).toEqual([]);
      }),
      { numRuns: 8, maxSkipsPerRun: 20 },
    );
    expect(compared).toBe(8);
  }, 300_000);
});
