import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import * as R from './runValue';
import { runViewV2 } from './runView';
import { takeAllV2 } from './testRuns';

// The fixed lease service: two clients call a lock for a lease (docs/format-v2.md §14).
const model = loadExampleV2('lease-calls-fixed.protocol.json');
const GENERATED = /Acquire_/;

const takeAll = (labels: readonly string[]): R.RunV2 => takeAllV2(R.startRunV2(model), labels);

describe('the instance panels of a design with calls', () => {
  it('show the vars the user wrote and the calls in words, never the names the calls run under', () => {
    const view = runViewV2(takeAll(['Client[1] Want', 'Lock receive Acquire #1 from Client[1]']));
    for (const inst of view.instances) {
      expect([...inst.memory, ...inst.persisted.vars].filter((v) => GENERATED.test(v.name))).toEqual([]);
    }
    const client = view.instances.find((i) => i.name === 'Client[1]')!;
    const lock = view.instances.find((i) => i.name === 'Lock')!;
    expect(client.memory.map((v) => v.name)).toEqual(['lease']);
    expect(client.calls).toEqual([{ text: 'Acquire #1 → Lock: waiting for reply (attempt 1 of 2)', changed: false }]);
    expect(client.persisted.calls.map((l) => l.text)).toEqual(['Acquire: last request #1 (ids are never reused)']);
    // The step just taken put the reply in the outbox and the answer in the table: both new on this row.
    expect(lock.calls).toEqual([
      { text: 'Acquire from Client[1]: reply to #1 due: ok(token=1)', changed: true },
      { text: 'Acquire from Client[1]: table has #1 answered ok(token=1)', changed: true },
    ]);
    expect(lock.persisted.calls.map((l) => l.text)).toEqual(['Acquire from Client[1]: table has #1 answered ok(token=1)']);
  });
});
