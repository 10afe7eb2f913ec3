/**
 * Monitor benchmark: log lines per second and peak memory of `npm run -s cli -- monitor DESIGN -`
 * on generated logs of 1 and 10 million lines piped to it (a switch service: each request turns it
 * on or off, one request id in three is retried and answered from the durable dedupe table), so
 * the figure includes JSON parsing, the design's guards and updates and its invariants. Prints
 * figures, asserts nothing. Run as `npm run bench -- monitor` (`--quick`: 1 million lines only).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const quick = process.argv.includes('--quick');
const design = {
  format: 'protocol-studio',
  version: 1,
  name: 'Switch',
  vars: [{ name: 'flips', type: { int: [0, 1] }, initial: 0 }],
  states: [{ name: 'Off', initial: true }, { name: 'On' }],
  events: [{ name: 'Flip', source: 'client', idempotency: 'durable', payload: [{ name: 'force', type: 'bool' }] }],
  transitions: [
    { from: 'Off', event: 'Flip', to: 'On', updates: { flips: '1 - flips' } },
    { from: 'On', event: 'Flip', to: 'Off', updates: { flips: '1 - flips' } },
  ],
  invariants: [{ name: 'flips follow the state', expr: '(state == "On") == (flips == 1)' }],
};
const file = join(mkdtempSync(join(tmpdir(), 'monitor-bench-')), 'switch.protocol.json');
writeFileSync(file, JSON.stringify(design));

/** Request i's lines; every third request is then retried once (a dedupe hit: received, replied). */
function chunk(from: number, requests: number): string {
  let out = '';
  for (let i = from; i < from + requests; i++) {
    out += `{"type":"received","id":"req-${i}","event":"Flip","payload":{"force":false}}\n{"type":"persisted","id":"req-${i}"}\n{"type":"replied","id":"req-${i}","reply":"ok"}\n`;
    if (i % 3 === 0) out += `{"type":"received","id":"req-${i}","event":"Flip","payload":{"force":false}}\n{"type":"replied","id":"req-${i}","reply":"ok"}\n`;
  }
  return out;
}

async function run(lines: number): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-cli.mjs'), 'monitor', file, '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const perRequest = 11 / 3; // 3 lines, plus 2 for one request in three
  const requests = Math.round(lines / perRequest);
  for (let i = 0; i < requests; i += 10_000) {
    if (!child.stdin.write(chunk(i, Math.min(10_000, requests - i)))) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return `exit ${code}: ${output.trim().split('\n').at(-1)}`;
}

for (const lines of quick ? [1_000_000] : [1_000_000, 10_000_000]) console.log(`monitor, ~${lines.toLocaleString('en')} lines: ${await run(lines)}`);
