import { useEffect } from 'react';
import { startRun } from '../../engine/run';
import type { Model } from '../../model/model';
import { selectView, type SimulationStore } from '../../store/simulation';
import { sameDocument } from './runKey';

/**
 * Keeps a simulator session in step with the open design's model (version 1's, or the lowered
 * model of a version-2 design with clients): another document starts a fresh run, an edit of the
 * same one rebuilds it and replays the run as far as it still applies. `runKey` is the document
 * and the design's identity (`runKey.ts`, or `runKeyV2`).
 */
export function useOpenRun(simulation: SimulationStore, model: Model | null, runKey: string): void {
  useEffect(() => {
    if (model === null) return;
    const s = simulation.getState();
    if (s.run === null || !sameDocument(s.runKey, runKey)) s.open(startRun(model), runKey);
    else if (s.runKey !== runKey) s.rebase(startRun(model), runKey);
    else s.jump(s.run.cursor); // re-publish the highlight after the canvas was cleared
  }, [model, runKey, simulation]);
}

/** Click-to-step: takes the enabled step through design transition `index`, or says there is none. */
export function takeTransition(simulation: SimulationStore, index: number): void {
  const s = simulation.getState();
  const step = selectView(s)?.steps.find((x) => x.transition === index);
  if (step) s.take(step.label);
  else simulation.setState({ notice: `No enabled step takes transition ${index} here.` });
}
