import type { ModelV2 } from '../../model/v2/model';
import type { ExportFiles } from './index';

export function scxmlFilesV2(model: ModelV2): ExportFiles {
  void model;
  return [];
}
