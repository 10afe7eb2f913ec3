import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../check';
import { exportCommand } from '../export';
import { validateCommand } from '../validate';
import { captureOutput } from '../testOutput';

const io = captureOutput();

const examples = join(__dirname, '../../../examples/v2');
const dir = mkdtempSync(join(tmpdir(), 'cli-v2-'));

describe('the command line on version-2 designs', () => {
  it('validate: exit 0 for a valid design, 2 with every error at its path', async () => {
    expect(await validateCommand([join(examples, 'tla-two-phase.protocol.json')])).toBe(0);
    expect(io.out).toContain('valid');
    const d = JSON.parse(readFileSync(join(examples, 'tla-two-phase.protocol.json'), 'utf8')) as { roles: { transitions: Record<string, unknown>[] }[] };
    d.roles[0]!.transitions[1]!['guard'] = 'forall r in RM: prepard[r]';
    const bad = join(dir, 'bad.protocol.json');
    writeFileSync(bad, JSON.stringify(d));
    io.out = '';
    expect(await validateCommand([bad, '--json'])).toBe(2);
    const json = JSON.parse(io.out) as { valid: boolean; errors: { path: string; code: string; column?: number }[] };
    expect(json.valid).toBe(false);
    expect(json.errors).toEqual([expect.objectContaining({ path: '/roles/0/transitions/1/guard', code: 'unknown-name', column: 17 })]);
  });

  it('check: exit 0 with the verdict line, --json with the result', async () => {
    expect(await checkCommand([join(examples, 'tla-two-phase.protocol.json')])).toBe(0);
    expect(io.out).toMatch(/^ok: 288 states, 1145 transitions, depth 10,/);
    // No calls: no outcomes, in the text or the JSON (results as before outcomes per call site).
    expect(io.out).not.toContain('client outcomes');
    io.out = '';
    expect(await checkCommand([join(examples, 'tla-tcommit.protocol.json'), '--json'])).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ version: 2, verdict: 'ok', states: 34, transitions: 93, depth: 6 });
    expect(JSON.parse(io.out)).not.toHaveProperty('outcomes');
  });

  it('check: exit 1 with a table that has one column per instance', async () => {
    expect(await checkCommand([join(examples, 'two-phase-commit-broken.protocol.json')])).toBe(1);
    const lines = io.out.split('\n');
    expect(lines[0]).toMatch(/^violation \(1\)/);
    expect(lines).toContain('invariant all or nothing at depth 10');
    const header = lines.find((l) => l.startsWith('#'))!;
    expect(header.split(/\s{2,}/)).toEqual(['#', 'step', 'TM', 'RM[1]', 'RM[2]', 'network']);
    expect(io.out).toContain('crash TM');
  });

  it('check: exit 3 when a limit stops the search', async () => {
    expect(await checkCommand([join(examples, 'tla-two-phase.protocol.json'), '--json', '--max-states', '10'])).toBe(3);
    expect(JSON.parse(io.out)).toMatchObject({ verdict: 'incomplete', limit: 'states' });
  });

  it('export --to json prints the validated design; version-1-only targets are refused with a reason', async () => {
    const file = join(examples, 'lease-with-fencing.protocol.json');
    expect(await exportCommand([file, '--to', 'json'])).toBe(0);
    expect(JSON.parse(io.out)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(await exportCommand([file, '--to', 'v2'])).toBe(2);
    expect(io.err).toContain('--to takes ts, xstate, mermaid, scxml, promela, harness, monitor, json');
  });

  it('export --to harness and --to monitor write the modules, the running system and the harness or the monitor', async () => {
    const file = join(examples, 'two-phase-commit-fixed.protocol.json');
    const folder = join(dir, 'harness-out');
    expect(await exportCommand([file, '--to', 'harness', '-o', folder])).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['harness.ts', 'invariants.ts', 'protocol.ts', 'role-RM.ts', 'role-TM.ts', 'system.ts']);
    expect(readFileSync(join(folder, 'harness.ts'), 'utf8')).toContain('export function harnessProperty(');
    expect(await exportCommand([file, '--to', 'monitor'])).toBe(0);
    expect(io.out.match(/^\/\/ ==== .* ====$/gm)!.slice(-2)).toEqual(['// ==== system.ts ====', '// ==== monitor.ts ====']);
  });

  it('export --to ts prints every module under a header, or writes them into the -o folder', async () => {
    const file = join(examples, 'two-phase-commit-fixed.protocol.json');
    expect(await exportCommand([file, '--to', 'ts'])).toBe(0);
    expect(io.out.match(/^\/\/ ==== .* ====$/gm)).toEqual(['// ==== protocol.ts ====', '// ==== role-TM.ts ====', '// ==== role-RM.ts ====', '// ==== invariants.ts ====']);
    const folder = join(dir, 'ts-out');
    expect(await exportCommand([file, '--to', 'ts', '-o', folder])).toBe(0);
    expect(readFileSync(join(folder, 'role-TM.ts'), 'utf8')).toContain('export async function recover(');
    expect(await exportCommand([file, '--to', 'mermaid', '-o', join(dir, 'missing', 'deeper')])).toBe(2);
    expect(io.err).toContain('whose parent must exist');
  });

  it('export --to mermaid draws the shortest violation as the sequence diagram', async () => {
    expect(await exportCommand([join(examples, 'two-phase-commit-broken.protocol.json'), '--to', 'mermaid'])).toBe(0);
    expect(io.out).toContain('%% ==== sequence.mmd ====');
    expect(io.out).toMatch(/sequenceDiagram\n {4}%% .*shortest trace to invariant/);
    expect(io.out).toContain('Note over p0: crash');
  });
});
