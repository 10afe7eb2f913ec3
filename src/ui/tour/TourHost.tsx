import { useMemo, useState } from 'react';
import { designIdentity } from '../../model/designIdentity';
import { handoff } from '../../model/handoff';
import { useStore } from 'zustand';
import { examples } from '../../../examples';
import { useEditorStores } from '../../store/editorContext';
import { loadResultOf } from '../../store/loadResult';
import { useDesign } from '../../store/useDesign';
import { selectEvents, selectView } from '../../store/simulation';
import { useRunStores } from '../simulate/useRunStores';
import type { Mode } from '../shell/ModeTabs';
import { Tour } from './Tour';
import type { TourAction, TourState } from './tourSteps';

const DONE_KEY = 'protocol-studio.tour';

/** Whether this browser has finished or skipped the tour before. */
export function tourSeen(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) !== null;
  } catch {
    return true;
  }
}

interface Props {
  readonly mode: Mode;
  readonly setMode: (mode: Mode) => void;
  readonly openExport: () => void;
  /** The export dialog is open (opened by the tour or by the person). */
  readonly exportOpen: boolean;
  readonly onClose: () => void;
}

/** Runs the tour over the real app: reads its state for the ✓ marks and performs "Show me". */
export function TourHost({ mode, setMode, openExport, exportOpen, onClose }: Props) {
  const { designs, workspace } = useEditorStores();
  const { simulation, check } = useRunStores();
  const design = useDesign();
  const runEvents = useStore(simulation, selectEvents);
  const runLabels = runEvents.map((e) => e.label);
  const identity = useMemo(() => designIdentity(design), [design]);
  const result = useStore(check, (s) => (s.identity === identity ? s.result : null));
  const [exportOpened, setExportOpened] = useState(false);
  const state: TourState = { design, mode, runLabels, check: result, exportOpened: exportOpened || exportOpen };

  const startCheck = () => {
    const loaded = loadResultOf(designs.getState().design);
    if (!loaded.ok) return;
    setMode('check');
    void check.getState().start(handoff(loaded.model));
  };

  const run = async (action: TourAction) => {
    switch (action) {
      case 'open-example':
        if (examples[0]) await workspace?.getState().openExample(examples[0]);
        setMode('design');
        return;
      case 'simulate-timeout': {
        setMode('simulate');
        // Simulate opens its session once its panel is on screen.
        for (let i = 0; i < 200 && !simulation.getState().run; i++) await new Promise((r) => setTimeout(r, 20));
        const take = (prefix: string) => {
          const step = selectView(simulation.getState())?.steps.find((s) => s.label.startsWith(prefix));
          if (step) simulation.getState().take(step.label);
        };
        take('send ');
        take('timeout ');
        return;
      }
      case 'run-check':
        startCheck();
        return;
      case 'fix-and-check': {
        const { design: d, apply } = designs.getState();
        const index = d.events.findIndex((e) => e.name === 'Charge');
        if (index >= 0) apply({ type: 'updateEvent', index, patch: { idempotency: 'durable' } });
        startCheck();
        return;
      }
      case 'open-export':
        openExport();
        setExportOpened(true);
        return;
    }
  };

  const close = () => {
    try {
      localStorage.setItem(DONE_KEY, 'seen');
    } catch {
      // Private mode: the tour just shows its button again next time.
    }
    onClose();
  };

  return <Tour state={state} onAction={(a) => void run(a)} onClose={close} />;
}
