// @vitest-environment jsdom
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { ExportRefusal } from './refusal';
import { exportDesignV2, type TargetV2 } from './index';

/**
 * Fail-stop roles (docs/format-v2.md §7) and `down(i)` (§5) are refused by the code exporters with
 * a sentence naming the role and the key (§15, §16); Mermaid and JSON export them.
 */
const STOPS = 'two-phase-commit-coordinator-stops.protocol.json';

describe('a design with a fail-stop role in the exports', () => {
  it.each(['ts', 'xstate', 'scxml', 'promela', 'harness', 'monitor'] as TargetV2[])('%s refuses it, naming the role and the key', async (target) => {
    const refused = exportDesignV2(loadExampleV2(STOPS), target);
    await expect(refused).rejects.toBeInstanceOf(ExportRefusal);
    await expect(refused).rejects.toThrow(`this design uses the role TM's "afterCrash": "stop" (crashed instances that never restart), down(i) in expressions, which the ${target} export does not translate yet (docs/format-v2.md §16)`);
  });

  it('refuses a stopping role alone, without down(i)', async () => {
    const m = loadExampleV2(STOPS, undefined, (d) => {
      const rm = d.roles.find((r) => r.name === 'RM')!;
      rm.transitions = rm.transitions.filter((t) => t.id !== 'give-up');
      rm.events = rm.events!.filter((e) => e.name !== 'CoordinatorFailed');
    });
    await expect(exportDesignV2(m, 'promela')).rejects.toThrow(/^this design uses the role TM's "afterCrash": "stop" \(crashed instances that never restart\), which/);
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
