import type { ModelV2 } from '../../model/v2/model';
import { derived } from '../../model/derived';
import { viewConfigurationV2, type ValueView } from './view';

/**
 * Words for the design's initial configurations (docs/format-v2.md §8), for choosing where a
 * simulation starts: each one told by what sets it apart, the instance states and vars that are
 * not the same in all of them (`RM[1].vote = no, RM[2].vote = yes`). Derived from the model.
 */
export type DescribeInitial = (index: number) => string;

export const initialDescriber: (model: ModelV2) => DescribeInitial = derived(makeDescriber);

function makeDescriber(model: ModelV2): DescribeInitial {
  const varies = varyingSlots(model);
  const differs = (from: number, width: number) => {
    for (let k = from; k < from + width; k++) if (varies[k]) return true;
    return false;
  };
  return (index) => {
    const vec = model.initials[index];
    if (!vec) return '';
    const view = viewConfigurationV2(model, vec);
    const parts: string[] = [];
    model.instances.forEach((inst, i) => {
      const role = model.roles[inst.role]!;
      const seen = view.instances[i]!;
      if (varies[inst.base + role.stateSlot]) parts.push(`${inst.name} in ${seen.state}`);
      for (const v of role.vars) {
        if (differs(inst.base + v.offset, v.width)) parts.push(`${inst.name}.${v.name} = ${valueText(seen.vars[v.name]!)}`);
      }
    });
    return parts.length > 0 ? parts.join(', ') : 'the only initial configuration';
  };
}

/** varies[k]: slot k does not hold the same value in every initial configuration. */
function varyingSlots(model: ModelV2): Uint8Array {
  const varies = new Uint8Array(model.size);
  const first = model.initials[0]!;
  for (const vec of model.initials) for (let k = 0; k < model.size; k++) if (vec[k] !== first[k]) varies[k] = 1;
  return varies;
}

function valueText(v: ValueView | Readonly<Record<string, ValueView>>): string {
  if (typeof v !== 'object') return String(v);
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}: ${String(x)}`)
    .join(', ')}}`;
}
