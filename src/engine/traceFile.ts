import type { Model } from '../model/model';

/**
 * The trace export/import format: the design's name and a hash of its document, then the step
 * labels. A trace replays on any design where its labels are still enabled; the hash only lets
 * a reader warn that the design changed since.
 */
export interface TraceFile {
  readonly format: 'protocol-studio-trace';
  readonly version: 1;
  readonly design: string;
  readonly hash: string;
  readonly steps: readonly string[];
}

export function traceFile(model: Model, steps: readonly string[]): TraceFile {
  return { format: 'protocol-studio-trace', version: 1, design: model.name, hash: designHash(model), steps: [...steps] };
}

export type ParsedTrace = { readonly ok: true; readonly trace: TraceFile } | { readonly ok: false; readonly message: string };

export function parseTraceFile(text: string): ParsedTrace {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The trace is not JSON.' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'The trace must be a JSON object.' };
  const v = value as Record<string, unknown>;
  if (v.format !== 'protocol-studio-trace') return { ok: false, message: 'The trace needs "format": "protocol-studio-trace".' };
  if (v.version !== 1) return { ok: false, message: 'Only trace version 1 is supported.' };
  if (!Array.isArray(v.steps) || !v.steps.every((s) => typeof s === 'string')) return { ok: false, message: '"steps" must be a list of step labels.' };
  return {
    ok: true,
    trace: { format: 'protocol-studio-trace', version: 1, design: String(v.design ?? ''), hash: String(v.hash ?? ''), steps: v.steps as string[] },
  };
}

/** FNV-1a (32-bit, two seeds) of the design document as loaded: 16 hex digits. */
export function designHash(model: Model): string {
  const text = JSON.stringify(model.design);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
