import { exploreV2 } from '../../engine/v2/explorer';
import type { ModelV2 } from '../../model/v2/model';
import { formatTypeScript } from '../format';
import { HARNESS_FILE, harnessModuleV2 } from './harness/export';
import { happyPath, mermaidFilesV2, type TraceToShow } from './mermaid';
import { MONITOR_FILE, monitorModuleV2 } from './monitor/export';
import { roleFile, SHARED_FILE } from './names';
import { designInvariantsModule } from './invariants';
import { promelaModelV2 } from './promela';
import { runningModel } from './running';
import { roleModule } from './role';
import { scxmlFilesV2 } from './scxml';
import { sharedModule } from './shared';
import { designChooses, INITIAL_FILE, initialModule } from './starts';
import { roleAlias, SYSTEM_FILE, systemModule, tsLiteral } from './system/systemSpec';
import { xstateFilesV2 } from './xstate';
import { refuseUntranslated } from './refusal';

/** A multi-file export: file name → text, in a stable order (shared module first). */
export type ExportFiles = ReadonlyArray<{ readonly name: string; readonly text: string }>;

import type { TargetV2 } from './targets';
export { isTargetV2, TARGET_INFO_V2, TARGETS_V2, type TargetV2 } from './targets';

/** `export --to ts` for a version-2 design: the shared module and one module per role (unformatted). */
export function typeScriptModulesV2(written: ModelV2): ExportFiles {
  refuseUntranslated(written, 'ts');
  const model = runningModel(written);
  return [
    { name: SHARED_FILE, text: sharedModule(model) },
    ...model.roles.map((r) => ({ name: roleFile(r.name), text: roleModule(model, r) })),
    { name: 'invariants.ts', text: designInvariantsModule(model) },
    ...(designChooses(model) ? [{ name: INITIAL_FILE, text: initialModule(model, tsLiteral, roleAlias) }] : []),
  ];
}

/** `export --to harness|monitor`: the TypeScript modules, the running system (`system.ts`) and the harness or the monitor (unformatted). */
export function harnessOrMonitorFiles(model: ModelV2, target: 'harness' | 'monitor'): ExportFiles {
  refuseUntranslated(model, target);
  return [
    ...typeScriptModulesV2(model),
    { name: SYSTEM_FILE, text: systemModule(model) },
    target === 'harness' ? { name: HARNESS_FILE, text: harnessModuleV2(model) } : { name: MONITOR_FILE, text: monitorModuleV2(model) },
  ];
}

/**
 * The run the sequence diagram shows: the first shortest violation of a bounded check (at most
 * `maxStates` configurations), else a fault-free run (`happyPath`).
 */
export function chosenTrace(model: ModelV2, maxStates = 50_000): TraceToShow {
  const result = exploreV2(model, { maxStates, maxSeconds: 10 });
  const v = result.violations[0];
  if (v) return { labels: v.trace.map((s) => s.label), title: `shortest trace to ${v.kind} ${v.name}`, violation: { kind: v.kind, name: v.name }, ...(v.start !== undefined ? { start: v.start } : {}) };
  return { labels: happyPath(model), title: 'a run without faults' };
}

/** Every file of one target; TypeScript comes formatted by prettier. */
/** `traceStates`: how many configurations the Mermaid sequence diagram's check may visit (the browser passes fewer). */
export async function exportDesignV2(written: ModelV2, target: TargetV2, traceStates = 50_000): Promise<ExportFiles> {
  if (target === 'json') return [{ name: 'design.protocol.json', text: `${JSON.stringify(written.design, null, 2)}\n` }];
  // Each exporter generates from the design as it runs, calls written out (`running.ts`).
  const model = written;
  refuseUntranslated(model, target);
  const formatted = async (files: ExportFiles): Promise<ExportFiles> => Promise.all(files.map(async (f) => ({ name: f.name, text: await formatTypeScript(f.text) })));
  switch (target) {
    case 'ts':
      return formatted(typeScriptModulesV2(model));
    case 'xstate':
      return formatted([...typeScriptModulesV2(model), ...xstateFilesV2(model)]);
    case 'mermaid':
      return mermaidFilesV2(model, chosenTrace(model, traceStates));
    case 'scxml':
      return scxmlFilesV2(model);
    case 'promela':
      return [{ name: 'model.pml', text: promelaModelV2(model) }];
    case 'harness':
    case 'monitor':
      return formatted(harnessOrMonitorFiles(model, target));
  }
}


/** Several files as one text: each under a header line in the target's comment syntax. */
export function joinSections(files: ExportFiles, target: TargetV2): string {
  if (files.length === 1) return files[0]!.text;
  const header = (name: string): string => (target === 'mermaid' ? `%% ==== ${name} ====` : target === 'scxml' ? `<!-- ==== ${name} ==== -->` : `// ==== ${name} ====`);
  return files.map((f) => `${header(f.name)}\n${f.text}`).join('\n');
}
