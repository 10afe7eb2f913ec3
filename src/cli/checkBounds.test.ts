import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDesign } from '../../bench/engineDesigns';
import { memorySize } from './check';
import { defaultMaxMemory } from './checkThreads';

/** Every check is bounded (issue 12 item 5): memory by default, and Ctrl-C prints what was found. */

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'check-bounds-'));
// Millions of configurations: never finishes within a test.
const big = join(dir, 'big.protocol.json');
writeFileSync(big, JSON.stringify(registerDesign({ requests: 4, budget: 3, values: 3, reorder: true })));

beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script without types
  const { buildCli } = (await import('../../scripts/build-cli.mjs')) as { buildCli: () => Promise<void> };
  await buildCli();
}, 60_000);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs `check` and sends `signal` after `afterMs` (the search is under way by then: it lasts minutes). */
function interrupted(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', big, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, out, err });
    });
  });
}

describe('check is bounded by default', () => {
  it('has a default memory limit of a quarter of the machine', () => {
    expect(defaultMaxMemory()).toBeGreaterThan(0);
    expect(defaultMaxMemory()).toBeLessThanOrEqual(totalmem() / 4);
  });

  it('reads --max-memory sizes', () => {
    expect(memorySize('512M')).toBe(512 * 2 ** 20);
    expect(memorySize('2g')).toBe(2 * 2 ** 30);
    expect(memorySize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(memorySize('300')).toBe(300 * 2 ** 20);
    expect(memorySize('0')).toBeNull();
    expect(memorySize('lots')).toBeNull();
  });

  it.each([1, 2])('ends incomplete at --max-memory with its figures, exit 3 (%i threads)', (threads) => {
    const run = spawnSync(process.execPath, [cli, 'check', big, '--json', '--max-memory', '12M', '--threads', String(threads)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(3);
    const result = JSON.parse(run.stdout) as { verdict: string; limit: string; states: number; bytesPerState: number };
    expect(result).toMatchObject({ verdict: 'incomplete', limit: 'memory' });
    expect(result.states * result.bytesPerState).toBeGreaterThan(12 * 2 ** 20 * 0.5);
    // Checked every 64 configurations per thread; threads see only their own share, and the
    // merged figures add the level being built: the bound holds within a small factor.
    expect(result.states * result.bytesPerState).toBeLessThan(12 * 2 ** 20 * 3);
  }, 60_000);

  it('refuses a --max-memory that is not a size', () => {
    const run = spawnSync(process.execPath, [cli, 'check', big, '--max-memory', 'lots'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--max-memory needs a size/);
  });

  it.each<[NodeJS.Signals, number]>([
    ['SIGINT', 1],
    ['SIGTERM', 1],
    ['SIGINT', 2],
  ])('%s ends the search with the incomplete result printed, exit 3 (%i threads)', async (signal, threads) => {
    const run = await interrupted(['--threads', String(threads)], signal, 5000);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(3);
    expect(run.out).toMatch(/^incomplete: the check was cancelled: \d+ states, \d+ transitions, depth \d+/);
    expect(run.err).toContain(`${signal}: stopping the search`);
  }, 60_000);

  it('prints the JSON result on SIGINT with --json', async () => {
    const run = await interrupted(['--json', '--threads', '1'], 'SIGINT', 5000);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.out)).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  }, 60_000);
});
