import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { loadExampleV2, twoStarts } from '../../engine/v2/testDesigns';
import { monitorCommand } from '../monitor';
import { captureOutput } from '../testOutput';

const io = captureOutput();

const examples = join(import.meta.dirname, '..', '..', '..', 'examples', 'v2');
const dir = mkdtempSync(join(tmpdir(), 'monitor-v2-'));

/** The labels of the broken two-phase commit's shortest counterexample, as a service would log them. */
function counterexample(): { labels: string[]; invariant: string } {
  const v = exploreV2(loadExampleV2('two-phase-commit-broken.protocol.json'), {}).violations.find((x) => x.kind === 'invariant')!;
  return { labels: v.trace.map((s) => s.label), invariant: v.name };
}

describe('monitor DESIGN STEPS.log for a version-2 design of participants', () => {
  const broken = join(examples, 'two-phase-commit-broken.protocol.json');

  it('follows the logged steps on the engine: the counterexample breaks its invariant on its last line, exits 1, and --trace writes a log that reads to the same finding', async () => {
    const { labels, invariant } = counterexample();
    const log = join(dir, 'split.log');
    writeFileSync(log, `# a service's step log\n${labels.join('\n')}\n`);
    const trace = join(dir, 'split.trace.log');
    expect(await monitorCommand([broken, log, '--trace', trace, '--metrics'])).toBe(1);
    expect(io.out).toContain(`split.log:${labels.length + 1}: invariant ${invariant}: invariant "${invariant}" does not hold after ${labels[labels.length - 1]}`);
    expect(io.out).toMatch(new RegExp(`^violation: ${labels.length + 1} lines, ${labels.length} steps followed, 1 finding`, 'm'));
    expect(io.out).toContain(`protocol_monitor_invariant_violations_total{design="Two-phase commit: COMMIT before the log",invariant="${invariant}"} 1`);
    expect(readFileSync(trace, 'utf8')).toBe(`${labels.join('\n')}\n`);
    io.out = '';
    expect(await monitorCommand([broken, trace])).toBe(1);
    expect(io.out).toContain(`split.trace.log:${labels.length}: invariant ${invariant}`);
  });

  it('exits 0 on a log the design allows, and 1 on a step it does not allow there, naming what the instance may do', async () => {
    const { labels } = counterexample();
    const good = join(dir, 'good.log');
    writeFileSync(good, `${labels.slice(0, -1).join('\n')}\n`);
    expect(await monitorCommand([broken, good])).toBe(0);
    expect(io.out).toMatch(/^ok: \d+ lines, \d+ steps followed, 0 finding/m);
    const bad = join(dir, 'bad.log');
    writeFileSync(bad, 'RM[1] receive Commit\n');
    io.out = '';
    expect(await monitorCommand([broken, bad])).toBe(1);
    expect(io.out).toContain('bad.log:1: not-allowed RM[1]: the design does not allow "RM[1] receive Commit" here; RM[1] may: RM[1] Vote(value=yes); RM[1] Vote(value=no)');
  });

  it('refuses --max-requests (version 1\'s client requests) with the reason, and an unreadable log', async () => {
    expect(await monitorCommand([broken, join(dir, 'good.log'), '--max-requests', '5'])).toBe(2);
    expect(io.err).toContain('--max-requests counts version 1');
    expect(await monitorCommand([broken, join(dir, 'missing.log')])).toBe(2);
    expect(io.err).toContain('cannot read');
  });

  it('with several initial configurations, --start K says which one the system began in; without it the command asks', async () => {
    const design = join(dir, 'two-starts.protocol.json');
    writeFileSync(design, JSON.stringify(twoStarts));
    const log = join(dir, 'bump.log');
    writeFileSync(log, 'Counter[2] Bump\n');
    io.err = '';
    expect(await monitorCommand([design, log])).toBe(2);
    expect(io.err).toContain('this design has 2 initial configurations; say which one the system started from with --start K (1–2):\n  1: Counter[2].n = 0\n  2: Counter[2].n = 2');
    io.out = '';
    // From 0 the bump is fine; from 2 it breaks the invariant.
    expect(await monitorCommand([design, log, '--start', '1'])).toBe(0);
    io.out = '';
    expect(await monitorCommand([design, log, '--start', '2'])).toBe(1);
    expect(io.out).toContain('bump.log:1: invariant under three');
    io.err = '';
    expect(await monitorCommand([design, log, '--start', '3'])).toBe(2);
    expect(io.err).toContain('--start takes a number from 1 to 2');
    io.err = '';
    expect(await monitorCommand([join(examples, 'two-phase-commit-broken.protocol.json'), log, '--start', '2'])).toBe(2);
    expect(io.err).toContain('--start takes a number from 1 to 1');
    io.err = '';
    expect(await monitorCommand([join(examples, '..', 'leader-epoch.protocol.json'), log, '--start', '1'])).toBe(2);
    expect(io.err).toContain('--start chooses among the initial configurations of a version-2 design');
  });
});
