import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../model/designFixture';
import { validateCommand } from './validate';
import { captureOutput } from './testOutput';

const io = captureOutput();

const dir = mkdtempSync(join(tmpdir(), 'validate-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('validate FILE [--json]', () => {
  it('exits 0 for a valid design and says so', async () => {
    const path = file('ok.protocol.json', JSON.stringify(paymentDesign()));
    expect(await validateCommand([path, '--json'])).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ valid: true, errors: [], warnings: [] });
    io.out = '';
    expect(await validateCommand([path])).toBe(0);
    expect(io.out).toContain('valid');
  });

  it('exits 2 and lists every error with its path', async () => {
    const d = paymentDesign() as { transitions: Record<string, unknown>[]; version: number };
    d.transitions[0]!.guardd = 'true';
    d.version = 3;
    const path = file('bad.protocol.json', JSON.stringify(d));
    expect(await validateCommand(['--json', path])).toBe(2);
    const json = JSON.parse(io.out) as { valid: boolean; errors: { path: string; message: string; code: string }[] };
    expect(json.valid).toBe(false);
    expect(json.errors.map((e) => e.path).sort()).toEqual(['/transitions/0/guardd', '/version']);
    io.out = '';
    expect(await validateCommand([path])).toBe(2);
    expect(io.out).toContain('/transitions/0/guardd: Unknown key "guardd"; did you mean "guard"?');
  });

  it('shows (root) for errors about the whole file, and exits 2 for bad JSON', async () => {
    const path = file('broken.protocol.json', '{"format": ');
    expect(await validateCommand([path])).toBe(2);
    expect(io.out).toMatch(/\(root\): The file is not valid JSON: .* line 1, column 12\./);
  });

  it('exits 2 for an unreadable file, with an error at ""', async () => {
    expect(await validateCommand([join(dir, 'missing.json'), '--json'])).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ valid: false, errors: [{ path: '', message: expect.stringContaining('ENOENT') }] });
  });

  it('prints the loader\'s warnings (placeholder guards an import left) with their paths, and still exits 0', async () => {
    const d = paymentDesign() as { events: { payload?: { name: string; type: unknown }[] }[]; transitions: Record<string, unknown>[] };
    d.events[0]!.payload!.push({ name: 'todo_card_valid', type: 'bool' });
    d.transitions[0]!.guard = 'event.amount <= 2 && event.todo_card_valid';
    const path = file('placeholder.protocol.json', JSON.stringify(d));
    expect(await validateCommand([path])).toBe(0);
    expect(io.out).toBe(`${path}: valid, 1 warning\n`);
    expect(io.err).toBe('warning: /transitions/0/guard: This guard reads the placeholder event.todo_card_valid left by an import; replace it with the condition. (placeholder-guard)\n');
    io.out = '';
    io.err = '';
    expect(await validateCommand([path, '--json'])).toBe(0);
    expect(io.err).toBe('');
    expect(JSON.parse(io.out)).toEqual({
      valid: true,
      errors: [],
      warnings: [{ path: '/transitions/0/guard', code: 'placeholder-guard', message: expect.stringContaining('event.todo_card_valid') }],
    });
  });

  it('prints no warning for a design without any', async () => {
    const path = file('plain.protocol.json', JSON.stringify(paymentDesign()));
    expect(await validateCommand([path])).toBe(0);
    expect(io.out).toBe(`${path}: valid\n`);
    expect(io.err).toBe('');
  });

  it('exits 2 with usage when the arguments are wrong', async () => {
    expect(await validateCommand([])).toBe(2);
    expect(await validateCommand(['a', 'b'])).toBe(2);
    expect(await validateCommand(['a', '--yaml'])).toBe(2);
    expect(io.err).toContain('unknown option --yaml');
  });
});
