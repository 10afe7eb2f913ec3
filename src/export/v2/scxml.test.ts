// @vitest-environment jsdom
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadExampleV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import { usesFeature } from '../../model/v2/exportFeatures';
import { ExportRefusal } from './refusal';
import { scxmlFilesV2 } from './scxml';

// A fail-stop design is refused by rule (failStop.test.ts asserts the sentence).
const EXAMPLES = participantExamplesV2().filter((f) => !usesFeature(loadExampleV2(f), 'failStop'));

/** Every script, cond and expr of an SCXML document parses as JavaScript. */
function scriptProblems(doc: Document): string[] {
  const pieces = [
    ...[...doc.getElementsByTagName('script')].map((s) => s.textContent ?? ''),
    ...[...doc.querySelectorAll('[cond]')].map((e) => `(${e.getAttribute('cond')})`),
    ...[...doc.querySelectorAll('[expr]')].map((e) => `(${e.getAttribute('expr')})`),
  ];
  return pieces.flatMap((code) => {
    const file = ts.createSourceFile('x.js', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
    return (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => `${ts.flattenDiagnosticMessageText(d.messageText, ' ')}: ${code.slice(0, 80)}`);
  });
}

describe('the version-2 SCXML export', () => {
  for (const file of EXAMPLES) {
    it(`${file}: well-formed documents with JavaScript that parses, or a refusal naming what does not map`, () => {
      const model = loadExampleV2(file);
      let files;
      try {
        files = scxmlFilesV2(model);
      } catch (e) {
        expect(e).toBeInstanceOf(ExportRefusal);
        expect((e as Error).message).toMatch(/read another instance's state or vars/);
        return;
      }
      for (const f of files) {
        const doc = new DOMParser().parseFromString(f.text, 'application/xml');
        expect(doc.getElementsByTagName('parsererror'), f.name).toHaveLength(0);
        expect(scriptProblems(doc), f.name).toEqual([]);
      }
    });
  }

  it('maps the two-phase commit: one document per role and the system that routes messages', () => {
    const files = scxmlFilesV2(loadExampleV2('two-phase-commit-fixed.protocol.json'));
    expect(files.map((f) => f.name)).toEqual(['role-TM.scxml', 'role-RM.scxml', 'system.scxml']);
    expect(files[2]!.text).toContain('<invoke id="i1" src="role-RM.scxml">');
  });

  it('refuses TCommit.tla, whose guards read the other resource managers', () => {
    expect(() => scxmlFilesV2(loadExampleV2('tla-tcommit.protocol.json'))).toThrow(/SCXML cannot express RM's transitions/);
  });

  it('keeps hostile names and descriptions inside their text', () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, (d) => {
      const hostile = 'no"/><script>alert(1)</script><x a="]]>--></scxml>';
      d.name = hostile;
      d.description = hostile;
      d.roles[0]!.description = hostile;
      d.roles[0]!.states[0]!.description = hostile;
      d.roles[0]!.transitions[0]!.description = hostile;
    });
    for (const f of scxmlFilesV2(model)) {
      const doc = new DOMParser().parseFromString(f.text, 'application/xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(doc.documentElement.getElementsByTagName('x')).toHaveLength(0);
      expect(scriptProblems(doc)).toEqual([]);
    }
  });
});
