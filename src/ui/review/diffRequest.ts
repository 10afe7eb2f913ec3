import type { Design } from '../../model/schema';

/** Two versions to compare on the canvas: an older one (a snapshot or a file) and a newer one. */
export interface DiffRequest<D = Design> {
  readonly before: D;
  readonly after: D;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}
