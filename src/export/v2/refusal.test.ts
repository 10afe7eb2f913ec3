import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import type { ExportFeatureKind } from '../../model/v2/exportFeatures';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { exportDesignV2 } from './index';
import { TRANSLATED_BY, untranslatedRefusal } from './refusal';
import { TARGETS_V2 } from './targets';
import { nestedDesign } from './testing/nestedDesign';
import { ringDesign } from './testing/ringDesign';
import { setsDesign } from './testing/setsDesign';

const load = (d: DesignV2): ModelV2 => {
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
};

/** One design per kind (nestedDesign's `t`, keyed by bool, is also a `set` feature: a map keyed by values). */
const DESIGNS: Record<ExportFeatureKind, () => ModelV2> = {
  tla: () => load(JSON.parse(readFileSync(join('test-fixtures/published', 'echo.protocol.json'), 'utf8')) as DesignV2),
  set: () => load(setsDesign()),
  failStop: () => loadExampleV2('two-phase-commit-coordinator-stops.protocol.json'),
  nestedMap: () => load(nestedDesign()),
  nestedMapInitials: () => load(nestedDesign((d) => (d.roles[0]!.vars![0]!.initial = [false, true]))),
  instanceNumbers: () => load(ringDesign()),
};

describe('one statement of what each target translates (TRANSLATED_BY)', () => {
  for (const kind of Object.keys(DESIGNS) as ExportFeatureKind[]) {
    it(`${kind}: every target either exports it or refuses it with the one sentence, and the targets the sentence names do export it`, async () => {
      const model = DESIGNS[kind]();
      const kinds = [...new Set(model.exportFeatures.map((f) => f.kind))];
      expect(kinds).toContain(kind);
      const translate = (t: string) => kinds.every((k) => TRANSLATED_BY[k].targets.some((x) => x === t));
      for (const target of TARGETS_V2) {
        const refusal = untranslatedRefusal(model, target);
        expect(refusal === null, target).toBe(translate(target));
        if (refusal) {
          await expect(exportDesignV2(model, target, 1_000), target).rejects.toThrow(refusal.message);
          for (const f of model.exportFeatures) if (!TRANSLATED_BY[f.kind].targets.includes(target)) expect(refusal.message).toContain(f.what);
          const named = /: (?:the (.*) exports? do(?:es)?|only the mermaid and json exports do)\)$/.exec(refusal.message);
          expect(named, refusal.message).not.toBeNull();
          const others = named![1] === undefined ? [] : named![1].split(/, | and /);
          const refusedKinds = kinds.filter((k) => !TRANSLATED_BY[k].targets.includes(target));
          expect(others).toEqual(['ts', 'xstate', 'harness', 'monitor', 'promela', 'scxml'].filter((t) => refusedKinds.every((k) => TRANSLATED_BY[k].targets.some((x) => x === t))));
        } else {
          // The table's claim, checked: this target exports the design.
          await expect(exportDesignV2(model, target, 1_000), target).resolves.not.toHaveLength(0);
        }
      }
    }, 60_000);
  }

  it('a design using several kinds gets one sentence, naming only the targets that translate all of them', () => {
    const model = load(nestedDesign());
    const both = { exportFeatures: [...model.exportFeatures, { kind: 'tla' as const, what: 'a lossy network' }] };
    expect(untranslatedRefusal(both, 'scxml')!.message).toBe('this design uses the var P.m (a nested map), the var P.t (a nested map), the var P.t (a map not keyed by a role), a lossy network, which the SCXML export does not translate (docs/format-v2.md §15, §16: only the mermaid and json exports do)');
    expect(untranslatedRefusal(both, 'ts')!.message).toBe('this design uses a lossy network, which the TypeScript export does not translate (docs/format-v2.md §16: only the mermaid and json exports do)');
    expect(untranslatedRefusal(both, 'mermaid')).toBeNull();
  });
});
