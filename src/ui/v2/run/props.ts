import type { DesignV2 } from '../../../model/v2/schema';
import type { RoleOverlayStore } from '../../../store/v2/roleOverlay';

export interface RunViewV2Props {
  /** The document's design as saved (valid: the shell mounts run views only for a valid design). */
  readonly design: DesignV2;
  /** The document's id: a run belongs to one document and one design identity. */
  readonly documentId: string;
  /** Written by the run views, drawn by the role canvases. */
  readonly overlay: RoleOverlayStore;
  /** Check asks the shell to show Simulate (after loading a trace into the run). */
  readonly onShowSimulate?: () => void;
}
