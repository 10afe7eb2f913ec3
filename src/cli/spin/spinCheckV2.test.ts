import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../check';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const examples = join(__dirname, '../../../examples/v2');

describe('check --engine spin on version-2 designs', () => {
  it('prints the broken two-phase commit as our own trace table (Spin trail replayed through the engine)', async () => {
    expect(await checkCommand([join(examples, 'two-phase-commit-broken.protocol.json'), '--engine', 'spin'])).toBe(1);
    expect(out).toMatch(/^violation \(1\): 352 states, .*Spin breadth-first.*deadlock not checked by Spin\)/);
    expect(out).toContain('invariant all or nothing at depth 10');
    expect(out).toContain('restart TM (presume-abort)');
  }, 60_000);

  it('--json: ok with our configuration count (Spin stores one more)', async () => {
    expect(await checkCommand([join(examples, 'tla-two-phase.protocol.json'), '--engine', 'spin', '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ version: 2, verdict: 'ok', states: 288, depth: 10, spin: { storedStates: 289, deadlockChecked: false } });
  }, 60_000);

  it('--bitstate never says ok', async () => {
    expect(await checkCommand([join(examples, 'tla-tcommit.protocol.json'), '--engine', 'spin', '--bitstate'])).toBe(3);
    expect(out).toMatch(/^incomplete: no violation found in an estimated 99\.\d\d % of the space/);
  }, 60_000);
});
