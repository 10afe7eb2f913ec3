import { designIdentity } from '../model/designIdentity';
import type { Model } from '../model/model';

/**
 * The trace export/import format: the design's name and identity (`designIdentity`: layout
 * excluded, so moving a state changes nothing), then the step labels. A trace replays on any
 * design where its labels are still enabled; the identity only lets a reader warn that the
 * design changed since.
 */
export interface TraceFile {
  readonly format: 'protocol-studio-trace';
  readonly version: 1;
  readonly design: string;
  readonly hash: string;
  readonly steps: readonly string[];
}

export function traceFile(model: Model, steps: readonly string[]): TraceFile {
  return { format: 'protocol-studio-trace', version: 1, design: model.name, hash: designIdentity(model.design), steps: [...steps] };
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

/** Whether a trace was saved from another version of the design (a trace without an identity never is). */
export function fromOtherDesign(trace: TraceFile, model: Model): boolean {
  return trace.hash !== '' && trace.hash !== designIdentity(model.design);
}
