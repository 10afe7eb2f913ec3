import { createRoot } from 'react-dom/client';
import twoPhase from '../../examples/v2/tla-two-phase.protocol.json';
import type { DesignV2 } from '../../src/model/v2/schema';
import { createRoleOverlayStore } from '../../src/store/v2/roleOverlay';
import { CheckV2 } from '../../src/ui/v2/run';

// Benchmark harness, built only by bench/check-responsiveness-v2.mjs (never part of the app's
// build): CheckV2 over TwoPhase with `?rms=N` resource managers, in production React, mounted as
// the version-2 shell mounts it.
const rms = Math.max(1, Math.min(32, Number(new URLSearchParams(location.search).get('rms')) || 7));
const design = structuredClone(twoPhase) as DesignV2;
design.roles[design.roles.length - 1]!.instances = rms;
createRoot(document.getElementById('root')!).render(<CheckV2 design={design} documentId="bench" overlay={createRoleOverlayStore()} />);
