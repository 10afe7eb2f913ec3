// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadExampleV2, modelOfV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import type { DesignV2 } from '../../model/v2/schema';
import { chosenTrace } from './index';
import { mermaidFilesV2, sequenceDiagram } from './mermaid';
import { startsDesign } from './testing/startsDesign';

const EXAMPLES = participantExamplesV2();

describe('the version-2 Mermaid export', () => {
  it.each(EXAMPLES)('%s: every diagram parses with the real mermaid parser', async (file) => {
    const model = loadExampleV2(file);
    const files = mermaidFilesV2(model, chosenTrace(model));
    expect(files.map((f) => f.name)).toEqual([...model.roles.map((r) => `role-${r.name}.mmd`), 'sequence.mmd']);
    for (const f of files) await expect(mermaid.parse(f.text), `${file} ${f.name}`).resolves.toBeTruthy();
  });

  it('draws a message as an arrow between lifelines, a crash on the crashed lifeline, a loss as a cross', () => {
    const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, network: { model: 'channels', capacity: 2, drop: 1 } };
    });
    const text = sequenceDiagram(model, { labels: ['RM[1] Vote(value=yes)', 'drop Vote(value=yes) RM[1]→TM', 'crash TM', 'restart TM (presume-abort)'], title: 't' });
    expect(text).toContain('participant p1 as RM#91;1#93;');
    expect(text).toContain('p1-xp0: lost Vote(value=yes)');
    expect(text).toContain('Note over p0: crash');
    expect(text).toContain('Note over p0: restart TM (presume-abort)');
    expect(text).not.toContain('not enabled');
  });

  it('notes the violated invariant on the lifeline of the step that broke it, escaped like every label', async () => {
    const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.invariants![0]!.name = 'all; or #nothing% <b>';
    });
    const text = mermaidFilesV2(model, chosenTrace(model)).find((f) => f.name === 'sequence.mmd')!.text;
    // The last step delivers Abort to RM[2] while RM[1] has committed: the note is on RM[2], right after it.
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['    p0->>p2: Abort (rm-abort)', '    Note over p2: violates all#59; or #35;nothing#37; #60;b#62;']);
    expect(text.match(/violates/g)).toHaveLength(1);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it("notes a step violation and a replay of a design with calls, replayed with the check's own labels", async () => {
    const lock = loadExampleV2('lease-calls-broken.protocol.json');
    const text = mermaidFilesV2(lock, chosenTrace(lock)).find((f) => f.name === 'sequence.mmd')!.text;
    expect(text).not.toContain('not enabled');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^ {4}Note over p0: replay Acquire$/);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    // A transition invariant, broken as the step is computed: on the lifeline that took it (Storage).
    const tokens = modelOfV2(JSON.parse(readFileSync(join(__dirname, '../../../test-fixtures/walk-v2/lock-token-volatile.protocol.json'), 'utf8')) as DesignV2);
    const storage = sequenceDiagram(tokens, chosenTrace(tokens)).trimEnd().split('\n');
    expect(storage).toContain('    participant p3 as Storage');
    expect(storage.slice(-2)).toEqual(['    p2->>p3: Write(token=1) (s-accept)', '    Note over p3: violates one writer per token']);
    // Every example with a violation ends its diagram on a note naming it, after a replay that found every step.
    for (const file of EXAMPLES) {
      const model = loadExampleV2(file);
      const trace = chosenTrace(model);
      const sequence = sequenceDiagram(model, trace);
      expect(sequence, file).not.toContain('not enabled');
      if (trace.violation) expect(sequence.trimEnd().split('\n').at(-1), file).toMatch(/^ {4}Note over p\d+(,p\d+)?: (violates |\S+ )/);
    }
  });

  it('replays a trace from the initial configuration it starts from', () => {
    const d = startsDesign();
    // Only a voter that starts with a ballot listed (its ghost var's second value) breaks it.
    d.invariants = [{ name: 'one ballot each', expr: 'forall v in Voter: v.ballots <= 1' }];
    const model = modelOfV2(d);
    const trace = chosenTrace(model);
    expect(trace.start).toBeGreaterThan(0);
    expect(sequenceDiagram(model, trace).trimEnd().split('\n').slice(-2)).toEqual(['    Note over p1: Voter#91;2#93; Cast', '    Note over p1: violates one ballot each']);
  });

  it('notes a violation the replay cannot place (a deadlock) over every lifeline at the end', () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json');
    const text = sequenceDiagram(model, { labels: [], title: 't', violation: { kind: 'deadlock', name: 'RM[2]' } });
    expect(text.trimEnd().split('\n').at(-1)).toBe('    Note over p0,p2: deadlock RM#91;2#93;');
  });

  it('keeps directives and line breaks in names and descriptions out of the diagram', async () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, (d) => {
      d.name = 'x %%{init: {"theme":"dark"}}%%\nstateDiagram-v2';
      d.roles[0]!.states[0]!.description = '%%{init: {"themeCSS":"svg{display:none}"}}%%\n    evil --> x';
    });
    for (const f of mermaidFilesV2(model, { labels: [], title: 'x\n%%{wrap}%%' })) {
      expect(f.text).not.toContain('%%{');
      expect(f.text).not.toContain('\n    evil');
      await expect(mermaid.parse(f.text)).resolves.toBeTruthy();
    }
  });
});
