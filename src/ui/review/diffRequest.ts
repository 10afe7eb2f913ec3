import type { Design } from '../../model/schema';

/** Two versions to compare on the canvas: an older one (a snapshot or a file) and a newer one. */
export interface DiffRequest {
  readonly before: Design;
  readonly after: Design;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}
