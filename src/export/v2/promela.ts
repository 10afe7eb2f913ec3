import type { ModelV2 } from '../../model/v2/model';

export function promelaModelV2(model: ModelV2): string {
  void model;
  return '';
}
