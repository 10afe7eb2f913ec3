import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from './diff';
import { reportCommand } from './report';
import { reviewCommand } from './review';
import { captureOutput } from './testOutput';

const io = captureOutput();

const RETRIED = 'examples/payment-retried.protocol.json';
const FIXED = 'examples/payment-idempotent.protocol.json';
const dir = mkdtempSync(join(tmpdir(), 'review-'));

describe('a review of the retried payment from the command line alone', () => {
  it('review FILE lists the checklist findings and exits 1 while some are open', async () => {
    expect(await reviewCommand([RETRIED])).toBe(1);
    expect(io.out).toContain('[retry-without-idempotency] event Charge (/events/0)');
    io.out = '';
    expect(await reviewCommand([RETRIED, '--json'])).toBe(1);
    const json = JSON.parse(io.out) as { findings: { rule: string; path: string }[]; verdict: string };
    expect(json.verdict).toBe('violation');
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: 'retry-without-idempotency', path: '/events/0' }),
    );
  });

  it('report FILE -o writes a self-contained HTML report, or Markdown', async () => {
    const html = join(dir, 'report.html');
    expect(await reportCommand([RETRIED, '-o', html])).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain('replay Charge at depth 5');
    const md = join(dir, 'report.md');
    expect(await reportCommand([RETRIED, '-o', md])).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Review: /);
  });

  it('diff OLD NEW shows the fix and both results side by side, exit 1 for a change', async () => {
    expect(await diffCommand([RETRIED, FIXED])).toBe(1);
    expect(io.out).toContain('idempotency: (unset) → "durable"');
    expect(io.out).toMatch(/verdict +violation +ok/);
    io.out = '';
    expect(await diffCommand([FIXED, FIXED, '--no-check'])).toBe(0);
    expect(io.out).toContain('No changes');
  });

  it('never sends control characters from a design to the terminal', async () => {
    const d = JSON.parse(readFileSync(FIXED, 'utf8')) as { invariants: { name: string }[] };
    d.invariants[1]!.name = 'evil \u001b[2J\u001b]0;title\u0007 name';
    const file = join(dir, 'evil.protocol.json');
    writeFileSync(file, JSON.stringify(d));
    // The loader refuses control characters in names: the refusal names the character, escaped.
    expect(await diffCommand([FIXED, file, '--no-check'])).toBe(2);
    expect(io.err).toContain('U+001B');
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(io.out + io.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('refuses bad arguments and invalid designs with exit 2', async () => {
    expect(await diffCommand([RETRIED])).toBe(2);
    expect(await reviewCommand([join(dir, 'missing.json')])).toBe(2);
    expect(await reportCommand([RETRIED, '--max-states', '-3'])).toBe(2);
    expect(io.err).toContain('usage');
  });
});

const LEASE_BROKEN = 'examples/v2/lease-calls-broken.protocol.json';
const LEASE_FIXED = 'examples/v2/lease-calls-fixed.protocol.json';

describe('a review of a design of several participants from the command line', () => {
  it('review FILE reads a version-2 design: the call retried without idempotency, at the calling transition', async () => {
    expect(await reviewCommand([LEASE_BROKEN, '--json'])).toBe(1);
    const json = JSON.parse(io.out) as { findings: { rule: string; path: string }[]; verdict: string };
    expect(json.verdict).toBe('violation');
    expect(json.findings).toContainEqual(expect.objectContaining({ rule: 'retry-without-idempotency', path: '/roles/1/transitions/0' }));
    io.out = '';
    expect(await reviewCommand([LEASE_FIXED])).toBe(1);
    expect(io.out).not.toContain('retry-without-idempotency');
    expect(io.out).toContain('(check: ok)');
  });

  it('report FILE writes the per-role report with the trace and the call outcomes', async () => {
    const html = join(dir, 'lease.html');
    expect(await reportCommand([LEASE_BROKEN, '-o', html])).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<h2 id="role-1-title">Role Client</h2>');
    expect(text).toContain('replay Acquire at depth 5');
    expect(text).toContain('Client → Lock.Acquire');
    expect(text).not.toMatch(/<script/i);
  });

  it('diff OLD NEW compares two version-2 designs, and refuses designs of two versions', async () => {
    expect(await diffCommand([LEASE_BROKEN, LEASE_FIXED])).toBe(1);
    expect(io.out).toContain('~ event Lock.Acquire\n    idempotency: "none" → "durable"');
    expect(io.out).toMatch(/verdict +violation +ok/);
    expect(await diffCommand([FIXED, LEASE_FIXED, '--no-check'])).toBe(2);
    expect(io.err).toContain('version-1 design');
  });
});

describe('a review of a version-2 design with clients from the command line', () => {
  const RETRIES = 'examples/v2/lease-service-retries-broken.protocol.json';

  it('points every finding into the version-2 file and reads its silences there', async () => {
    expect(await reviewCommand([RETRIES, '--json', '--no-check'])).toBe(1);
    const json = JSON.parse(io.out) as { findings: { rule: string; path: string }[]; open: number };
    expect(json.findings).toContainEqual(expect.objectContaining({ rule: 'volatile-idempotency', path: '/roles/0/events/0' }));
    expect(json.findings.every((f) => f.path === '/environment' || f.path.startsWith('/roles/0/'))).toBe(true);
    // A silence written where the version-2 file keeps the event is honoured.
    const design = JSON.parse(readFileSync(RETRIES, 'utf8')) as { roles: { events: Record<string, unknown>[] }[] };
    design.roles[0]!.events[0]!['x-review'] = { silence: { 'volatile-idempotency': 'the table is rebuilt from the log' } };
    const silenced = join(dir, 'retries-silenced.json');
    writeFileSync(silenced, JSON.stringify(design));
    io.out = '';
    await reviewCommand([silenced, '--json', '--no-check']);
    const after = JSON.parse(io.out) as { findings: { rule: string; silenced?: string }[]; open: number };
    expect(after.findings.find((f) => f.rule === 'volatile-idempotency')?.silenced).toBe('the table is rebuilt from the log');
    expect(after.open).toBe(json.open - 1);
  });
});
