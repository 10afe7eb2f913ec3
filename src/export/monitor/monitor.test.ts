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
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('persisted', 'replied', 'received'), id, fc.option(fc.constantFrom('ok', 'error', 'maybe'))).map(([type, i, reply]) =>
        JSON.stringify(reply === null ? { type, id: i } : { type, id: i, reply }),
      ),
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
