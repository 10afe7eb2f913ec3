import { describe, expect, it } from 'vitest';
import { callNameIndex, callNames, MACHINERY, machineryName } from '../../model/v2/callNames';
import { expandCalls } from '../../model/v2/calls';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { callMessageText, splitCallCoverage } from './callReading';
import { modelOfV2, readExampleV2, walkV2 } from './testDesigns';
import { callMachineryLinesV2 } from './traceTable';
import { exploreV2 } from './explorer';

/** Calls read back as written (format-v2.md §14, the names table): one statement of the names, read by labels and coverage. */

const load = (d: DesignV2): ModelV2 => modelOfV2(d);
const walk = walkV2;

describe('the names of a call, stated once', () => {
  it('every message, event, var and transition the expansion adds is a name of callNames, and the index says what it means', () => {
    const design = readExampleV2('lease-calls-fixed.protocol.json');
    const x = expandCalls(design);
    if (!x.ok) throw new Error('not expanded');
    const n = callNames('Acquire');
    const written = new Set(design.roles.flatMap((r) => [...r.transitions.flatMap((t) => (t.id ? [t.id] : [])), ...(r.events ?? []).map((e) => e.name), ...(r.vars ?? []).map((v) => v.name)]));
    const generated = x.design.roles.flatMap((r) => [...r.transitions.flatMap((t) => (t.id ? [t.id] : [])), ...(r.events ?? []).map((e) => e.name), ...(r.vars ?? []).map((v) => v.name)]).filter((name) => !written.has(name));
    const stated = new Set<string>(Object.values(n).filter((v): v is string => typeof v === 'string'));
    stated.add(n.answerField('token')).add(n.dueField('token'));
    expect(generated.filter((g) => !stated.has(g))).toEqual([]);
    expect(x.design.messages!.map((m) => m.name).every((m) => stated.has(m))).toBe(true);
    const index = callNameIndex(design);
    expect(index.get('Acquire_reply')).toEqual({ what: 'reply', event: 'Acquire' });
    expect(index.get('Acquire_timeout')).toEqual({ what: 'timeout', event: 'Acquire' });
    expect(index.get('Acquire_ack')).toEqual({ what: 'ack', event: 'Acquire' });
    expect(index.get('Acquire_dedupe_hit')).toEqual({ what: 'machinery', event: 'Acquire', part: 'dedupeHit' });
    expect(index.get('replay of Acquire at grant')).toEqual({ what: 'replay', event: 'Acquire', transition: 'grant' });
    // Every machinery transition the expansion wrote is one the index knows.
    const ids = x.design.roles.flatMap((r) => r.transitions.flatMap((t) => (t.id ? [t.id] : [])));
    for (const m of MACHINERY) if (ids.includes(machineryName('Acquire', 'Lock', m.part))) expect(index.get(machineryName('Acquire', 'Lock', m.part))).toMatchObject({ what: 'machinery', part: m.part });
    expect(callNameIndex(readExampleV2('tla-two-phase.protocol.json')).size).toBe(0);
  });

  it('messages read as the call: the request with its id, the reply with its outcome and data', () => {
    const model = load(readExampleV2('lease-calls-fixed.protocol.json'));
    const request = model.messages.findIndex((m) => m.name === 'Acquire');
    const reply = model.messages.findIndex((m) => m.name === 'Acquire_reply');
    expect(callMessageText(model, request, [['call', '1']])).toBe('Acquire #1');
    expect(callMessageText(model, request, [['ttl', '2'], ['call', '1']])).toBe('Acquire(ttl=2) #1');
    expect(callMessageText(model, reply, [['outcome', 'ok'], ['token', '1'], ['call', '1']])).toBe('reply to Acquire #1: ok(token=1)');
    expect(callMessageText(load(readExampleV2('tla-two-phase.protocol.json')), 0, [])).toBeNull();
  });

  it('step labels name the call: receive, ack, drop, retry, the ambiguous timeout, a dedupe hit and a late reply', () => {
    const d = readExampleV2('lease-calls-fixed.protocol.json');
    d.environment = { network: { model: 'channels', capacity: 2, drop: 1 }, crashes: 0 };
    d.invariants = [];
    const sim = walk(load(d), [
      'Client[1] Want',
      'Lock receive Acquire #1 from Client[1]',
      'Lock ack Acquire #1 to Client[1]: ok(token=1)',
      'Client[1] Acquire timed out (retry 2 of 2)',
      'Lock receive Acquire #1 from Client[1] (seen before: answered from the table)',
      'drop reply to Acquire #1: ok(token=1) Lock→Client[1] (at 1)',
      'Client[1] Acquire timed out (ambiguous)',
      'Client[1] receive reply to Acquire #1: ok(token=1) (ignored)',
    ]);
    expect(sim.view().instances.find((i) => i.name === 'Client[1]')!.state).toBe('unsure');
    expect(sim.taken.every((l) => !/Acquire_|call=/.test(l))).toBe(true);
  });

  it('coverage keeps the user\'s transitions and reports each call site\'s machinery apart, reached or not', () => {
    const model = load(readExampleV2('lease-calls-fixed.protocol.json'));
    const all = model.transitions.map((t) => t.name);
    const split = splitCallCoverage(model, all.filter((t) => t !== 'Acquire_retry'), ['Acquire_retry']);
    expect(split.reached).toEqual(['grant', 'busy', 'expire', 'ask', 'granted', 'refused', 'timed out']);
    expect(split.unreached).toEqual([]);
    expect(split.calls).toHaveLength(1);
    expect(split.calls[0]!.machinery.map((m) => [m.part, m.reached])).toEqual([
      ['retry', false],
      ['gaveUp', true],
      ['answered', true],
      ['acked', true],
      ['dedupeHit', true],
      ['rejected', true],
    ]);
    expect(split.calls[0]!.machinery[0]!.means).toBe('no call was ever retried');
    expect(split.calls[0]!.machinery[1]!.means).toBe('a call timed out for good where no Acquire.timeout transition of yours took it');
  });

  it('the command line prints what happened and what never did, per call site', () => {
    const r = exploreV2(load(readExampleV2('lease-calls-fixed.protocol.json')));
    expect(callMachineryLinesV2(r)).toEqual([
      'call machinery per call site (what the engine did for a call beside your transitions):',
      '  Client → Lock.Acquire  happened: retry, ack, dedupe hit; never: gave up, answered, rejected',
    ]);
    expect(callMachineryLinesV2(exploreV2(load(readExampleV2('tla-tcommit.protocol.json'))))).toEqual([]);
  });
});
