import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** A version-2 check is bounded like a version-1 one: memory, and Ctrl-C prints what was found. */

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'check-bounds-v2-'));
// TwoPhase with 14 resource managers: hundreds of millions of configurations, never finished here.
const big = join(dir, 'big.protocol.json');
const design = JSON.parse(readFileSync(join(root, 'examples/v2/tla-two-phase.protocol.json'), 'utf8')) as {
  roles: { instances?: number }[];
};
design.roles[1]!.instances = 14;
writeFileSync(big, JSON.stringify(design));

beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script without types
  const { buildCli } = (await import('../../../scripts/build-cli.mjs')) as { buildCli: () => Promise<void> };
  await buildCli();
}, 60_000);

function interrupted(
  args: string[],
  signal: NodeJS.Signals,
  afterMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', big, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

describe('check of a version-2 design is bounded', () => {
  it('ends incomplete at --max-memory with its figures, exit 3', () => {
    const run = spawnSync(process.execPath, [cli, 'check', big, '--json', '--max-memory', '12M'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(3);
    const result = JSON.parse(run.stdout) as {
      verdict: string;
      limit: string;
      states: number;
      bytesPerState: number;
    };
    expect(result).toMatchObject({
      version: 2,
      verdict: 'incomplete',
      limit: 'memory',
      reason: 'the memory limit was reached',
    });
    expect(result.states * result.bytesPerState).toBeGreaterThan(12 * 1024 * 1024 * 0.9);
  }, 60_000);

  it.each<NodeJS.Signals>(['SIGINT', 'SIGTERM'])(
    '%s ends the search with the incomplete result printed, exit 3',
    async (signal) => {
      const run = await interrupted([], signal, 4000);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(3);
      expect(run.out).toMatch(/^incomplete: the check was cancelled: \d+ states, \d+ transitions, depth \d+/);
      expect(run.err).toContain(`${signal}: stopping the search`);
    },
    60_000,
  );

  it('prints the JSON result on SIGINT with --json', async () => {
    const run = await interrupted(['--json'], 'SIGINT', 4000);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.out)).toMatchObject({ version: 2, verdict: 'incomplete', limit: 'cancelled' });
  }, 60_000);
});
