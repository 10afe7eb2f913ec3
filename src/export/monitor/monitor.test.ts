import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../model/load';
import { exportDesign, referencePath } from '..';
import { typeCheck } from '../testing/compile';
import { importWithReference } from '../testing/generatedPair';
import { Monitor, parseLine, prometheusText, type MonitorDesign, type MonitorOptions } from './monitorCore';
import { modelMonitorDesign } from './modelDesign';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const loaded = loadDesign(readFileSync(join(examples, 'payment-service.protocol.json'), 'utf8'));
if (!loaded.ok) throw new Error('payment-service does not load');
const model = loaded.model;

type Exported = { design: MonitorDesign; createMonitor(options?: MonitorOptions): Monitor; prometheusText(m: Monitor): string };

const run = (m: Monitor, lines: readonly string[]) => lines.forEach((l, i) => m.line(i + 1, l));
const received = (id: string, amount = 1) => JSON.stringify({ type: 'received', id, event: 'Charge', payload: { amount } });

describe('the runtime monitor', () => {
  it('exported, it type-checks under the strictest flags beside the exported module', async () => {
    const base = referencePath(model).slice(2);
    const files = { [`${base}.ts`]: await exportDesign(model, 'ts'), [`${base}.monitor.ts`]: await exportDesign(model, 'monitor') };
    expect(typeCheck(files)).toEqual([]);
  });

  it('exported, it reports exactly what the command line reports, on both recorded logs and a hostile one', async () => {
    const { module } = await importWithReference<Exported>(model, 'monitor');
    const logs = ['payment-service-buggy.jsonl', 'payment-service-fixed.jsonl'].map((f) => readFileSync(join(examples, f), 'utf8').split('\n'));
    logs.push([received('a', 2), '{"type":"replied","id":"a","reply":"error"}', received('b', 3), '{"type":"restart","vars":{"charges":5}}', '{"type":"timer","event":"Charge"}', '{}']);
    for (const lines of logs) {
      const exported = module.createMonitor();
      const cli = new Monitor(modelMonitorDesign(model));
      run(exported, lines);
      run(cli, lines);
      expect(exported.reports).toEqual(cli.reports);
      expect(module.prometheusText(exported)).toBe(prometheusText(cli));
    }
  });

  it('exported, it reports exactly what the command line reports on random logs, for designs using each part of the monitor', async () => {
    // A second design for what payment-service lacks: a volatile dedupe table, a state invariant that
    // reads no counts (cached per world), a non-durable state, a timer, a restart transition.
    const lamp = loadDesign(
      JSON.stringify({
        format: 'protocol-studio',
        version: 1,
        name: 'Lamp',
        vars: [
          { name: 'flips', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
          { name: 'warm', type: 'bool', initial: false, storage: 'volatile' },
        ],
        states: [{ name: 'Off', initial: true }, { name: 'On', storage: 'volatile' }],
        events: [
          { name: 'Flip', source: 'client', idempotency: 'volatile', payload: [{ name: 'force', type: 'bool' }] },
          { name: 'Cool', source: 'timer' },
        ],
        transitions: [
          { from: 'Off', event: 'Flip', to: 'On', updates: { flips: 'flips + 1', warm: 'true' } },
          { from: 'On', event: 'Flip', to: 'Off', guard: 'event.force', updates: { flips: 'flips + 1' } },
          { from: 'On', event: 'Cool', to: 'Off', updates: { warm: 'false' } },
          { from: 'On', event: '$restart', to: 'Off' },
        ],
        invariants: [
          { name: 'warm only when on', expr: 'warm == false || state == "On"' },
          { name: 'flips stay low', expr: 'flips <= 2' },
          { name: 'no more flips than requests', expr: 'flips <= sent.Flip', kind: 'step' },
        ],
      }),
    );
    if (!lamp.ok) throw new Error(JSON.stringify(lamp.errors));
    const cases = [
      { model, event: 'Charge', field: 'amount', values: ['1', '2', '3'], timer: 'Charge' },
      { model: lamp.model, event: 'Flip', field: 'force', values: ['true', 'false', '1'], timer: 'Cool' },
    ];
    for (const c of cases) {
      const { module } = await importWithReference<Exported>(c.model, 'monitor');
      const id = fc.constantFrom('a', 'b', 'c', 'd');
      const line = fc.oneof(
        fc.tuple(id, fc.constantFrom(...c.values)).map(([i, v]) => `{"type":"received","id":"${i}","event":"${c.event}","payload":{"${c.field}":${v}}}`),
        id.map((i) => `{"type":"persisted","id":"${i}"}`),
        fc.tuple(id, fc.constantFrom('ok', 'error')).map(([i, r]) => `{"type":"replied","id":"${i}","reply":"${r}"}`),
        fc.constantFrom('{"type":"crash"}', '{"type":"restart"}', `{"type":"timer","event":"${c.timer}"}`, 'not json'),
      );
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (lines, maxRequests) => {
          const exported = module.createMonitor({ maxRequests });
          const cli = new Monitor(modelMonitorDesign(c.model), { maxRequests });
          run(exported, lines);
          run(cli, lines);
          expect(cli.reports).toEqual(exported.reports);
          expect(prometheusText(cli)).toBe(module.prometheusText(exported));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('forgets the oldest request ids first and treats one that comes back as new', () => {
    const m = new Monitor(modelMonitorDesign(model), { maxRequests: 2 });
    run(m, [received('a'), '{"type":"persisted","id":"a"}', received('b'), received('c'), '{"type":"persisted","id":"a"}', '{"type":"persisted","id":"b"}']);
    // a is forgotten when c arrives; b is still known and is persisted normally.
    expect(m.reports.map((r) => [r.kind, r.line, r.name])).toEqual([['impossible', 5, 'a']]);
    expect(m.reports[0]!.message).toMatch(/never received \(or is older than the requests remembered\)/);
    expect(m.counters.forgotten).toBe(1);
  });

  it('gives each report its request\'s lines in order, the reported line once', () => {
    const m = new Monitor(modelMonitorDesign(model), { maxEvidence: 3 });
    run(m, [received('a'), '{"type":"persisted","id":"a"}', '{"type":"replied","id":"a","reply":"ok"}', '{"type":"persisted","id":"a"}', '{"type":"persisted","id":"a"}']);
    // Past maxEvidence the newest line replaces the previous newest: the first lines stay.
    expect(m.reports.filter((r) => r.kind === 'impossible').map((r) => [r.line, r.evidence.map((e) => e.line)])).toEqual([
      [4, [1, 2, 4]],
      [5, [1, 2, 5]],
    ]);
    expect(m.reports[0]!.evidence[0]).toEqual({ line: 1, text: received('a') });
  });

  it('says why each line of a wrong story is impossible', () => {
    const m = new Monitor(modelMonitorDesign(model));
    run(m, [received('a', 2), '{"type":"replied","id":"a","reply":"error"}', received('b', 3), '{"type":"restart","vars":{"charges":5}}']);
    expect(m.reports.map((r) => [r.kind, r.line])).toEqual([
      ['impossible', 2],
      ['fault', 3],
      ['impossible', 4],
    ]);
    expect(m.reports[0]!.message).toMatch(/answered error, but the design replies ok/);
    expect(m.reports[1]!.message).toMatch(/amount/);
    expect(m.reports[2]!.message).toMatch(/restarts with charges=5/);
  });

  it('keeps memory bounded: request ids beyond maxRequests are forgotten, oldest first', () => {
    const m = new Monitor(modelMonitorDesign(model), { maxRequests: 100, maxReports: 10 });
    for (let i = 0; i < 5000; i++) {
      m.line(3 * i + 1, received(`r${i}`));
      m.line(3 * i + 2, `{"type":"persisted","id":"r${i}"}`);
      m.line(3 * i + 3, `{"type":"replied","id":"r${i}","reply":"ok"}`);
    }
    // The design's own range (charges ≤ 4) is overrun by 5000 charges: faults, each counted, few kept.
    expect(m.reports.length).toBeLessThanOrEqual(10);
    expect((m as unknown as { requests: Map<string, unknown> }).requests.size).toBe(100);
    expect(m.counters.lines).toBe(15000);
  });

  it('reads lines as JSON.parse does, fast path or not', () => {
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('r1', 'a"b', 'a\\b', '\u0000', ''));
    const payloadValue = fc.oneof(fc.integer(), fc.boolean(), fc.constantFrom('}', '{', ']', '"', 'a"}b', '\\'), fc.string({ maxLength: 4 }), fc.constant({ nested: 1 }), fc.constant([1]));
    const payload = fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('}', '__proto__')), payloadValue, { maxKeys: 3 });
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('persisted', 'replied', 'received'), id, fc.option(fc.constantFrom('ok', 'error', 'maybe'))).map(([type, i, reply]) =>
        JSON.stringify(reply === null ? { type, id: i } : { type, id: i, reply }),
      ),
      fc.tuple(id, id, fc.option(payload)).map(([i, event, p]) => JSON.stringify(p === null ? { type: 'received', id: i, event } : { type: 'received', id: i, event, payload: p })),
      // A received line cut or spliced: the fast path must not accept what JSON.parse refuses.
      fc.tuple(id, fc.integer({ min: 0, max: 60 }), fc.string({ maxLength: 3 })).map(([i, cut, tail]) => `{"type":"received","id":"${i}","event":"E","payload":{"a":1}}`.slice(0, cut) + tail),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(line, (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expect(() => parseLine(text)).toThrow();
          return;
        }
        expect(parseLine(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes Prometheus label values escaped', () => {
    const design = { ...modelMonitorDesign(model), name: 'a "quoted"\\ name\nnext' };
    expect(prometheusText(new Monitor(design))).toContain('design="a \\"quoted\\"\\\\ name\\nnext"');
  });
});
