import type { ModelV2 } from '../../../model/v2/model';
import { roleFile } from '../names';
import { INITIAL_FILE } from '../starts';
import { DesignSystem, type SystemModules, type SystemRoleModule } from '../system/systemRuntime';
import { systemSpecOf } from '../system/systemSpec';

export { ChannelFull, type SystemStep } from '../system/systemRuntime';

/**
 * Test support: the exported role modules wired together as a running system, by the same
 * runtime `export --to harness|monitor` emit (`../system/systemRuntime.ts`), bound to a model
 * with `systemSpecOf`. The property test compares it with the engine step by step.
 */
export const ExportedSystem = {
  /** `start`: which initial configuration (0-based, `model.initials`' order); needed when the design has several. */
  start(model: ModelV2, modules: Record<string, unknown>, start?: number): Promise<DesignSystem> {
    return DesignSystem.start(systemSpecOf(model), systemModulesOf(model, modules), start);
  },
};

/** The imported modules (file name → module, as `importModulesV2` gives them) as the system wants them. */
export function systemModulesOf(model: ModelV2, modules: Record<string, unknown>): SystemModules {
  return {
    invariants: modules['invariants.ts'] as SystemModules['invariants'],
    roles: Object.fromEntries(model.roles.map((r) => [r.name, modules[roleFile(r.name)] as SystemRoleModule])),
    ...(modules[INITIAL_FILE] === undefined ? {} : { initial: modules[INITIAL_FILE] as NonNullable<SystemModules['initial']> }),
  };
}
