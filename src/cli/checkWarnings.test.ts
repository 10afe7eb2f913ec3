import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../model/designFixture';
import { checkCommand } from './check';
import { captureOutput } from './testOutput';

/** `check` on a design with loader warnings (issue 17): it says so once, and checks as usual. */

const io = captureOutput();

const dir = mkdtempSync(join(tmpdir(), 'check-warnings-'));

function placeholderDesign(guards: number): string {
  const d = paymentDesign() as {
    vars: unknown[];
    events: { payload?: { name: string; type: unknown }[] }[];
    transitions: Record<string, unknown>[];
  };
  d.events[0]!.payload!.push({ name: 'todo_card_valid', type: 'bool' });
  d.transitions[0]!.guard = 'event.todo_card_valid';
  if (guards > 1) {
    d.vars.push({ name: 'todo_ready', type: 'bool', initial: true });
    d.transitions[1]!.guard = 'charges > 0 && todo_ready';
  }
  const path = join(dir, `placeholder-${guards}.protocol.json`);
  writeFileSync(path, JSON.stringify(d));
  return path;
}

describe('check FILE with warnings', () => {
  it('mentions them once on stderr, points to validate, and keeps --json output one JSON value', async () => {
    const path = placeholderDesign(1);
    const code = await checkCommand([path, '--json', '--threads', '1']);
    expect(io.err.split('\n').filter((l) => l.includes('(placeholder-guard)'))).toHaveLength(1);
    expect(io.err).toContain(`1 warning (placeholder-guard): run validate ${path} to list it\n`);
    const result = JSON.parse(io.out) as { verdict: string };
    expect(['ok', 'violation']).toContain(result.verdict);
    expect(code).toBe(result.verdict === 'ok' ? 0 : 1);
  });

  it('counts several in that one line', async () => {
    const path = placeholderDesign(2);
    await checkCommand([path, '--threads', '1']);
    expect(io.err).toContain(`2 warnings (placeholder-guard): run validate ${path} to list them\n`);
  });

  it('says nothing of warnings for a design without any', async () => {
    const d = join(dir, 'plain.protocol.json');
    writeFileSync(d, JSON.stringify(paymentDesign()));
    await checkCommand([d, '--threads', '1']);
    expect(io.err).not.toMatch(/placeholder|run validate/);
  });
});
