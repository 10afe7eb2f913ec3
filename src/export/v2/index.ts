import type { ModelV2 } from '../../model/v2/model';
import { roleFile, SHARED_FILE } from './names';
import { roleModule } from './role';
import { sharedModule } from './shared';

/** A multi-file export: file name → text, in a stable order (shared module first). */
export type ExportFiles = ReadonlyArray<{ readonly name: string; readonly text: string }>;

/** `export --to ts` for a version-2 design: the shared module and one module per role. */
export function typeScriptModulesV2(model: ModelV2): ExportFiles {
  return [{ name: SHARED_FILE, text: sharedModule(model) }, ...model.roles.map((r) => ({ name: roleFile(r.name), text: roleModule(model, r) }))];
}
