import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialConfiguration } from '../../engine/configuration';
import { explore } from '../../engine/explorer';
import { violationTable } from '../../engine/traceTable';
import { viewConfiguration } from '../../engine/view';
import { loadDesign } from '../../model/load';
import { spinCheckCommand } from './spinCheck';

/** `check --engine spin` as the user sees it (needs Spin and gcc, like the cross-check). */
function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const retried = 'examples/payment-retried.protocol.json';

describe('check --engine spin', () => {
  it("prints the retried payment's violation as the explorer's own trace table", async () => {
    const io = capture();
    const code = await spinCheckCommand([retried, '--engine', 'spin']);
    vi.restoreAllMocks();
    const loaded = loadDesign(readFileSync(retried, 'utf8'));
    if (!loaded.ok) throw new Error('example invalid');
    const ours = explore(loaded.model).violations[0]!;
    const table = violationTable(ours, viewConfiguration(loaded.model, initialConfiguration(loaded.model)));
    expect(code).toBe(1);
    expect(io.out()).toMatch(/^violation \(1\): .*\(Spin breadth-first, [\d.]+ MB\)\n/);
    // Every row is the explorer's; the last line's wording comes from the engine's readable path,
    // which words a replay detail slightly differently from the explorer's fast path.
    expect(io.out()).toContain(table.slice(0, table.lastIndexOf('\n')));
    expect(io.out()).toContain('   ✗ replay Charge: Charge#1 was first processed with outcome ok');
  }, 60_000);

  it('says a bitstate search without a violation is no proof, and exits 3', async () => {
    const io = capture();
    const code = await spinCheckCommand(['examples/payment-idempotent.protocol.json', '--engine', 'spin', '--bitstate', '--json']);
    vi.restoreAllMocks();
    const result = JSON.parse(io.out()) as { verdict: string; reason: string; states: number; spin: { coverage: number } };
    expect(code).toBe(3);
    expect(result.verdict).toBe('incomplete');
    expect(result.reason).toMatch(/^no violation found in an estimated 99\.\d\d % of the space/);
    expect(result.spin.coverage).toBeGreaterThan(0.99);
  }, 60_000);

  it('replays a multi-core trail too (not necessarily a shortest one)', async () => {
    const io = capture();
    const code = await spinCheckCommand([retried, '--engine', 'spin', '--cores', '2']);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(io.out()).toMatch(/^violation \(\d\): .*\(Spin 2 cores, [\d.]+ MB\)\n/);
    expect(io.out()).toMatch(/\n {3}✗ (replay Charge|invariant charged at most once per request): /);
  }, 60_000);

  it('refuses bad arguments with the usage', async () => {
    const io = capture();
    expect(await spinCheckCommand([retried, '--engine', 'tlc'])).toBe(2);
    expect(await spinCheckCommand([retried, '--engine', 'spin', '--cores', '0'])).toBe(2);
    vi.restoreAllMocks();
    expect(io.err()).toContain('usage: check FILE --engine spin');
  });
});
