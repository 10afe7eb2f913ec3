import { expandCalls, usesCalls } from '../../model/v2/calls';
import type { ModelV2 } from '../../model/v2/model';

/**
 * The model with `design` as it runs: calls written out as the messages, vars, timers and
 * transitions they stand for (docs/format-v2.md §14). A loaded model keeps the design as written
 * (for `export --to json` and the editor) but is compiled from this one; exporters generate from
 * it, so the code behaves exactly as checked.
 */
export function runningModel(model: ModelV2): ModelV2 {
  if (!usesCalls(model.design)) return model;
  const expanded = expandCalls(model.design);
  return expanded.ok ? { ...model, design: expanded.design } : model;
}
