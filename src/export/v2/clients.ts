import { exportDesign, type ExportOptions, type Target } from '../index';
import type { Model } from '../../model/model';
import type { DesignV2 } from '../../model/v2/schema';

/** What a design with clients exports from: the loader's lowered version-1 model and the design itself. */
export interface DesignWithClients {
  readonly model: Model;
  readonly design: DesignV2;
}

/**
 * The export of a design with clients (docs/format-v2.md §13): version 1's targets over the
 * lowered model, except `json`, which is the version-2 design as written. The command line's
 * `export FILE --to T` and the studio's Export dialog both print this text.
 */
export async function exportDesignWithClients(loaded: DesignWithClients, target: Target, options: ExportOptions = {}): Promise<string> {
  return target === 'json' ? `${JSON.stringify(loaded.design, null, 2)}\n` : exportDesign(loaded.model, target, options);
}
