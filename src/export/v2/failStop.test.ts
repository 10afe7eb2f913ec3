// @vitest-environment jsdom
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { featureTexts } from '../../model/v2/exportFeatures';
import { ExportRefusal } from './refusal';
import { scxmlFilesV2 } from './scxml';
import { exportDesignV2, type TargetV2 } from './index';

/**
 * Fail-stop roles (docs/format-v2.md §7) and `down(i)` (§5): the TypeScript targets and Promela
 * translate them (the exported system against the engine: system.property.test.ts walks this
 * example; Spin: src/cli/spin/crossCheckV2.test.ts), SCXML refuses them with a sentence naming the
 * role and the key (§16); Mermaid and JSON export them.
 */
const STOPS = 'two-phase-commit-coordinator-stops.protocol.json';

describe('a design with a fail-stop role in the exports', () => {
  it('SCXML refuses it, naming the role and the key', () => {
    expect(() => scxmlFilesV2(loadExampleV2(STOPS))).toThrow(ExportRefusal);
    expect(() => scxmlFilesV2(loadExampleV2(STOPS))).toThrow(`this design uses the role TM's "afterCrash": "stop" (crashed instances that never restart), down(i) in expressions, which the SCXML export does not translate (docs/format-v2.md §16: the ts, xstate, harness, monitor and promela exports do)`);
  });

  it('SCXML refuses a stopping role alone, without down(i)', () => {
    const m = loadExampleV2(STOPS, undefined, (d) => {
      const rm = d.roles.find((r) => r.name === 'RM')!;
      rm.transitions = rm.transitions.filter((t) => t.id !== 'give-up');
      rm.events = rm.events!.filter((e) => e.name !== 'CoordinatorFailed');
    });
    expect(featureTexts(m, 'failStop')).toEqual([`the role TM's "afterCrash": "stop" (crashed instances that never restart)`]);
    expect(() => scxmlFilesV2(m)).toThrow(/^this design uses the role TM's "afterCrash": "stop" \(crashed instances that never restart\), which the SCXML export/);
  });

  it.each(['ts', 'xstate', 'harness', 'monitor'] as TargetV2[])('%s exports it: the role says it stops, down(i) reads the view', async (target) => {
    const files = await exportDesignV2(loadExampleV2(STOPS), target);
    const tm = files.find((f) => f.name === 'role-TM.ts')!.text;
    expect(tm).toContain('export const STOPS: boolean = true;');
    expect(files.find((f) => f.name === 'role-RM.ts')!.text).toMatch(/world\.TM\("TM"\)\.down/);
    expect(files.find((f) => f.name === 'protocol.ts')!.text).toContain('readonly down: boolean;');
  });

  it('Promela exports it: no restart option for the coordinator, down(TM) reads its mode bit', async () => {
    const text = (await exportDesignV2(loadExampleV2(STOPS), 'promela'))[0]!.text;
    expect(text).toContain('bit r0_dn[1];');
    expect(text).not.toMatch(/r0_dn\[0\] == 1 ->/);
    expect(text).toMatch(/r0_dn\[0\]\)?( |\))/);
  });

  it('Mermaid and JSON export it: the diagrams parse, the sequence shows the crash and no restart', async () => {
    const model = loadExampleV2(STOPS);
    const files = await exportDesignV2(model, 'mermaid', 5_000);
    for (const f of files) await expect(mermaid.parse(f.text), f.name).resolves.toBeTruthy();
    const sequence = files.find((f) => f.name === 'sequence.mmd')!.text;
    expect(sequence).toContain('Note over p0: crash');
    expect(sequence).not.toContain('restart');
    expect(JSON.parse((await exportDesignV2(model, 'json'))[0]!.text).roles[0].afterCrash).toBe('stop');
  });
});
