import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../engine/simulator';
import { parseTraceFile } from '../engine/traceFile';
import { loadDesign } from '../model/load';
import { monitorCommand } from './monitor';
import { captureOutput } from './testOutput';

const io = captureOutput();

const examples = join(import.meta.dirname, '..', '..', 'examples');
const design = join(examples, 'payment-service.protocol.json');
const dir = mkdtempSync(join(tmpdir(), 'monitor-'));

describe('monitor DESIGN LOG.jsonl', () => {
  it('reports the buggy service\'s double charge with its evidence lines, exits 1 and writes a trace the simulator replays', async () => {
    const trace = join(dir, 'buggy.trace.json');
    expect(await monitorCommand([design, join(examples, 'payment-service-buggy.jsonl'), '--trace', trace, '--metrics'])).toBe(1);
    expect(io.out).toMatch(/payment-service-buggy\.jsonl:7: invariant "charged at most once per request"/);
    expect(io.out).toMatch(/^\s+5 {2}\{"type":"received","id":"r1"/m);
    expect(io.out).toMatch(/protocol_monitor_invariant_violations_total\{design="Payment service",invariant="charged at most once per request"\} 1/);
    expect(io.out).toMatch(/protocol_monitor_replays_changed_outcome_total\{design="Payment service"\} 1/);
    const parsed = parseTraceFile(readFileSync(trace, 'utf8'));
    expect(parsed.ok).toBe(true);
    const model = loadDesign(readFileSync(design, 'utf8'));
    if (!parsed.ok || !model.ok) return;
    expect(parsed.trace.steps[0]).toBe('send Charge#1 amount=1');
    expect(createSimulator(model.model).replay(parsed.trace.steps)).toMatchObject({ ok: true });
  });

  it('exits 0 on the fixed service\'s log', async () => {
    expect(await monitorCommand([design, join(examples, 'payment-service-fixed.jsonl')])).toBe(0);
    expect(io.out).toMatch(/^ok: 10 lines, 0 violation/m);
  });

  it('reports bad lines with their numbers, skips them and goes on', async () => {
    const log = join(dir, 'bad.jsonl');
    const escape = String.fromCharCode(27);
    writeFileSync(
      log,
      ['{"type":"received","id":"a","event":"Charge","payload":{"amount":1}}', 'not json', '[1]', `{"type":"landed${escape}[31m"}`, '{"type":"persisted","id":"a"}', '{"type":"replied","id":"a","reply":"ok"}', ''].join('\n'),
    );
    expect(await monitorCommand([design, log])).toBe(0);
    expect(io.out).toMatch(/bad\.jsonl:2: bad-line: line 2 skipped: not JSON/);
    expect(io.out).toMatch(/bad\.jsonl:3: bad-line: line 3 skipped: not a JSON object/);
    expect(io.out).toMatch(/bad\.jsonl:4: bad-line/);
    expect(io.out).not.toContain(escape);
    expect(io.out).toMatch(/^ok: 6 lines, 0 violation\(s\), 3 bad line\(s\) skipped/m);
  });

  it('never lets log text drive the terminal: control characters are printed escaped', async () => {
    const log = join(dir, 'escape.jsonl');
    writeFileSync(log, '{"type":"persisted","id":"x\\u001b[2J"}\n');
    expect(await monitorCommand([design, log])).toBe(1);
    expect(io.out).toContain('x\\u001b[2J');
    expect(io.out).not.toContain(String.fromCharCode(27));
  });

  it('exits 2 for a missing log or bad arguments', async () => {
    expect(await monitorCommand([design, join(dir, 'missing.jsonl')])).toBe(2);
    expect(io.err).toMatch(/cannot read/);
    expect(await monitorCommand([design])).toBe(2);
    expect(await monitorCommand([design, 'a', 'b'])).toBe(2);
  });
});
