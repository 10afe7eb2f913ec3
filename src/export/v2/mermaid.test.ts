// @vitest-environment jsdom
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadExampleV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import { chosenTrace } from './index';
import { mermaidFilesV2, sequenceDiagram } from './mermaid';

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
    const text = sequenceDiagram(model, ['RM[1] Vote(value=yes)', 'drop Vote(value=yes) RM[1]→TM', 'crash TM', 'restart TM (presume-abort)'], 't');
    expect(text).toContain('participant p1 as RM#91;1#93;');
    expect(text).toContain('p1-xp0: lost Vote(value=yes)');
    expect(text).toContain('Note over p0: crash');
    expect(text).toContain('Note over p0: restart TM (presume-abort)');
    expect(text).not.toContain('not enabled');
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
