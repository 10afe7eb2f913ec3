import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../check';
import { exportCommand } from '../export';
import { validateCommand } from '../validate';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const broken = join(__dirname, '../../../examples/v2/lease-service-retries-broken.protocol.json');
const fixed = join(__dirname, '../../../examples/v2/lease-service-retries-fixed.protocol.json');
const dir = mkdtempSync(join(tmpdir(), 'cli-v2-clients-'));

describe('the command line on a version-2 design with clients', () => {
  it('validate: valid, or every error at its path in the version-2 file', async () => {
    expect(await validateCommand([fixed])).toBe(0);
    const d = JSON.parse(readFileSync(fixed, 'utf8')) as { roles: { events: Record<string, unknown>[] }[] };
    d.roles[0]!.events[0]!['idempotency'] = 'forever';
    const bad = join(dir, 'bad.protocol.json');
    writeFileSync(bad, JSON.stringify(d));
    out = '';
    expect(await validateCommand([bad, '--json'])).toBe(2);
    expect((JSON.parse(out) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['/roles/0/events/0/idempotency']);
  });

  it('check --json: version 1\'s result with client outcomes, marked version 2', async () => {
    expect(await checkCommand([fixed, '--json', '--threads', '1'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ version: 2, verdict: 'ok', states: 156, transitions: 394, depth: 10, outcomes: { ok: 6, error: 0, ambiguous: 4 } });
  });

  it('check: the same result on two threads, and the trace table of version 1', async () => {
    expect(await checkCommand([broken, '--threads', '2'])).toBe(1);
    expect(out).toMatch(/^violation \(1\): 88 states, 160 transitions, depth 6/);
    expect(out).toContain('replay Acquire at depth 6');
  });

  it('export --to json prints the design as validated', async () => {
    expect(await exportCommand([fixed, '--to', 'json'])).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(fixed, 'utf8')));
  });

  it('export --to v2 writes a version-1 file as a version-2 design that checks the same', async () => {
    const v1 = join(__dirname, '../../../examples/payment-retried.protocol.json');
    const v2 = join(dir, 'payment-retried.v2.protocol.json');
    expect(await exportCommand([v1, '--to', 'v2', '-o', v2])).toBe(0);
    expect(JSON.parse(readFileSync(v2, 'utf8'))).toMatchObject({ version: 2, roles: [{ name: 'Machine' }] });
    const check = async (file: string) => {
      out = '';
      const code = await checkCommand([file, '--json', '--threads', '1']);
      const r = JSON.parse(out) as { verdict: string; states: number; transitions: number; depth: number; outcomes: unknown; violations: { kind: string; name: string }[] };
      return [code, r.verdict, r.states, r.transitions, r.depth, r.outcomes, r.violations.map((v) => [v.kind, v.name])];
    };
    expect(await check(v2)).toEqual(await check(v1));
  });

  it('check: calls between participants, broken and fixed', async () => {
    const calls = (f: string) => join(__dirname, `../../../examples/v2/lease-calls-${f}.protocol.json`);
    expect(await checkCommand([calls('broken')])).toBe(1);
    expect(out).toMatch(/^violation \(1\): 396 states/);
    expect(out).toContain('replay Acquire at depth 5');
    expect(out).toContain('Lock ack Acquire #1 to Client[1]: ok(token=1)');
    // The outcomes per call site follow the verdict line: none yet where the violation stopped the search.
    expect(out.split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^client outcomes per call site, in quiescent configurations \(a timeout is ambiguous/),
      '  Client → Lock.Acquire  ok 0, error 0, timeout (ambiguous) 0',
    ]);
    out = '';
    expect(await checkCommand([calls('fixed')])).toBe(0);
    expect(out).toContain('\n  Client → Lock.Acquire  ok 200, error 80, timeout (ambiguous) 162\n');
    out = '';
    expect(await checkCommand([calls('fixed'), '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ version: 2, verdict: 'ok', states: 41418, depth: 20 });
    // Coverage lists the user's transitions; the call's machinery is per call site apart.
    expect(JSON.parse(out).coverage.calls[0]).toMatchObject({ site: 'Client → Lock.Acquire', event: 'Acquire' });
    expect(JSON.parse(out).outcomes).toEqual([
      expect.objectContaining({ site: 'Client → Lock.Acquire', caller: 'Client', callee: 'Lock', event: 'Acquire', transitions: ['ask'], ok: 200, error: 80, timeout: 162 }),
    ]);
    // "ack": "best-effort" (format-v2.md §7, §14): valid, and its example breaks where a durable ack holds.
    const d = JSON.parse(readFileSync(calls('fixed'), 'utf8')) as { roles: { transitions: Record<string, unknown>[] }[] };
    d.roles[0]!.transitions[0]!['ack'] = 'best-effort';
    const bestEffort = join(dir, 'calls-best-effort.protocol.json');
    writeFileSync(bestEffort, JSON.stringify(d));
    out = '';
    expect(await validateCommand([bestEffort, '--json'])).toBe(0);
    out = '';
    expect(await checkCommand([calls('best-effort')])).toBe(1);
    expect(out).toMatch(/^violation \(1\): 899 states, 2154 transitions, depth 8/);
    expect(out).toContain('invariant one holder at depth 8');
    expect(out).toContain('  Client → Lock.Acquire  happened: flush; never: retry, gave up, answered, rejected');
  });
});
