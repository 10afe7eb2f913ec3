import { canonicalDesign } from '../model/canonical';
import type { Design } from '../model/schema';

/** Pretty-printed canonical JSON (`src/model/canonical.ts`): the `json` export target. */
export function designJson(design: Design): string {
  return `${JSON.stringify(canonicalDesign(design), null, 2)}\n`;
}
