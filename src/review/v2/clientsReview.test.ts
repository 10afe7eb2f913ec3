import { describe, expect, it } from 'vitest';
import { explore } from '../../engine/explorer';
import type { Model } from '../../model/model';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { readExampleV2 } from '../../engine/v2/testDesigns';
import { reviewDesign } from '../lint';
import { withSilence } from '../silence';
import type { Design } from '../../model/schema';
import { reviewDesignWithClients } from './clientsReview';

function lowered(design: DesignV2): Model {
  const loaded = loadAnyDesignValueV2(design);
  if (!loaded.ok || loaded.kind !== 'clients') throw new Error('not a design with clients');
  return loaded.model;
}

describe('the review of a design with clients', () => {
  const design = readExampleV2('lease-service-retries-broken.protocol.json');
  const model = lowered(design);
  const result = explore(model, { maxStates: 200_000 });

  it('finds what version 1\'s review of the model it stands for finds, pointing into the version-2 file', () => {
    const v1 = reviewDesign({ document: model.design, model, result });
    const v2 = reviewDesignWithClients({ document: design, model, result });
    expect(v2.findings.map((f) => f.rule)).toEqual(v1.findings.map((f) => f.rule));
    expect(v1.findings.length).toBeGreaterThan(0);
    for (const f of v2.findings) expect(f.path === '' || f.path === '/environment' || f.path.startsWith('/roles/0/')).toBe(true);
  });

  it('reads a silence where the version-2 file keeps it (a transition, the environment, the design)', () => {
    const first = reviewDesignWithClients({ document: design, model, result }).findings;
    let silenced = design as unknown as Design;
    for (const f of first) silenced = withSilence(silenced, f.path, f.rule, `known: ${f.rule}`);
    const again = reviewDesignWithClients({ document: silenced as unknown as DesignV2, model, result });
    expect(again.findings.map((f) => f.silenced)).toEqual(first.map((f) => `known: ${f.rule}`));
    expect(again.unknownSilences).toEqual([]);
  });
});
