import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { callLines, isGeneratedVar, writtenVars } from './callState';
import { exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';
import { modelOfV2, readExampleV2, walkV2 } from './testDesigns';
import { traceRowsV2, violationTableV2 } from './traceTable';
import { viewConfigurationV2 } from './view';

/** An instance's configuration read as the design was written: the user's vars, and its calls in words. */

const load = (d: DesignV2): ModelV2 => modelOfV2(d);
const walk = walkV2;

const GENERATED = /Acquire_|_pending|_outcome|_seen|_due|_first/;

function leaseWithDrop(): ModelV2 {
  const d = readExampleV2('lease-calls-fixed.protocol.json');
  d.environment = { network: { model: 'channels', capacity: 2, drop: 1 }, crashes: 1 };
  d.invariants = [];
  return load(d);
}

describe('calls read in the user\'s words', () => {
  it('keeps the vars the user wrote and tells generated ones apart', () => {
    const model = leaseWithDrop();
    const client = model.instances.findIndex((i) => i.name === 'Client[1]');
    const view = viewConfigurationV2(model, model.initial).instances[client]!;
    // The full configuration still holds the call's vars (the JSON results keep them) …
    expect(Object.keys(view.vars).some((v) => GENERATED.test(v))).toBe(true);
    // … the reading leaves them out.
    expect(writtenVars(model, client, view).map(([name]) => name)).toEqual(model.design.roles.find((r) => r.name === 'Client')!.vars!.map((v) => v.name));
    expect(isGeneratedVar(model, model.instances[client]!.role, 'Acquire_pending')).toBe(true);
    expect(isGeneratedVar(model, model.instances[client]!.role, 'lease')).toBe(false);
    expect(callLines(model, client, view)).toEqual([]);
  });

  it('says where a call stands on the caller and on the callee, step by step', () => {
    const model = leaseWithDrop();
    const at = (sim: SimulationV2, name: string, persisted = false) => {
      const i = model.instances.findIndex((x) => x.name === name);
      return callLines(model, i, sim.view().instances[i]!, persisted);
    };
    const sim = walk(model, ['Client[1] Want']);
    expect(at(sim, 'Client[1]')).toEqual(['Acquire #1 → Lock: waiting for reply (attempt 1 of 2)']);
    const served = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]']);
    expect(at(served, 'Lock')).toEqual(['Acquire from Client[1]: reply to #1 due: ok(token=1)', 'Acquire from Client[1]: table has #1 answered ok(token=1)']);
    // A crash keeps the durable table, not the volatile outbox; the caller keeps its last request id.
    expect(at(served, 'Lock', true)).toEqual(['Acquire from Client[1]: table has #1 answered ok(token=1)']);
    expect(at(served, 'Client[1]', true)).toEqual(['Acquire: last request #1 (ids are never reused)']);
    const retried = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]', 'Lock ack Acquire #1 to Client[1]: ok(token=1)', 'Client[1] Acquire timed out (retry 2 of 2)']);
    expect(at(retried, 'Client[1]')).toEqual(['Acquire #1 → Lock: waiting for reply (attempt 2 of 2)']);
    expect(at(retried, 'Lock')).toEqual(['Acquire from Client[1]: table has #1 answered ok(token=1)']);
    const ended = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]', 'Lock ack Acquire #1 to Client[1]: ok(token=1)', 'Client[1] receive reply to Acquire #1: ok(token=1)']);
    expect(at(ended, 'Client[1]')).toEqual(['Acquire #1: last outcome ok']);
    const gaveUp = walk(model, ['Client[1] Want', 'Client[1] Acquire timed out (retry 2 of 2)', 'Client[1] Acquire timed out (ambiguous)']);
    expect(at(gaveUp, 'Client[1]')).toEqual(['Acquire #1: last outcome timeout (ambiguous)']);
    const crashed = walk(model, ['Client[1] Want', 'crash Client[1]']);
    expect(at(crashed, 'Client[1]')).toEqual(['Acquire #1: no outcome (the call was forgotten in a crash)']);
  });

  it('the trace table shows no generated name and shows the calls in words', () => {
    const d = readExampleV2('lease-calls-broken.protocol.json');
    const model = load(d);
    const r = exploreV2(model);
    expect(r.verdict).toBe('violation');
    const v = r.violations[0]!;
    // The machine-readable trace keeps the whole configuration.
    expect(JSON.stringify(v.trace)).toMatch(/Acquire_pending/);
    const { header, rows } = traceRowsV2(model, v, viewConfigurationV2(model, model.initial));
    const text = [header, ...rows].map((row) => row.join(' | ')).join('\n');
    expect(text).not.toMatch(GENERATED);
    expect(text).toContain('Acquire #1 → Lock: waiting for reply (attempt 1 of 2)');
    expect(violationTableV2(model, v, viewConfigurationV2(model, model.initial))).not.toMatch(GENERATED);
  });

  it('a design without calls reads as before', () => {
    const model = load(readExampleV2('tla-two-phase.protocol.json'));
    const view = viewConfigurationV2(model, model.initial);
    view.instances.forEach((inst, i) => {
      expect(writtenVars(model, i, inst)).toEqual(Object.entries(inst.vars));
      expect(callLines(model, i, inst)).toEqual([]);
    });
  });

  it('a view of an instance the model no longer has reads as nothing, not a crash', () => {
    const model = leaseWithDrop();
    const view = viewConfigurationV2(model, model.initial).instances[0]!;
    expect(writtenVars(model, 99, view)).toEqual([]);
    expect(callLines(model, 99, view)).toEqual([]);
  });
});

describe('a best-effort callee\'s unflushed record', () => {
  it('reads as the effect not yet on disk, with what is on disk, and never by its generated names', () => {
    const model = load(readExampleV2('lease-calls-best-effort.protocol.json'));
    const sim = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]']);
    const lock = model.instances.findIndex((x) => x.name === 'Lock');
    const view = sim.view().instances[lock]!;
    expect(Object.keys(view.vars)).toContain('unflushed');
    expect(writtenVars(model, lock, view).map(([name]) => name).some((n) => n.startsWith('unflushed'))).toBe(false);
    expect(callLines(model, lock, view)[0]).toBe('best-effort effect not yet on disk (on disk: state free, token=0, holder=Client[1])');
    expect(callLines(model, lock, view, true).some((l) => l.includes('not yet on disk'))).toBe(false);
  });
});
