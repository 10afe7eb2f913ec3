import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../../engine/v2/testDesigns';
import { typeCheck } from '../../testing/compile';
import { harnessOrMonitorFiles } from '../index';
import { importModulesV2 } from '../testing/loadModules';

/**
 * An adapter as a user writes it, against the generated types only (`Adapters`, the role
 * module's `Id`, `Store`, `Input`, `Sent`, `protocol.ts`'s `World`): a class around the
 * participant's own `Instance`. It type-checks under strict tsc beside the export, and holds.
 */
const USER_FILE = `import fc from "fast-check";
import * as P from "./protocol";
import * as RM from "./role-RM";
import { harnessProperty, referenceAdapters, type Adapters } from "./harness";

class Participant {
  private constructor(private readonly instance: RM.Instance) {}
  static async start(self: RM.Id, store: RM.Store): Promise<Participant> {
    return new Participant(await RM.Instance.create(self, store));
  }
  static async recover(self: RM.Id, store: RM.Store, world: P.World): Promise<{ instance: Participant; sends: readonly RM.Sent[] | null }> {
    const r = await RM.recover(self, store, RM.initialGhost(), world);
    return { instance: new Participant(r.instance), sends: r.outcome.kind === "taken" ? r.outcome.sends : null };
  }
  async step(input: RM.Input, world: P.World): Promise<readonly RM.Sent[] | null> {
    const outcome = await this.instance.step(input, world);
    if (outcome.kind === "unavailable") throw new Error("store unavailable");
    return outcome.kind === "taken" ? outcome.sends : null;
  }
  observe(): { state: string } {
    return { state: this.instance.snapshot().state };
  }
}

export const adapters: Adapters = {
  ...referenceAdapters(),
  RM: { start: (self, store) => Participant.start(self, store), recover: (self, store, world) => Participant.recover(self, store, world) },
};

export const holds = (numRuns: number): Promise<void> => fc.assert(harnessProperty(adapters), { numRuns });
`;

describe('an adapter written against the generated types', () => {
  const files = [...harnessOrMonitorFiles(loadExampleV2('two-phase-commit-fixed.protocol.json'), 'harness'), { name: 'user.ts', text: USER_FILE }];

  it('type-checks under strict tsc beside the export', () => {
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-user-adapter/${f.name}`, f.text])))).toEqual([]);
  }, 60_000);

  it('holds to the design', async () => {
    const user = (await importModulesV2(files))['user.ts'] as { holds(n: number): Promise<void> };
    await expect(user.holds(50)).resolves.toBeUndefined();
  }, 60_000);
});
