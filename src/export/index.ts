import type { Model } from '../model/model';
import { designJson } from './canonical';
import { formatTypeScript } from './format';
import { harnessModule } from './harness/export';
import { mermaidDiagram } from './mermaid/export';
import { monitorModule } from './monitor/export';
import { promelaModel } from './promela/export';
import { scxmlDocument } from './scxml/export';
import { typeScriptModule } from './typescript/module';
import { xstateModule } from './xstate/export';

/** The export targets, each a pure function of the loaded model (MODEL.md is the contract). */
export const TARGETS = ['ts', 'xstate', 'mermaid', 'scxml', 'json', 'harness', 'monitor', 'promela'] as const;
export type Target = (typeof TARGETS)[number];

export interface ExportOptions {
  /** TypeScript: parse requests with zod. */
  readonly zod?: boolean;
}

export const TARGET_INFO: Record<Target, { readonly label: string; readonly extension: string; readonly mime: string }> = {
  ts: { label: 'TypeScript module', extension: '.ts', mime: 'text/typescript' },
  xstate: { label: 'XState v5 machine', extension: '.xstate.ts', mime: 'text/typescript' },
  mermaid: { label: 'Mermaid state diagram', extension: '.mmd', mime: 'text/plain' },
  scxml: { label: 'SCXML', extension: '.scxml', mime: 'application/xml' },
  json: { label: 'Design JSON', extension: '.protocol.json', mime: 'application/json' },
  harness: { label: 'Property-based test harness (fast-check)', extension: '.harness.ts', mime: 'text/typescript' },
  monitor: { label: 'Runtime log monitor', extension: '.monitor.ts', mime: 'text/typescript' },
  promela: { label: 'Promela (Spin)', extension: '.pml', mime: 'text/plain' },
};

export function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

/** The exported text of a design for one target; TypeScript targets come formatted by prettier. */
export async function exportDesign(model: Model, target: Target, options: ExportOptions = {}): Promise<string> {
  switch (target) {
    case 'ts':
      return formatTypeScript(typeScriptModule(model, { zod: options.zod === true }));
    case 'xstate':
      return formatTypeScript(xstateModule(model));
    case 'mermaid':
      return mermaidDiagram(model);
    case 'scxml':
      return scxmlDocument(model);
    case 'json':
      return designJson(model.design);
    case 'harness':
      return formatTypeScript(harnessModule(model, referencePath(model)));
    case 'monitor':
      return formatTypeScript(monitorModule(model, referencePath(model)));
    case 'promela':
      return promelaModel(model);
  }
}

/** A file name for the export: the design's name reduced to safe characters, plus the target's extension. */
export function exportFileName(model: Model, target: Target): string {
  const base = model.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'design';
  return `${base}${TARGET_INFO[target].extension}`;
}

/** How the harness and the monitor import the design's TypeScript module saved beside them. */
export function referencePath(model: Model): string {
  return `./${exportFileName(model, 'ts').replace(/\.ts$/, '')}`;
}
