import * as R from './runValue';

/** Test helper: `run` after taking the steps with these labels, in order; a step not taken fails the test with the reason. */
export function takeAllV2(run: R.RunV2, labels: readonly string[]): R.RunV2 {
  for (const l of labels) {
    const t = R.takeV2(run, l);
    if (!t.ok) throw new Error(`${l}: ${t.reason}`);
    run = t.run;
  }
  return run;
}
